package storetest

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// views are the queries the view tests ask: every filter alone, several
// values of one filter (any of them), filters together (all of them), and
// queries that select nothing.
var views = []struct {
	name string
	q    model.Query
}{
	{"everything", model.Query{}},
	{"tag", model.Query{Tags: []string{"whistleblower"}}},
	{"tag with a non-ASCII name", model.Query{Tags: []string{"antiquité"}}},
	{"tags context or doj", model.Query{Tags: []string{"context", "doj"}}},
	{"tags, one listed twice", model.Query{Tags: []string{"ss7", "context", "ss7"}}},
	{"tag flagged", model.Query{Tags: []string{"flagged"}}},
	{"tag nobody has", model.Query{Tags: []string{"no-such-tag"}}},
	{"status", model.Query{Statuses: []model.Status{model.Confirmed}}},
	{"statuses reported or alleged", model.Query{Statuses: []model.Status{model.Reported, model.Alleged}}},
	{"not assessed", model.Query{Statuses: []model.Status{""}}},
	{"actor", model.Query{Actors: []string{"Gary Miller"}}},
	{"actors NSO Group or Ted Lieu", model.Query{Actors: []string{"NSO Group", "Ted Lieu"}}},
	{"actor listed twice on an event", model.Query{Actors: []string{"Brutus"}}},
	// The Post anchors one event's date without being quoted in it.
	{"source", model.Query{Sources: []string{"wapo"}}},
	{"sources wapo or desk-notes", model.Query{Sources: []string{"wapo", "desk-notes"}}},
	{"source cited in a quote only", model.Query{Sources: []string{"desk-notes"}}},
	{"source nobody cites", model.Query{Sources: []string{"no-such-source"}}},
	{"source and tag", model.Query{Sources: []string{"occupy-democrats"}, Tags: []string{"whistleblower"}}},
	{"source, status and during", model.Query{Sources: []string{"wapo"}, Statuses: []model.Status{model.Reported}, During: model.MustParseDate("2017/2021")}},
	{"source and text", model.Query{Sources: []string{"occupy-democrats"}, Text: "lieu"}},
	{"during a year", model.Query{During: model.MustParseDate("2021")}},
	{"during an interval", model.Query{During: model.MustParseDate("2017-08-10/2018")}},
	{"during an open interval", model.Query{During: model.MustParseDate("../2016")}},
	{"during a month", model.Query{During: model.MustParseDate("2017-08")}},
	// Overlapping is sharing an instant: these touch mid-august (the whole
	// of 2017-08-14) at its first and at its last.
	{"during, ending at an event's first instant", model.Query{During: model.MustParseDate("2017-08-10/2017-08-14T00:00:00.000000000Z")}},
	{"during, starting at an event's last instant", model.Query{During: model.MustParseDate("2017-08-14T23:59:59.999999999Z/2017-08-20")}},
	{"text", model.Query{Text: "CASH"}},
	{"tag and status", model.Query{Tags: []string{"context"}, Statuses: []model.Status{model.Confirmed}}},
	{"tags and actors", model.Query{Tags: []string{"khashoggi", "ss7"}, Actors: []string{"NSO Group"}}},
	{"tag, actor and during", model.Query{Tags: []string{"whistleblower"}, Actors: []string{"Gary Miller"}, During: model.MustParseDate("2017/2021")}},
	{"status and during", model.Query{Statuses: []model.Status{model.Reported}, During: model.MustParseDate("2021-06/2022")}},
	{"tag and text", model.Query{Tags: []string{"context"}, Text: "nso"}},
	{"untagged", model.Query{Untagged: true}},
	{"with notes", model.Query{Noted: true}},
	{"untagged, with notes, not assessed", model.Query{Untagged: true, Noted: true, Statuses: []model.Status{""}}},
	{"tag and with notes", model.Query{Tags: []string{"whistleblower"}, Noted: true}},
	{"disputed by another event", model.Query{Linked: []model.Rel{model.DisputedBy}}},
	{"supporting or supported", model.Query{Linked: []model.Rel{model.Supports, model.SupportedBy}}},
	{"following another, tagged", model.Query{Linked: []model.Rel{model.Follows}, Tags: []string{"whistleblower"}}},
	{"disputed or disputing, during", model.Query{Linked: []model.Rel{model.Disputes, model.DisputedBy}, During: model.MustParseDate("2017/2021")}},
	{"linked in order, text", model.Query{Linked: []model.Rel{model.Precedes, model.Follows}, Text: "nso"}},
	{"everything filtered out", model.Query{Tags: []string{"ss7"}, Statuses: []model.Status{model.Denied}}},
	{"chosen by id", model.Query{ByID: true, IDs: []string{"undated-aside", "mid-august", "ides-of-march", "not-an-event"}}},
	{"chosen by id, tagged", model.Query{ByID: true, IDs: []string{"mid-august", "ides-of-march"}, Tags: []string{"context"}}},
	{"chosen by id, none named", model.Query{ByID: true}},
	{"chosen by id, one named twice", model.Query{ByID: true, IDs: []string{"mid-august", "ides-of-march", "mid-august"}}},
}

