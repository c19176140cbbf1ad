package tui

import (
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// TestJournalScreenReadsOn: the journal screen lists every change, newest
// first, reading a page at a time as the cursor goes down, and shows a
// change made while it is open at the top.
func TestJournalScreenReadsOn(t *testing.T) {
	defer func(n int) { journalScreenPage = n }(journalScreenPage)
	journalScreenPage = 3
	s := exampleStore(t)
	for i := range 7 {
		if _, err := s.Write(model.OpTag, "tag", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{fmt.Sprintf("t%d", i)}, nil))
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, s, 120, 12)
	d.keys("H")
	if head := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(head, "Journal · 8 changes") {
		t.Fatalf("header %q", head)
	}
	// Down to the first entry, the import, reading on as it goes.
	for range 10 {
		d.keys("G")
	}
	j, ok := d.m.screens[len(d.m.screens)-1].(*journalScreen)
	if !ok {
		t.Fatalf("the journal screen is not on top")
	}
	var seqs []uint64
	for _, e := range j.entries {
		seqs = append(seqs, e.Seq)
	}
	if fmt.Sprint(seqs) != "[8 7 6 5 4 3 2 1]" {
		t.Errorf("entries read %v; want 8 down to 1", seqs)
	}
	if !strings.Contains(d.screen(), "› #1 ") {
		t.Errorf("the cursor is not on the first change:\n%s", d.screen())
	}
	// A change made now, here or elsewhere, shows at the top.
	if _, err := s.Write(model.OpTag, "tag", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"later"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	d.send(storeChangedMsg{})
	if head := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(head, "Journal · 9 changes") {
		t.Errorf("after a change, the header %q", head)
	}
	// The cursor stays on the change it was on, read as deep as before.
	if !strings.Contains(d.screen(), "› #1 ") {
		t.Errorf("the cursor left the change it was on:\n%s", d.screen())
	}
	d.keys("g")
	if !strings.Contains(d.screen(), "› #9 ") {
		t.Errorf("g does not go to the newest change:\n%s", d.screen())
	}
}

// cutJournal is a store whose journal's older entries are gone, as a
// journal cut short outside chrono has them: a read before its oldest
// finds none, and reads are counted.
type cutJournal struct {
	model.Store
	reads *int
}

func (c cutJournal) Journal(q model.JournalQuery) ([]model.Entry, error) {
	*c.reads++
	es, err := c.Store.Journal(q)
	var kept []model.Entry
	for _, e := range es {
		if e.Seq > 1 {
			kept = append(kept, e)
		}
	}
	return kept, err
}

// TestJournalScreenEndsAtTheOldestRead: a journal that ends above #1 is
// read to its end once, not again at every key.
func TestJournalScreenEndsAtTheOldestRead(t *testing.T) {
	defer func(n int) { journalScreenPage = n }(journalScreenPage)
	journalScreenPage = 2
	s := exampleStore(t)
	for i := range 3 {
		if _, err := s.Write(model.OpTag, "tag", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{fmt.Sprintf("t%d", i)}, nil))
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	reads := 0
	d := newDriver(t, cutJournal{s, &reads}, 120, 12)
	d.keys("H", "G", "G")
	before := reads
	d.keys("k", "j", "k", "j")
	if reads != before {
		t.Errorf("%d reads of the journal for four keys at its end; want none", reads-before)
	}
	if !strings.Contains(d.screen(), "› #2 ") {
		t.Errorf("the cursor is not on the oldest change left:\n%s", d.screen())
	}
}
