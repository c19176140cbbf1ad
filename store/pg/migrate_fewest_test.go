package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestFewestAsideStep: a database whose linked group a chain the dates
// contradict moved (the killing of 2018 before an undated aside before
// the call of 2017), as chrono placed it before the twenty-fourth step,
// says its problems by that rule read as it is, and lists the group in
// the order of the dates after the step, as model.Order places it.
func TestFewestAsideStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "the fewest links of chains")
	events := storetest.FixtureEvents(t)
	for i := range events {
		switch events[i].ID {
		case "khashoggi-killed":
			events[i].Links = append(events[i].Links, model.Link{Rel: model.Precedes, Event: "undated-aside"})
		case "undated-aside":
			events[i].Links = append(events[i].Links, model.Link{Rel: model.Precedes, Event: "nso-mobileum-call"})
		}
	}
	old := model.OrderSettingAsideOwn(slices.Clone(events))
	var before []string
	for i := range old.Events {
		p := &old.Events[i]
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
	ro, err := Open(url, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := model.PlacementOf(ro); got != model.PlacedSettingAsideOwn {
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
