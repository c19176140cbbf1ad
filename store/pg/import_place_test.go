package pg

import (
	"bytes"
	"fmt"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestImportPlacesLinkedEventsAsItWritesThem: an event linked to one a
// batch before is written at the key its group places it at, not at its
// own date's and then moved at commit: the events table sees no update
// of it, into an investigation that held nothing and into one that held
// an event.
func TestImportPlacesLinkedEventsAsItWritesThem(t *testing.T) {
	events := []model.Event{{ID: "a", Date: model.MustParseDate("2020-03-01"), Title: "A"}}
	for i := range importBatch {
		events = append(events, model.Event{ID: fmt.Sprintf("f-%04d", i), Date: model.MustParseDate("2001-01-01"), Title: "Filler"})
	}
	// b's year is narrowed to before a by its link.
	b := model.Event{ID: "b", Date: model.MustParseDate("2020"), Title: "B", Links: []model.Link{{Rel: model.Precedes, Event: "a"}}}
	events = append(events, b)
	var doc bytes.Buffer
	all := func(yield func(model.Event, error) bool) {
		for _, e := range events {
			if !yield(e, nil) {
				return
			}
		}
	}
	if err := native.Write(&doc, model.Header{}, nil, all); err != nil {
		t.Fatal(err)
	}
	for _, held := range []bool{false, true} {
		t.Run(fmt.Sprintf("held %v", held), func(t *testing.T) {
			url := freshDatabase(t)
			s, err := Open(url, Options{Investigation: "a", Author: "a"})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if held {
				storetest.Import(t, s, storetest.NativeInput("held.json", []byte(`{"chrono": 1, "events": [{"id": "h", "date": "1999-01-01", "title": "H"}]}`)))
			}
			c, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			if _, err := c.Exec(ctx, `CREATE TABLE updated (id text);
CREATE FUNCTION log_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO updated VALUES (NEW.id); RETURN NULL; END $$;
CREATE TRIGGER events_updated AFTER UPDATE ON events FOR EACH ROW EXECUTE FUNCTION log_update()`); err != nil {
				t.Fatal(err)
			}
			storetest.Import(t, s, storetest.NativeInput("linked.json", doc.Bytes()))
			var ord []byte
			var updates int
			if err := c.QueryRow(ctx, `SELECT ord, (SELECT count(*) FROM updated WHERE id = 'b') FROM events WHERE id = 'b'`).Scan(&ord, &updates); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(ord, model.OrderKey(&b)) {
				t.Fatal("b is stored at its own date's key: its link does not place it, and the test shows nothing")
			}
			var want []byte
			for _, p := range model.Order([]model.Event{events[0], b}).Events {
				if p.Event.ID == "b" {
					want = p.OrderKey()
				}
			}
			if !bytes.Equal(ord, want) {
				t.Errorf("b stored at %x, its group places it at %x", ord, want)
			}
			if updates != 0 {
				t.Errorf("b was written %d times after it was inserted, want none", updates)
			}
		})
	}
}