func testViewsAgreeWithTheModel(t *testing.T, s *suite) {
	st := s.seeded(t)
	s.checkViews(t, st, FixtureEvents(t))
}

func testTimelineOrder(t *testing.T, s *suite) {
	st := s.seeded(t)
	got := IDs(AllEvents(t, st))
	// Written out once, so that the model's order is checked too: events
	// by the latest instant of their span as the links narrow it (the
	// statements and the denial the Post had before its article come
	// before it), then the earliest, then precision and title; undated
	// events last, by title.
	want := []string{
		"ides-of-march", "unknown-start", "open-start", "mid-august",
		"nso-mobileum-call", "a-same-month", "khashoggi-killed", "pegasus-project",
		"commerce-entity-list", "apple-sues-nso", "fbi-tip", "miller-contacts-lieu",
		"lieu-criminal-referral", "tye-statement", "nso-denial", "no-comment-from-doj",
		"lieu-interview", "post-publishes",
		"undated-rumour", "undated-aside",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline order:\n got %q\nwant %q", got, want)
	}
	if model := IDs(InTimelineOrder(FixtureEvents(t))); !slices.Equal(got, model) {
		t.Errorf("timeline order:\n got %q\nthe model's %q", got, model)
	}
}

// testEventsStops: a loop over Events may end early, and the store is
// usable after it.
func testEventsStops(t *testing.T, s *suite) {
	st := s.seeded(t)
	var got []string
	for e := range st.Events(model.Query{Tags: []string{"whistleblower"}}) {
		got = append(got, e.ID)
		if len(got) == 2 {
			break
		}
	}
	if len(got) != 2 {
		t.Errorf("breaking out of Events after 2 gave %v", got)
	}
	if _, err := Retag(st, []string{"fbi-tip"}, []string{"after-the-loop"}, nil); err != nil {
		t.Errorf("a write after breaking out of Events: %v", err)
	}
}

func testWindow(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := InTimelineOrder(FixtureEvents(t))
	keys := OrderKeys(events)
	// Anchors: the start, every event's key (in the view or not), a key
	// between two events, and one past every event.
	anchors := [][]byte{nil}
	for _, e := range events {
		key := keys[e.ID]
		anchors = append(anchors, key, append(slices.Clone(key), 0))
	}
	anchors = append(anchors, bytes.Repeat([]byte{0xFF}, 40))

	for _, v := range views {
		view := Selected(v.q, events)
		for _, size := range [][2]int{{2, 3}, {0, 4}, {4, 0}, {1, 1}, {30, 30}} {
			before, after := size[0], size[1]
			for _, anchor := range anchors {
				// split: how many events of the view come before anchor.
				split := 0
				for anchor != nil && split < len(view) && bytes.Compare(keys[view[split].ID], anchor) < 0 {
					split++
				}
				lo, hi := max(0, split-before), min(len(view), split+after)
				w, err := st.Window(v.q, model.PositionOf(anchor), false, before, after)
				if err != nil {
					t.Fatal(err)
				}
				checkWindow(t, fmt.Sprintf("%s: Window(%q, %d, %d)", v.name, model.OrderKeyID(anchor), before, after),
					w, view, lo, hi, before, after, split)
			}
			// From the end: the last events, after is ignored.
			w, err := st.Window(v.q, model.Position{}, true, before, after)
			if err != nil {
				t.Fatal(err)
			}
			lo := max(0, len(view)-before)
			checkWindow(t, fmt.Sprintf("%s: Window(from the end, %d)", v.name, before), w, view, lo, len(view), before, 0, len(view))
			if !w.AtEnd {
				t.Errorf("%s: a window from the end is not AtEnd", v.name)
			}
		}
	}
}

