package pg

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
)

// TestTitlesStep: the fifteenth step gives an event stored before it
// with a title longer than an order key now holds the key that holds
// its first model.OrderTitleBytes, and leaves the others' keys alone;
// the store then reads it in its place.
func TestTitlesStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "titles' first kilobyte")
	long := model.Event{ID: "long", Date: model.MustParseDate("2017-08"), Title: "A long headline: " + strings.Repeat("the office said again that ", 70)}
	short := model.Event{ID: "short", Date: model.MustParseDate("2017-09"), Title: "A short one"}
	for _, e := range []model.Event{long, short} {
		r := rowOf(&e)
		if e.ID == "long" {
			// The key before the step: the title whole.
			head := len(r.ord) - len("\x00\x01long\x00")
			r.ord = append(append(bytes.Clone(r.ord[:head]), e.Title[model.OrderTitleBytes:]...), r.ord[head:]...)
		}
		insertRow(t, c, inv, r)
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	for _, e := range []model.Event{long, short} {
		var ord []byte
		if err := c.QueryRow(ctx, `SELECT ord FROM events WHERE inv = $1 AND id = $2`, inv, e.ID).Scan(&ord); err != nil {
			t.Fatal(err)
		}
		if want := model.OrderKey(&e); !bytes.Equal(ord, want) {
			t.Errorf("%s after the step: key of %d bytes, want %d", e.ID, len(ord), len(want))
		}
	}
	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.Window(model.Query{}, model.Position{}, false, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if ids := strings.Join(w.IDs(), " "); ids != "long short" {
		t.Errorf("the window after the step: %s, want long short", ids)
	}
}
