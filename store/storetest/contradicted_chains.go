package storetest

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// testContradictedChainsNameEveryDate: a link set aside that ends two
// chains the dates contradict (2020 precedes an undated event, which
// precedes 2019 and 2018) names both dates it contradicts: each event
// of the chains has a contradiction that says the link, read from its
// linked group as the detail pane and chrono link read it, and from all
// the linked events as chrono check reads them, so that the browser
// marks every one with ↯.
func testContradictedChainsNameEveryDate(t *testing.T, s *suite) {
	st := s.empty(t)
	events := []model.Event{
		{ID: "a", Title: "A", Date: model.MustParseDate("2020")},
		{ID: "m", Title: "M"},
		{ID: "c", Title: "C", Date: model.MustParseDate("2019")},
		{ID: "d", Title: "D", Date: model.MustParseDate("2018")},
		{ID: "x", Title: "X", Date: model.MustParseDate("2019-06")},
	}
	if _, err := st.Write(model.OpAdd, "added", func(tx model.Tx) error {
		for _, e := range events {
			if _, err := model.AddEvent(tx, e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// One write each, as chrono link makes them: the store places the
	// group again after each.
	for _, l := range [][2]string{{"m", "c"}, {"m", "d"}, {"a", "m"}} {
		if _, err := st.Write(model.OpLink, "linked", func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, l[0], model.Precedes, l[1])
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range events {
		if events[i].ID == "a" || events[i].ID == "m" {
			events[i].Links = []model.Link{{Rel: model.Precedes, Event: map[string]string{"a": "m", "m": "c"}[events[i].ID]}}
		}
		if events[i].ID == "m" {
			events[i].Links = append(events[i].Links, model.Link{Rel: model.Precedes, Event: "d"})
		}
	}
	s.checkViews(t, st, events)

	const link = `"a" precedes "m", which with the other links puts "a" before`
	for _, id := range []string{"a", "m", "c", "d"} {
		d, err := st.Detail(id)
		if err != nil {
			t.Fatal(err)
		}
		group, err := model.DetailGroup(st, d)
		if err != nil {
			t.Fatal(err)
		}
		var says []string
		for _, c := range model.PlacementOf(st).ContradictionsOf(&d.Event, group, nil) {
			says = append(says, c.What)
		}
		if !slices.ContainsFunc(says, func(what string) bool {
			return strings.HasPrefix(what, link) && strings.Contains(what, `"`+id+`"`)
		}) {
			t.Errorf("%s's contradictions %q, want one naming it and the link set aside", id, says)
		}
	}
	var linked []model.Event
	for e, err := range st.Events(model.Query{Linked: model.OrderRels}) {
		if err != nil {
			t.Fatal(err)
		}
		linked = append(linked, e)
	}
	var named []string
	for _, c := range model.PlacementOf(st).Contradictions(linked, nil) {
		named = append(named, c.Events...)
	}
	slices.Sort(named)
	if named, want := slices.Compact(named), []string{"a", "c", "d", "m"}; !slices.Equal(named, want) {
		t.Errorf("the linked events' contradictions name %q, want %q", named, want)
	}
}
