package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// testOrderFollowsLinks: the store keeps the chronology's order as the
// writes that change a linked group change it: a link added, a linked
// event's date edited, each undone, a linked event deleted and
// restored. After each, every view, window and count agrees with the
// model's order of the events as they then are, so that a window moves
// across the events that moved.
func testOrderFollowsLinks(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := FixtureEvents(t)
	set := func(id string, fn func(e *model.Event)) []model.Event {
		out := slices.Clone(events)
		for i := range out {
			if out[i].ID == id {
				out[i].Links = slices.Clone(out[i].Links)
				fn(&out[i])
			}
		}
		return out
	}
	before := func(t *testing.T, a, b string) {
		t.Helper()
		ids := IDs(AllEvents(t, st))
		if i, j := slices.Index(ids, a), slices.Index(ids, b); i < 0 || j < 0 || i > j {
			t.Errorf("%s should come before %s: %q", a, b, ids)
		}
	}
	write := func(op model.Op, fn func(tx model.Tx) error) model.Entry {
		t.Helper()
		entry, err := st.Write(op, string(op), fn)
		if err != nil {
			t.Fatal(err)
		}
		return entry
	}
	undo := func() {
		t.Helper()
		if _, err := model.Undo(st); err != nil {
			t.Fatal(err)
		}
	}

	// An undated event that precedes the killing is placed before it,
	// no longer at the end.
	link := write(model.OpLink, func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "undated-aside", model.Precedes, "khashoggi-killed")
		return err
	})
	linked := set("undated-aside", func(e *model.Event) {
		e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "khashoggi-killed"})
	})
	t.Run("after a link", func(t *testing.T) {
		before(t, "undated-aside", "khashoggi-killed")
		before(t, "mid-august", "undated-aside")
		s.checkViews(t, st, linked)
	})

	// The date of the event it precedes moves it too.
	write(model.OpEdit, func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, "khashoggi-killed", func(e *model.Event) error {
			e.Date = model.MustParseDate("2023")
			return nil
		})
		return err
	})
	events = linked
	redated := set("khashoggi-killed", func(e *model.Event) { e.Date = model.MustParseDate("2023") })
	t.Run("after a date edit", func(t *testing.T) {
		before(t, "post-publishes", "undated-aside")
		before(t, "undated-aside", "khashoggi-killed")
		s.checkViews(t, st, redated)
	})

	undo()
	t.Run("after undoing the date edit", func(t *testing.T) { s.checkViews(t, st, linked) })

	// Deleted, the event it precedes no longer places it; restored, it
	// does again.
	write(model.OpDelete, func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{"khashoggi-killed"})
		return err
	})
	rest := slices.DeleteFunc(slices.Clone(linked), func(e model.Event) bool { return e.ID == "khashoggi-killed" })
	t.Run("after deleting the event it precedes", func(t *testing.T) {
		before(t, "undated-rumour", "undated-aside")
		s.checkViews(t, st, rest)
	})
	undo()
	t.Run("after restoring it", func(t *testing.T) { s.checkViews(t, st, linked) })

	if _, err := model.Revert(st, link); err != nil {
		t.Fatal(err)
	}
	t.Run("after undoing the link", func(t *testing.T) {
		before(t, "undated-rumour", "undated-aside")
		s.checkViews(t, st, FixtureEvents(t))
	})

	// A link the dates contradict (the killing of 2018 before the call
	// of 2017) moves nothing: the call's group, which its chains reach,
	// stays in the order of the dates, as without the link.
	write(model.OpLink, func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "khashoggi-killed", model.Precedes, "nso-mobileum-call")
		return err
	})
	events = FixtureEvents(t)
	contradicted := set("khashoggi-killed", func(e *model.Event) {
		e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "nso-mobileum-call"})
	})
	t.Run("after a link the dates contradict", func(t *testing.T) {
		if got, want := IDs(AllEvents(t, st)), IDs(InTimelineOrder(FixtureEvents(t))); !slices.Equal(got, want) {
			t.Errorf("stored events %q\nwant them as without the link %q", got, want)
		}
		s.checkViews(t, st, contradicted)
	})

	// A chain the dates contradict (the killing of 2018 before an
	// undated aside before the call of 2017) has the fewest of its links
	// set aside: the killing's to the aside. Every dated event keeps the
	// order of its date, and the aside, which precedes the call, comes
	// before it.
	write(model.OpLink, func(tx model.Tx) error {
		if _, err := model.LinkEvents(tx, "khashoggi-killed", model.Precedes, "undated-aside"); err != nil {
			return err
		}
		_, err := model.LinkEvents(tx, "undated-aside", model.Precedes, "nso-mobileum-call")
		return err
	})
	chained := contradicted
	for i := range chained {
		switch chained[i].ID {
		case "khashoggi-killed":
			chained[i].Links = append(slices.Clone(chained[i].Links), model.Link{Rel: model.Precedes, Event: "undated-aside"})
		case "undated-aside":
			chained[i].Links = append(slices.Clone(chained[i].Links), model.Link{Rel: model.Precedes, Event: "nso-mobileum-call"})
		}
	}
	t.Run("after a chain the dates contradict", func(t *testing.T) {
		got := IDs(AllEvents(t, st))
		dated := slices.DeleteFunc(slices.Clone(got), func(id string) bool { return id == "undated-aside" })
		want := slices.DeleteFunc(IDs(InTimelineOrder(FixtureEvents(t))), func(id string) bool { return id == "undated-aside" })
		if !slices.Equal(dated, want) {
			t.Errorf("stored events %q\nwant the dated ones in the order of their dates %q", got, want)
		}
		before(t, "undated-aside", "nso-mobileum-call")
		var aside []string
		for _, c := range model.Order(chained).Conflicts {
			if c.Aside {
				aside = append(aside, c.Link.Phrase())
			}
		}
		if want := []string{`"khashoggi-killed" precedes "nso-mobileum-call"`, `"khashoggi-killed" precedes "undated-aside"`}; !slices.Equal(aside, want) {
			t.Errorf("set aside %q, want %q", aside, want)
		}
		s.checkViews(t, st, chained)
	})
}
