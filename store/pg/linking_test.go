package pg

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"chrono/model"
	"chrono/store/storetest"
)

// linkingRows are the linking table's rows, as "id #seq".
func linkingRows(t *testing.T, url string) []string {
	t.Helper()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, `SELECT id || ' #' || seq FROM linking ORDER BY inv, id, seq`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLinkingStep: the step that adds the linking table fills it, from
// a journal written before it, with the rows a write after it adds: an
// entry for each event whose links from others it changed (a link
// added, given another rel, the linking event moved to the trash and
// back, the link removed). The histories read with it are those read
// before.
func TestLinkingStep(t *testing.T) {
	if m := migrations[linkingSchema-1]; !strings.Contains(m.what, "links other events make") {
		t.Fatalf("step %d is %q, not the linking table's", linkingSchema, m.what)
	}
	url := freshDatabase(t)
	s, err := Open(url, Options{Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Import(t, s, storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t)))
	for _, w := range []struct {
		op model.Op
		fn func(tx model.Tx) error
	}{
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
			return err
		}},
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, "tye-statement", model.Supports, "fbi-tip")
			return err
		}},
		{model.OpDelete, func(tx model.Tx) error { _, err := model.DeleteEvents(tx, []string{"tye-statement"}); return err }},
		{model.OpRestore, func(tx model.Tx) error { return model.RestoreEvents(tx, []string{"tye-statement"}) }},
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.UnlinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
			return err
		}},
	} {
		if _, err := s.Write(w.op, "change", w.fn); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{"khashoggi-killed", "fbi-tip", "tye-statement"}
	history := func(s *Store) map[string][]model.Entry {
		t.Helper()
		out := map[string][]model.Entry{}
		for _, id := range ids {
			h, err := s.Journal(model.JournalQuery{Event: id, Linked: true, MostEvents: 5})
			if err != nil {
				t.Fatalf("history of %s: %v", id, err)
			}
			out[id] = h
		}
		return out
	}
	want, wantRows := history(s), linkingRows(t, url)
	if len(wantRows) == 0 {
		t.Fatal("no linking rows written")
	}
	if len(want["khashoggi-killed"]) < 5 {
		t.Fatalf("history of khashoggi-killed: %+v; want the import's and four links'", want["khashoggi-killed"])
	}
	s.Close()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `DROP TABLE linking`); err != nil {
		t.Fatal(err)
	}
	step := slices.IndexFunc(migrations, func(m migration) bool { return strings.Contains(m.what, "links other events make") })
	if _, err := c.Exec(ctx, `UPDATE chrono_schema SET version = $1`, step); err != nil {
		t.Fatal(err)
	}
	// Opened read-only before the step, the database is read as it is:
	// the histories come from the journal read back, as before it.
	ro, err := Open(url, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("opened read-only before the step: %v", err)
	}
	if got := history(ro); !reflect.DeepEqual(got, want) {
		t.Errorf("histories read-only before the step:\n%+v\nwant\n%+v", got, want)
	}
	if _, err := ro.Detail("khashoggi-killed"); err != nil {
		t.Errorf("detail read-only before the step: %v", err)
	}
	ro.Close()
	s, err = Open(url, Options{Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := linkingRows(t, url); !reflect.DeepEqual(got, wantRows) {
		t.Errorf("linking rows after the step:\n%q\nwant\n%q", got, wantRows)
	}
	if got := history(s); !reflect.DeepEqual(got, want) {
		t.Errorf("histories after the step:\n%+v\nwant\n%+v", got, want)
	}
	// An entry elsewhere in the journal that no longer reads does not
	// stop the history, which reads only the entries its rows name.
	e, err := s.Write(model.OpLink, "link", func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "tye-statement", model.Follows, "fbi-tip")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `UPDATE journal SET body = 'not an entry', head = NULL WHERE seq = $1`, int64(e.Seq)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Journal(model.JournalQuery{Event: "khashoggi-killed", Linked: true, MostEvents: 5})
	if err != nil || !reflect.DeepEqual(got, want["khashoggi-killed"]) {
		t.Errorf("history of khashoggi-killed past an entry that does not read: %+v, %v\nwant\n%+v", got, err, want["khashoggi-killed"])
	}
}
