package tui

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chrono/model"
)

// scanCounted counts the whole scans made of a store (each reads the
// sources first), holding the first until let go.
type scanCounted struct {
	model.Store
	scans atomic.Int32
	hold  chan struct{}
}

func (s *scanCounted) Sources() ([]model.Source, error) {
	if s.scans.Add(1) == 1 {
		<-s.hold
	}
	return s.Store.Sources()
}

// TestBrowsersShareAScanForProblems: while one browser's scan runs,
// those of others asking about the same store wait for it and for one
// update after, which answers them all from the journal, instead of
// making one scan each.
func TestBrowsersShareAScanForProblems(t *testing.T) {
	s := &scanCounted{Store: chronologyStore(t), hold: make(chan struct{})}
	var wg sync.WaitGroup
	answers := make([]setsAnswer, 4)
	ask := func(i int) {
		wg.Go(func() { answers[i] = <-trackerOf(s).ask(s, nil) })
	}
	ask(0)
	for s.scans.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	for i := 1; i < len(answers); i++ {
		ask(i)
	}
	for tr := trackerOf(s); ; time.Sleep(time.Millisecond) {
		tr.mu.Lock()
		n := len(tr.waiting)
		tr.mu.Unlock()
		if n == len(answers)-1 {
			break
		}
	}
	close(s.hold)
	wg.Wait()
	if n := s.scans.Load(); n != 1 {
		t.Errorf("4 browsers asking made %d whole scans; want 1", n)
	}
	for i, a := range answers {
		if a.err != nil {
			t.Fatal(a.err)
		}
		if got := strings.Join(a.problems.strings(), " "); got != "memo-leaked memo-written next-year" {
			t.Errorf("browser %d was told of events with a problem %q; want those of the example", i, got)
		}
	}
}

// readCounted counts the events read from a store.
type readCounted struct {
	model.Store
	read atomic.Int64
}

func (s *readCounted) Event(id string) (model.Event, error) {
	s.read.Add(1)
	return s.Store.Event(id)
}

func (s *readCounted) Events(q model.Query) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for e, err := range s.Store.Events(q) {
			s.read.Add(1)
			if !yield(e, err) {
				return
			}
		}
	}
}

func (s *readCounted) Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error) {
	w, err := s.Store.Window(q, at, fromEnd, before, after)
	s.read.Add(int64(len(w.Rows)))
	return w, err
}

// TestAChangeRereadsWhatItChanged: once the browser knows the sets, a
// change made elsewhere has it read the events the change touched (and
// a window to show), not the whole store again; and the sets follow.
func TestAChangeRereadsWhatItChanged(t *testing.T) {
	const filler = 2000
	base := chronologyStore(t)
	importFiller(t, base, filler, func(i int) string {
		links := ""
		if i%2 == 1 {
			links = fmt.Sprintf(`, "links": [{"rel": "follows", "event": "filler-%d"}]`, i-1)
		}
		return fmt.Sprintf(`{"id": "filler-%d", "date": "2018-%02d", "title": "Filler %d"%s}`, i, i%12+1, i, links)
	})
	s := &readCounted{Store: base}
	d := newDriver(t, s, 120, 40)
	if got := strings.Join(d.browser().problems.strings(), " "); got != "memo-leaked memo-written next-year" {
		t.Fatalf("on opening, the events with a problem are %q", got)
	}
	if opened := s.read.Load(); opened < filler {
		t.Fatalf("opening read %d events; the store's %d must all be read once", opened, filler)
	}
	for _, change := range []struct {
		what string
		fn   func(tx model.Tx) error
	}{
		{"a tag", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"filler-7"}, []string{"verify"}, nil))
			return err
		}},
		{"a tag on a linked event", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"referral"}, []string{"verify"}, nil))
			return err
		}},
		{"a link that cannot be true", func(tx model.Tx) error {
			e, err := tx.Event("hearing")
			if err != nil {
				return err
			}
			e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "outreach"})
			return tx.PutEvent(e)
		}},
		{"a link that could not be true removed", func(tx model.Tx) error {
			e, err := tx.Event("memo-leaked")
			if err != nil {
				return err
			}
			e.Links = nil
			return tx.PutEvent(e)
		}},
		{"a date after its source", func(tx model.Tx) error {
			e, err := tx.Event("hearing")
			if err != nil {
				return err
			}
			e.Date, e.DateText, e.DateSource = model.MustParseDate("2023"), "later", "report"
			return tx.PutEvent(e)
		}},
	} {
		s.read.Store(0)
		if _, err := base.Write(model.OpEdit, change.what, change.fn); err != nil {
			t.Fatal(err)
		}
		d.send(storeChangedMsg{})
		if n := s.read.Load(); n > 200 {
			t.Errorf("after %s elsewhere the browser read %d events of %d; want those changed and a window", change.what, n, filler+7)
		}
	}
	var fresh setState
	var scans int
	if err := fresh.update(base, &scans); err != nil {
		t.Fatal(err)
	}
	got, want := strings.Join(d.browser().problems.strings(), " "), strings.Join(fresh.problems.strings(), " ")
	if got != want {
		t.Errorf("after the changes, the browser has the events with a problem %q; reading the store whole finds %q", got, want)
	}
	for _, id := range []string{"hearing", "outreach"} {
		if !strings.Contains(got, id) {
			t.Errorf("%s is not among the events with a problem after the changes: %q", id, got)
		}
	}
	if strings.Contains(got, "memo") {
		t.Errorf("the memo's events, whose link is gone, still have a problem: %q", got)
	}
}

