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
	d.to("khashoggi-killed") // no link places it: its date alone does
	d.run(d.m.act(writeEdit{redate{"khashoggi-killed", model.MustParseDate("2022-06")}}, nil))
	var got []string
	for _, r := range d.browser().tl.rows {
		got = append(got, r.Event.ID)
	}
	want := append(slices.DeleteFunc(slices.Clone(order), func(id string) bool { return id == "khashoggi-killed" }), "khashoggi-killed")
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if d.selected() != "khashoggi-killed" || d.status() != "date changed" {
		t.Errorf("selected %s, status %q", d.selected(), d.status())
	}
	if e, _ := d.browser().Latest("khashoggi-killed"); e.Date.Label() != "Jun 2022" {
		t.Errorf("the row shows %s", e.Date.Label())
	}
}

// TestTimelineUpdateReportsMoves: an edit to what places an event (its
// date, its title, its order links) loads the window again, since it may
// move the event and others placed with it; an edit to anything else
// does not.
func TestTimelineUpdateReportsMoves(t *testing.T) {
	ev := func(id, date string) model.Event { return model.Event{ID: id, Date: model.MustParseDate(date)} }
	tl := timeline{rows: []model.Row{{Event: ev("a", "2001")}, {Event: ev("b", "2002")}, {Event: ev("c", "2003")}}}
	with := func(e model.Event, fn func(e *model.Event)) model.Event { fn(&e); return e }
	b := ev("b", "2002")
	tests := []struct {
		what  string
		e     model.Event
		moved bool
	}{
		{"later, still before c", ev("b", "2002-05"), true}, // others may be placed by it
		{"after c", ev("b", "2004"), true},
		{"before a", ev("b", "2000"), true},
		{"not loaded", ev("x", "2000"), false},
		{"retitled", with(b, func(e *model.Event) { e.Title = "B" }), true},
		{"linked: follows", with(b, func(e *model.Event) { e.Links = []model.Link{{Rel: model.Follows, Event: "z"}} }), true},
		{"linked: related", with(b, func(e *model.Event) { e.Links = []model.Link{{Rel: model.Related, Event: "z"}} }), false},
		{"retagged", with(b, func(e *model.Event) { e.Tags = []string{"t"} }), false},
		{"unchanged", b, false},
	}
	for _, tt := range tests {
		tl.rows[1].Event = b
		if moved := tl.update([]model.Event{tt.e}); (len(moved) > 0) != tt.moved {
			t.Errorf("%s: moved %v, want %v", tt.what, moved, tt.moved)
		}
	}
}

// TestLinkMovesOtherRows: a link that places another event moves that
// event's row, though the event linked from stays where it was. The
// killing follows the FBI tip: the tip (Aug 2017 – 2021) can then be
// no later than the killing (2 Oct 2018), and comes before it.
func TestLinkMovesOtherRows(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.to("khashoggi-killed")
	d.run(d.m.act(linkEvents{from: "khashoggi-killed", rel: model.Follows, to: "fbi-tip"}, nil))
	if l := event(t, s, "khashoggi-killed").Links; !slices.Contains(l, model.Link{Rel: model.Follows, Event: "fbi-tip"}) {
		t.Fatalf("the link is not stored: %v; status %q", l, d.status())
	}
	var got []string
	for _, r := range d.browser().tl.rows {
		got = append(got, r.Event.ID)
	}
	want := slices.Insert(slices.DeleteFunc(slices.Clone(order), func(id string) bool { return id == "fbi-tip" }), 1, "fbi-tip")
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if d.selected() != "khashoggi-killed" {
		t.Errorf("selected %s", d.selected())
	}
}
