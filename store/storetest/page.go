package storetest

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"chrono/model"
)

// testPage checks that a Page holds what Window and IncomingLinks give
// for its rows, every view and anchor of testWindow's, and that an
// uncounted one leaves Start alone.
func testPage(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := InTimelineOrder(FixtureEvents(t))
	keys := OrderKeys(events)
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
				for i, r := range w.Rows {
					ids[i] = r.Event.ID
				}
				in, err := st.IncomingLinks(ids)
				if err != nil {
					t.Fatal(err)
				}
				if len(in) == 0 {
					in = map[string][]model.Incoming{}
				}
				if !reflect.DeepEqual(p.Incoming, in) {
					t.Errorf("%s: incoming %+v\nIncomingLinks gives %+v", what, p.Incoming, in)
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