// eventFailingStore cannot read events one by one.
type eventFailingStore struct{ model.Store }

func (eventFailingStore) Event(string) (model.Event, error) {
	return model.Event{}, errors.New("the read failed")
}

// Sets a change could not be checked against are read whole the next
// time, not left half checked.
func TestSetsReadWholeAfterAFailedCheck(t *testing.T) {
	s := exampleStore(t)
	var st setState
	var scans int
	if err := st.update(s, &scans); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(model.OpEdit, "redate", func(tx model.Tx) error {
		e, err := tx.Event("fbi-tip")
		if err != nil {
			return err
		}
		e.Date, e.DateText = model.MustParseDate("2031"), "2031"
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.update(eventFailingStore{s}, &scans); err == nil {
		t.Fatal("a check that could not read the changed event did not fail")
	}
	if err := st.update(s, &scans); err != nil {
		t.Fatal(err)
	}
	var fresh setState
	var freshScans int
	if err := fresh.update(s, &freshScans); err != nil {
		t.Fatal(err)
	}
	if scans != 2 || !slices.Equal(st.problems.strings(), fresh.problems.strings()) {
		t.Errorf("%d whole reads, problems %q; want 2, and %q as read whole", scans, st.problems, fresh.problems)
	}
}

// snapshotListsCounted counts the lists of one source's snapshots read
// from a store, and passes on the store's list of every source's.
type snapshotListsCounted struct {
	model.Store
	lists atomic.Int64
}

func (s *snapshotListsCounted) Snapshots(source string) ([]model.Snapshot, error) {
	s.lists.Add(1)
	return s.Store.Snapshots(source)
}

func (s *snapshotListsCounted) AllSnapshots() (map[string][]model.Snapshot, error) {
	return s.Store.(model.AllSnapshotsReader).AllSnapshots()
}

// TestProblemScanListsSnapshotsOnce: the scan for the events with a
// problem quote lists every source's snapshots in one read. It read
// each source's list, and again for each source quoted, which on a
// database is a query each.
func TestProblemScanListsSnapshotsOnce(t *testing.T) {
	base := quotesStore(t, false)
	attach(t, base, "memo", "A memo that says nothing quoted.")
	s := &snapshotListsCounted{Store: base}
	a := <-trackerOf(s).ask(s, nil)
	if a.err != nil {
		t.Fatal(a.err)
	}
	if got := strings.Join(a.notFound.strings(), " "); got != "misquoted unchecked" {
		t.Errorf("the events with a quote not found are %q; want misquoted unchecked", got)
	}
	if n := s.lists.Load(); n != 0 {
		t.Errorf("the scan read %d lists of one source's snapshots; want every source's in one read", n)
	}
}

// withdrawnAfterListing withdraws the latest snapshot, by an undo of its
// attach, just after it lists every source's.
type withdrawnAfterListing struct {
	model.Store
}

func (s withdrawnAfterListing) AllSnapshots() (map[string][]model.Snapshot, error) {
	listed, err := s.Store.(model.AllSnapshotsReader).AllSnapshots()
	if err != nil {
		return nil, err
	}
	_, err = model.Undo(s.Store)
	return listed, err
}

// TestProblemScanTakesASnapshotWithdrawnMeanwhile: a snapshot withdrawn
// after the scan listed it is not there to be read; its quotes are taken
// as unchecked, and the scan goes on.
func TestProblemScanTakesASnapshotWithdrawnMeanwhile(t *testing.T) {
	s := withdrawnAfterListing{quotesStore(t, false)}
	a := <-trackerOf(s).ask(s, nil)
	if a.err != nil {
		t.Fatalf("the scan stopped at the snapshot withdrawn: %v", a.err)
	}
	if got := strings.Join(a.unchecked.strings(), " "); !strings.Contains(got, "call") || !strings.Contains(got, "misquoted") {
		t.Errorf("the events with a quote unchecked are %q; want call and misquoted among them", got)
	}
}