// checkWindow checks a window against the view's rows lo to hi, asked for
// with before and after rows around the view's index split.
func checkWindow(t *testing.T, what string, w model.Window, view []model.Event, lo, hi, before, after, split int) {
	t.Helper()
	var got []string
	for _, r := range w.Rows {
		got = append(got, r.Event.ID)
		if !keyOf(r.Pos.Key(), &r.Event) {
			t.Errorf("%s: row %s has key %q, not its order key", what, r.Event.ID, r.Pos.Key())
		}
	}
	if want := IDs(view[lo:hi]); !slices.Equal(got, want) {
		t.Errorf("%s: rows %q, want %q", what, got, want)
		return
	}
	if len(w.Rows) > 0 && w.Start != lo {
		t.Errorf("%s: Start = %d, want %d", what, w.Start, lo)
	}
	// The flags must never claim an edge the window does not reach, or a
	// browser would not load the rest; and they must be set when the view
	// ran out before the window was full. (When exactly as many events as
	// asked for lie between the anchor and an edge, the window cannot tell
	// without reading one more, and the flag may be false.)
	reachesStart, reachesEnd := lo == 0, hi == len(view)
	if w.AtStart && !reachesStart {
		t.Errorf("%s: AtStart, but the window starts at %d", what, lo)
	}
	if w.AtEnd && !reachesEnd {
		t.Errorf("%s: AtEnd, but the window ends at %d of %d", what, hi, len(view))
	}
	if split < before && !w.AtStart {
		t.Errorf("%s: only %d events before the anchor, but not AtStart", what, split)
	}
	if len(view)-split < after && !w.AtEnd {
		t.Errorf("%s: only %d events from the anchor on, but not AtEnd", what, len(view)-split)
	}
}

func testCountsFollowWrites(t *testing.T, s *suite) {
	st := s.seeded(t)
	original := FixtureEvents(t)

	tagged := []string{"khashoggi-killed", "undated-aside", "open-start", "ides-of-march", "post-publishes"}
	changes, err := Retag(st, tagged, []string{"flagged", "ss7"}, []string{"context"})
	if err != nil {
		t.Fatal(err)
	}
	retagged := slices.Clone(original)
	for i := range retagged {
		if slices.Contains(tagged, retagged[i].ID) {
			retagged[i].Tags = slices.DeleteFunc(slices.Clone(retagged[i].Tags), func(t string) bool { return t == "context" })
			for _, add := range []string{"flagged", "ss7"} {
				if !slices.Contains(retagged[i].Tags, add) {
					retagged[i].Tags = append(retagged[i].Tags, add)
				}
			}
		}
	}
	t.Run("after Retag", func(t *testing.T) { s.checkViews(t, st, retagged) })

	var undo []model.Event
	for _, c := range changes {
		undo = append(undo, c.Before)
	}
	if _, err := Restore(st, undo); err != nil {
		t.Fatal(err)
	}
	t.Run("after Restore", func(t *testing.T) { s.checkViews(t, st, original) })

	// A restore that moves an event in time moves it in every count.
	moved := StoredEvent(t, st, "apple-sues-nso")
	moved.Date = model.MustParseDate("2016-02")
	moved.Status = model.Disputed
	moved.Actors = append(moved.Actors, "Tim Cook")
	if _, err := Restore(st, []model.Event{moved}); err != nil {
		t.Fatal(err)
	}
	withMoved := slices.Clone(original)
	for i := range withMoved {
		if withMoved[i].ID == moved.ID {
			withMoved[i] = moved
		}
	}
	t.Run("after a Restore that moves an event", func(t *testing.T) { s.checkViews(t, st, withMoved) })
}

