package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// testHistoryHasLinksFromOthers: an event's history with Linked holds the
// entries that changed the links another event makes to it, as its show
// lists them (linked, unlinked, the linking event moved to the trash and
// back), each with that event's change, newest first and a page at a
// time; without Linked, its own changes alone, as the browser's latest
// changes (Detail) are.
func testHistoryHasLinksFromOthers(t *testing.T, s *suite) {
	st := s.seeded(t)
	const from, to = "undated-aside", "ides-of-march"
	write := func(op model.Op, fn func(tx model.Tx) error) uint64 {
		t.Helper()
		e, err := st.Write(op, string(op), fn)
		if err != nil {
			t.Fatal(err)
		}
		return e.Seq
	}
	link := func(tx model.Tx) error { _, err := model.LinkEvents(tx, from, model.Follows, to); return err }
	var want []uint64
	want = append(want, write(model.OpLink, link))
	want = append(want, write(model.OpLink, func(tx model.Tx) error {
		_, err := model.UnlinkEvents(tx, from, model.Follows, to)
		return err
	}))
	want = append(want, write(model.OpLink, link))
	// A change to the linking event that leaves its link is not one.
	write(model.OpEdit, func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, from, func(e *model.Event) error { e.Title += "!"; return nil })
		return err
	})
	want = append(want, write(model.OpDelete, func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{from})
		return err
	}))
	want = append(want, write(model.OpRestore, func(tx model.Tx) error { return model.RestoreEvents(tx, []string{from}) }))
	slices.Reverse(want)

	seqs := func(q model.JournalQuery) []uint64 {
		t.Helper()
		entries, err := st.Journal(q)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, e := range entries {
			if slices.Contains(want, e.Seq) && (len(e.Events) != 1 || e.Events[0].ID != from) {
				t.Errorf("entry #%d in %s's history shows %d changes, want %s's alone", e.Seq, to, len(e.Events), from)
			}
			out = append(out, e.Seq)
		}
		return out
	}
	all := seqs(model.JournalQuery{Event: to, Linked: true})
	if len(all) < len(want) || !slices.Equal(all[:len(want)], want) {
		t.Errorf("%s's history with links from others: entries %v, want %v first", to, all, want)
	}
	if own := seqs(model.JournalQuery{Event: to}); slices.ContainsFunc(own, func(seq uint64) bool { return slices.Contains(want, seq) }) {
		t.Errorf("%s's own history: entries %v, none of %v", to, own, want)
	}
	if got := seqs(model.JournalQuery{Event: to, Linked: true, Limit: 2}); !slices.Equal(got, want[:2]) {
		t.Errorf("the first page of 2: entries %v, want %v", got, want[:2])
	}
	if got := seqs(model.JournalQuery{Event: to, Linked: true, Before: want[1], Limit: 2}); !slices.Equal(got, want[2:4]) {
		t.Errorf("the page before #%d: entries %v, want %v", want[1], got, want[2:4])
	}
	d, err := st.Detail(to)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.History {
		if slices.Contains(want, e.Seq) {
			t.Errorf("%s's latest changes hold #%d, a change to another event's link: want its own alone", to, e.Seq)
		}
	}
}
