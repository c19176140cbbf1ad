package storetest

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
)

// testPage checks that a Page holds what Window gives and the links the
// imported files make to its rows (as IncomingLinks gives them too), for
// every view and anchor of testWindow's, and that an uncounted one
// leaves Start alone.
func testPage(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := InTimelineOrder(FixtureEvents(t))
	keys := OrderKeys(events)
	// The links to each event, as the imported files state them.
	incoming := map[string][]model.Incoming{}
	for _, e := range events {
		for _, l := range e.Links {
			incoming[l.Event] = append(incoming[l.Event], model.Incoming{From: e.ID, Rel: l.Rel})
		}
	}
	for _, in := range incoming {
		slices.SortFunc(in, func(a, b model.Incoming) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Rel, b.Rel)) })
	}
	anchors := []model.PageAt{{}, {FromEnd: true, Before: 3}, {At: model.PositionOf(bytes.Repeat([]byte{0xFF}, 40)), Before: 2}}
	for _, e := range events {
		anchors = append(anchors, model.PageAt{At: model.PositionOf(keys[e.ID])})
	}
	for _, v := range views {
		for _, size := range [][2]int{{2, 3}, {0, 4}, {4, 0}, {30, 30}} {
			for _, at := range anchors {
				if at.Before == 0 && at.After == 0 {
					at.Before, at.After = size[0], size[1]
				}
				what := fmt.Sprintf("%s: Page(%q, from the end %v, %d, %d)", v.name, model.OrderKeyID(at.At.Key()), at.FromEnd, at.Before, at.After)
				p, err := st.Page(v.q, at)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				w, err := st.Window(v.q, at.At, at.FromEnd, at.Before, at.After)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(p.Window, w) {
					t.Errorf("%s: window %+v\nWindow gives %+v", what, p.Window, w)
				}
				ids := make([]string, len(w.Rows))
				in := map[string][]model.Incoming{}
				for i, r := range w.Rows {
					ids[i] = r.Event.ID // in timeline order, not the index's
					in[r.Event.ID] = incoming[r.Event.ID]
				}
				if !reflect.DeepEqual(p.Incoming, in) {
					t.Errorf("%s: incoming %+v\nwant %+v", what, p.Incoming, in)
				}
				if got, err := st.IncomingLinks(ids); err != nil || !reflect.DeepEqual(got, in) {
					t.Errorf("%s: IncomingLinks %+v, %v\nwant %+v", what, got, err, in)
				}
				at.Uncounted = true
				u, err := st.Page(v.q, at)
				if err != nil {
					t.Fatal(err)
				}
				w.Start = 0
				if !reflect.DeepEqual(u.Window, w) || !reflect.DeepEqual(u.Incoming, in) {
					t.Errorf("%s, uncounted: %+v\nwant %+v", what, u, model.Page{Window: w, Incoming: in})
				}
			}
		}
	}
}

// testWindowOfAnySize: a window asked for no rows, or for more than any
// store holds, is read as far as there are rows; a negative count is
// none, not an error.
func testWindowOfAnySize(t *testing.T, s *suite) {
	st := s.seeded(t)
	all, err := st.Window(model.Query{}, model.Position{}, false, 0, math.MaxInt)
	if err != nil || len(all.Rows) == 0 || !all.AtEnd {
		t.Fatalf("the whole view: %d rows, at the end %v, %v", len(all.Rows), all.AtEnd, err)
	}
	mid := all.Rows[len(all.Rows)/2].Pos
	for _, c := range []struct{ before, after, want int }{
		{-1, 0, 0}, {0, -5, 0}, {-1, 1, 1}, {math.MaxInt, math.MaxInt, len(all.Rows)}, {math.MaxInt, 0, len(all.Rows) / 2},
	} {
		w, err := st.Window(model.Query{}, mid, false, c.before, c.after)
		if err != nil || len(w.Rows) != c.want {
			t.Errorf("before %d, after %d: %d rows, %v; want %d", c.before, c.after, len(w.Rows), err, c.want)
		}
		p, err := st.Page(model.Query{}, model.PageAt{At: mid, Before: c.before, After: c.after})
		if err != nil || len(p.Rows) != c.want {
			t.Errorf("page before %d, after %d: %d rows, %v; want %d", c.before, c.after, len(p.Rows), err, c.want)
		}
	}
}