// checkViews checks every answer the store gives about views against the
// model's answer for events: each query's events in order from every
// starting point in both directions, its count and its periods; the facet
// counts; and each event's rank and position. It also runs the
// implementation's own checks.
func (s *suite) checkViews(t *testing.T, st model.Store, events []model.Event) {
	t.Helper()
	s.check(t, st)
	events = InTimelineOrder(events)
	byID := OrderKeys(events)
	keys := make([][]byte, len(events))
	for i, e := range events {
		keys[i] = byID[e.ID]
	}
	if got := IDs(AllEvents(t, st)); !slices.Equal(got, IDs(events)) {
		t.Fatalf("stored events %q\nwant %q", got, IDs(events))
	}

	for _, v := range views {
		want := Selected(v.q, events)
		if got := scanIDs(t, st, v.q, nil, false); !slices.Equal(got, IDs(want)) {
			t.Errorf("%s: forward = %q\nwant %q", v.name, got, IDs(want))
		}
		if got := eventIDs(t, st, v.q); !slices.Equal(got, IDs(want)) {
			t.Errorf("%s: Events = %q\nwant %q", v.name, got, IDs(want))
		}
		backward := IDs(want)
		slices.Reverse(backward)
		if got := scanIDs(t, st, v.q, nil, true); !slices.Equal(got, backward) {
			t.Errorf("%s: backward = %q\nwant %q", v.name, got, backward)
		}
		for i, from := range keys {
			after := within(want, events[i:])
			if got := scanIDs(t, st, v.q, from, false); !slices.Equal(got, IDs(after)) {
				t.Errorf("%s: forward from %s = %q\nwant %q", v.name, events[i].ID, got, IDs(after))
			}
			before := IDs(within(want, events[:i]))
			slices.Reverse(before)
			if got := scanIDs(t, st, v.q, from, true); !slices.Equal(got, before) {
				t.Errorf("%s: backward from %s = %q\nwant %q", v.name, events[i].ID, got, before)
			}
		}
		if n, err := st.Count(v.q); err != nil || n != len(want) {
			t.Errorf("%s: Count = %d, %v; want %d", v.name, n, err, len(want))
		}
		got, err := st.Periods(v.q)
		if err != nil {
			t.Fatal(err)
		}
		if wantPeriods := periodsOf(want); !slices.Equal(got, wantPeriods) {
			t.Errorf("%s: Periods = %+v\nwant %+v", v.name, got, wantPeriods)
		}
		sum := 0
		for _, p := range got {
			sum += p.Count
		}
		if sum != len(want) {
			t.Errorf("%s: Periods add up to %d, want %d", v.name, sum, len(want))
		}
	}

	for kind, field := range map[model.FacetKind]func(e *model.Event) []string{
		model.FacetTags:     func(e *model.Event) []string { return e.Tags },
		model.FacetActors:   func(e *model.Event) []string { return e.Actors },
		model.FacetStatuses: func(e *model.Event) []string { return []string{string(e.Status)} },
		model.FacetSources:  func(e *model.Event) []string { return model.AppendCited(nil, e) },
	} {
		got, err := st.Facets(kind)
		if err != nil {
			t.Fatal(err)
		}
		if want := facetsOf(events, field); !slices.Equal(got, want) {
			t.Errorf("Facets(%v) = %+v\nwant %+v", kind, got, want)
		}
	}

	// IDs lists the ids that begin with a prefix, in byte order, up to
	// a limit: what a shell completes an id from.
	var ids []string
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	for _, prefix := range []string{"", ids[0][:1], ids[len(ids)-1], "zz-none"} {
		var want []string
		for _, id := range ids {
			if strings.HasPrefix(id, prefix) {
				want = append(want, id)
			}
		}
		for _, limit := range []int{len(ids) + 1, 2} {
			got, err := st.IDs(prefix, limit)
			if err != nil {
				t.Fatal(err)
			}
			if w := want[:min(len(want), limit)]; !slices.Equal(got, w) {
				t.Errorf("IDs(%q, %d) = %q, want %q", prefix, limit, got, w)
			}
		}
	}

	for i, e := range events {
		// The rank of an event in the unfiltered timeline is the Start of
		// the window that begins with it.
		if w, err := st.Window(model.Query{}, model.PositionOf(keys[i]), false, 0, 1); err != nil || len(w.Rows) != 1 || w.Rows[0].Event.ID != e.ID || w.Start != i {
			t.Errorf("rank of %s: window %+v, %v; want it first, at %d", e.ID, w, err, i)
		}
		if at, err := st.Position(e.ID); err != nil || !bytes.Equal(at.Key(), keys[i]) {
			t.Errorf("Position(%s) = %q, %v; want %q", e.ID, at.Key(), err, keys[i])
		}
	}
}

// Selected returns the events q selects, by the model's definition, the
// links among events counted both ways.
func Selected(q model.Query, events []model.Event) []model.Event {
	incoming := map[string][]model.Incoming{}
	for _, e := range events {
		for _, l := range e.Links {
			incoming[l.Event] = append(incoming[l.Event], model.Incoming{From: e.ID, Rel: l.Rel})
		}
	}
	var out []model.Event
	for i := range events {
		if q.MatchesIn(&events[i], incoming[events[i].ID]) {
			out = append(out, events[i])
		}
	}
	return out
}

// within returns the events of sel that are among part, in sel's order.
func within(sel, part []model.Event) []model.Event {
	in := map[string]bool{}
	for _, e := range part {
		in[e.ID] = true
	}
	var out []model.Event
	for _, e := range sel {
		if in[e.ID] {
			out = append(out, e)
		}
	}
	return out
}

