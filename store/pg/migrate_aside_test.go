package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestSetAsideStep: a database whose linked group a link the dates
// contradict moved (the killing of 2018 before the call of 2017), as
// chrono placed it before the twenty-first step, lists the group in
// the order of the dates after the step, as model.Order places it.
func TestSetAsideStep(t *testing.T) {
	testPlacementStep(t, "links the dates contradict", model.PlacedKeepingContradicted, func(e *model.Event) {
		if e.ID == "khashoggi-killed" {
			e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "nso-mobileum-call"})
		}
	})
}

// testPlacementStep: a database of the fixture's events, linked by link,
// placed by the rule old before the step named, whose placement moved
// them out of the dates' order, says its problems by that rule read as
// it is, and after the step lists them in the order of the dates, as
// model.Order places them.
func testPlacementStep(t *testing.T, named string, old model.Placement, link func(e *model.Event)) {
	t.Helper()
	url, c, inv, step := databaseBeforeStep(t, named)
	events := storetest.FixtureEvents(t)
	for i := range events {
		link(&events[i])
	}
	placed := old.Order(slices.Clone(events))
	var before []string
	for i := range placed.Events {
		p := &placed.Events[i]
		r := rowOf(p.Event)
		r.ord = p.OrderKey()
		r.period, r.months = periodOfKey(r.ord)
		insertRow(t, c, inv, r)
		before = append(before, p.Event.ID)
		for _, l := range p.Event.Links {
			if _, err := c.Exec(ctx, `INSERT INTO links (inv, target, source, rel) VALUES ($1, $2, $3, $4)`, inv, l.Event, r.id, string(l.Rel)); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := storetest.IDs(storetest.InTimelineOrder(events))
	if slices.Equal(before, want) {
		t.Fatal("the old placement moved nothing: the test places no group as before the step")
	}
	// Read as it is, it says the problems of the order it lists.
	ro, err := Open(url, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := model.PlacementOf(ro); got != old {
		t.Errorf("read as it is before the step, its rule is %v, want the one that placed it", got)
	}
	ro.Close()
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := storetest.IDs(storetest.AllEvents(t, s)); !slices.Equal(got, want) {
		t.Errorf("after the step the store lists\n%q\nthe chronology's order is\n%q", got, want)
	}
	if got := model.PlacementOf(s); got != model.PlacedNow {
		t.Errorf("after the step, its rule is %v, want the current one", got)
	}
	checkColumns(t, s)
}

// periodOfKey is the period and months columns of a row keyed so.
func periodOfKey(ord []byte) (int64, int64) {
	p, m := model.PeriodSpanOfKey(ord)
	return p, int64(m)
}
