package tui

import (
	"slices"
	"testing"

	"chrono/model"
)

// redatingStore is the example store with a write the browser has no key
// for yet: a new date for an event, as an edit form will make.
type redatingStore struct{ model.Store }

func (s redatingStore) redate(id string, d model.Date) (model.Change, error) {
	det, err := s.Detail(id)
	if err != nil {
		return model.Change{}, err
	}
	after := det.Event
	after.Date = d
	in := model.Input{Name: "redate", Read: func(sink model.Sink) error {
		return model.Feed(model.Timeline{Events: []model.Event{after}}, sink)
	}}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		return model.Change{}, err
	}
	return model.Change{Before: det.Event, After: after}, nil
}

// redate is the edit that changes an event's date.
type redate struct {
	id   string
	date model.Date
}

func (r redate) IDs() []string { return []string{r.id} }

func (r redate) Change(e model.Event) model.Event {
	e.Date = r.date
	return e
}

func (r redate) Apply(w model.Writer) ([]model.Change, model.Edit, error) {
	c, err := w.(redatingStore).redate(r.id, r.date)
	if err != nil {
		return nil, nil, err
	}
	return []model.Change{c}, nil, nil
}

func (r redate) Phrase() string { return "date changed" }

// TestEditMovesRow: an event whose new date sorts elsewhere moves there,
// with the cursor on it, once the store has it.
func TestEditMovesRow(t *testing.T) {
	d := newDriver(t, redatingStore{exampleStore(t)}, 120, 40)
	d.keys("j")
	if d.selected() != "fbi-tip" {
		t.Fatalf("selected %s", d.selected())
	}
	d.run(d.m.act(writeEdit{redate{"fbi-tip", model.MustParseDate("2022-06")}}, nil))
	var got []string
	for _, r := range d.browser().tl.rows {
		got = append(got, r.Event.ID)
	}
	want := append(slices.DeleteFunc(slices.Clone(order), func(id string) bool { return id == "fbi-tip" }), "fbi-tip")
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if d.selected() != "fbi-tip" || d.status() != "date changed" {
		t.Errorf("selected %s, status %q", d.selected(), d.status())
	}
	if e, _ := d.browser().Latest("fbi-tip"); e.Date.Label() != "Jun 2022" {
		t.Errorf("the row shows %s", e.Date.Label())
	}
}

func TestTimelineUpdateReportsMoves(t *testing.T) {
	ev := func(id, date string) model.Event { return model.Event{ID: id, Date: model.MustParseDate(date)} }
	tl := timeline{rows: []model.Row{{Event: ev("a", "2001")}, {Event: ev("b", "2002")}, {Event: ev("c", "2003")}}}
	tests := []struct {
		e     model.Event
		moved bool
	}{
		{ev("b", "2002-05"), false}, // later, still before c
		{ev("b", "2004"), true},     // after c
		{ev("b", "2000"), true},     // before a
		{ev("x", "2000"), false},    // not loaded
	}
	for _, tt := range tests {
		tl.rows[1].Event = ev("b", "2002")
		if moved := tl.update([]model.Event{tt.e}); (len(moved) > 0) != tt.moved {
			t.Errorf("%s to %s: moved %v", tt.e.ID, tt.e.Date.Label(), moved)
		}
	}
}