// scanIDs returns the ids of the events q selects from the first at or
// after from (nil: the start), or, backward, from the last before from
// (nil: the end) back to the first: one window as large as the view.
func scanIDs(t *testing.T, st model.Store, q model.Query, from []byte, backward bool) []string {
	t.Helper()
	const all = math.MaxInt32
	var w model.Window
	var err error
	switch {
	case backward && from == nil:
		w, err = st.Window(q, model.Position{}, true, all, 0)
	case backward:
		w, err = st.Window(q, model.PositionOf(from), false, all, 0)
	default:
		w, err = st.Window(q, model.PositionOf(from), false, 0, all)
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range w.Rows {
		if order := r.Pos.Key(); !keyOf(order, &r.Event) {
			t.Errorf("the window gave %s with key %q, not its order key", r.Event.ID, order)
		}
		out = append(out, r.Event.ID)
	}
	if backward {
		slices.Reverse(out)
	}
	return out
}

// eventIDs returns the ids of the events Events gives for q.
func eventIDs(t *testing.T, st model.Store, q model.Query) []string {
	t.Helper()
	var out []string
	for e, err := range st.Events(q) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.ID)
	}
	return out
}

// periodsOf counts events in timeline order by the month their rows
// show their earliest bound in (as written) and the months they may
// fall in, with open starts and
// undated events in periods of their own, as Periods documents it.
func periodsOf(events []model.Event) []model.Period {
	var out []model.Period
	for _, e := range events {
		var p model.Period
		switch n, months := model.PeriodSpanShown(e.Date, model.ZoneWritten); n {
		case model.PeriodUndated:
			p.Undated = true
		case model.PeriodOpenStart:
			p.Open = true
		default:
			p.Year, p.Month = model.PeriodMonth(n)
			p.Months = months
		}
		i := slices.IndexFunc(out, func(o model.Period) bool {
			return o.Year == p.Year && o.Month == p.Month && o.Months == p.Months && o.Open == p.Open && o.Undated == p.Undated
		})
		if i >= 0 {
			out[i].Count++
			continue
		}
		p.Count = 1
		out = append(out, p)
	}
	// Open starts first, then by month and, within a month, those of
	// fewer months first; undated last.
	rank := func(p model.Period) int {
		switch {
		case p.Open:
			return 0
		case p.Undated:
			return 2
		}
		return 1
	}
	slices.SortFunc(out, func(a, b model.Period) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Month, b.Month), cmp.Compare(a.Months, b.Months))
	})
	return out
}

// facetsOf counts the events carrying each value of a field, most
// frequent first, then by name, as Facets documents it.
func facetsOf(events []model.Event, field func(e *model.Event) []string) []model.Facet {
	counts := map[string]int{}
	for i := range events {
		for _, v := range slices.Compact(slices.Sorted(slices.Values(field(&events[i])))) {
			counts[v]++
		}
	}
	var out []model.Facet
	for name, n := range counts {
		out = append(out, model.Facet{Name: name, Count: n})
	}
	slices.SortFunc(out, func(a, b model.Facet) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name)) })
	return out
}

// testCountFromAndFindInPieces answers counts and searches a few events
// at a time, and checks the pieces add up to what Events says.
func testCountFromAndFindInPieces(t *testing.T, s *suite) {
	st := s.seeded(t)
	for _, q := range []model.Query{{}, {Text: "nso"}, {Tags: []string{"context"}, Text: "a"}, {Statuses: []model.Status{model.Reported}, Actors: []string{"Gary Miller"}}, {Sources: []string{"wapo"}}} {
		var want [][]byte
		for e, err := range st.Events(q) {
			if err != nil {
				t.Fatal(err)
			}
			at, err := st.Position(e.ID)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, at.Key())
		}
		for _, limit := range []int{1, 2, 5, 1000} {
			total := 0
			var from model.Position
			for i := 0; ; i++ {
				n, next, err := st.CountFrom(q, from, limit)
				if err != nil {
					t.Fatal(err)
				}
				total += n
				if next.IsZero() {
					break
				}
				if i > 1000 {
					t.Fatal("CountFrom does not end")
				}
				from = next
			}
			if total != len(want) {
				t.Errorf("%+v, limit %d: counted %d, want %d", q, limit, total, len(want))
			}
			for _, backward := range []bool{false, true} {
				var got [][]byte
				var from model.Position
				for i := 0; i < 10000; i++ {
					hit, next, err := st.Find(q, from, backward, limit)
					if err != nil {
						t.Fatal(err)
					}
					switch {
					case !hit.IsZero():
						got = append(got, hit.Key())
						if backward {
							from = hit
						} else {
							from = hit.After()
						}
						continue
					case !next.IsZero():
						from = next
						continue
					}
					break
				}
				if backward {
					slices.Reverse(got)
				}
				if !slices.EqualFunc(got, want, bytes.Equal) {
					t.Errorf("%+v, limit %d, backward %v: found %d events, want %d", q, limit, backward, len(got), len(want))
				}
			}
		}
	}
}
