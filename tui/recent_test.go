package tui

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// detailCounter counts the events the browser reads whole, and says
// which.
type detailCounter struct {
	model.Store
	reads atomic.Int64
	mu    sync.Mutex
	ids   []string
}

func (s *detailCounter) Detail(id string) (model.Detail, error) {
	s.reads.Add(1)
	s.mu.Lock()
	s.ids = append(s.ids, id)
	s.mu.Unlock()
	return s.Store.Detail(id)
}

// read returns the events read whole since the nth read.
func (s *detailCounter) read(n int64) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ids[n:])
}

// Coming back to an event (j then k) shows the detail already read, as
// long as the store is known not to have changed: no read, not even of
// the store's version. A change made elsewhere is seen when the browser
// next asks the version (at a key, at most every versionEvery); from then
// on coming back reads the event again, and the change shows.
func TestSourcesKeepTheLastEventsRead(t *testing.T) {
	s := &detailCounter{Store: exampleStore(t)}
	versions := &versionCounter{Store: s}
	now := noted
	d := startDriver(t, New(versions, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	first := d.selected()
	d.keys("j", "k")
	before, asked := s.reads.Load(), versions.asked.Load()
	d.keys("j", "k")
	if n := s.reads.Load() - before; n != 0 || d.selected() != first {
		t.Errorf("j then k on an unchanged store read %d events whole, want 0 (selected %s)", n, d.selected())
	}
	if n := versions.asked.Load() - asked; n != 0 {
		t.Errorf("j then k asked the store's version %d times within versionEvery, want 0", n)
	}
	if !d.sources().loaded || d.sources().id() != first {
		t.Errorf("the pane shows %s, loaded %v: want %s as the store has it", d.sources().id(), d.sources().loaded, first)
	}
	// A change of the browser's own: until the version is asked again,
	// coming back to an event asks whether the store changed since.
	tagThenLand := func(tag, land, when string) {
		t.Helper()
		d.keys("t")
		d.typeText(tag)
		d.keys("enter")
		asked := versions.asked.Load()
		d.keys(land)
		if versions.asked.Load() == asked {
			t.Errorf("%s, the browser showed a kept event without asking the store's version", when)
		}
	}
	d.keys("j")
	tagThenLand("own", "k", "after a change of its own")
	meddle(t, s.Store, first)
	now = now.Add(versionEvery)
	d.keys("j", "k")
	if n := s.reads.Load() - before; n == 0 {
		t.Error("after the store changed, coming back to the event did not read it again")
	}
	if !strings.Contains(d.screen(), "confirmed") {
		t.Errorf("the change does not show:\n%s", d.screen())
	}
	// While a change of its own is on its way, the same.
	d.drop = func(msg tea.Msg) bool { _, ok := msg.(writeMsg); return ok }
	tagThenLand("sent", "j", "with a change of its own on its way")
}

// versionCounter counts the times the browser asks the store's version.
type versionCounter struct {
	model.Store
	asked atomic.Int64
}

func (s *versionCounter) Version() (string, error) {
	s.asked.Add(1)
	return s.Store.Version()
}

// TestMovingShowsTheEventWholeAtOnce: while the cursor steps from row
// to row, the events either side of the selected one are read ahead, so
// that j shows the next one whole (its quotes, its sources) in the key's
// own frame, and what the key's commands then bring on an unchanged
// store draws nothing again. After a jump nothing is read ahead.
func TestMovingShowsTheEventWholeAtOnce(t *testing.T) {
	s := &detailCounter{Store: exampleStore(t)}
	d := newDriver(t, s, 120, 40)
	before := s.reads.Load()
	d.keys("G")
	if read := s.read(before); len(read) != 1 || read[0] != d.selected() {
		t.Errorf("G read %q whole; want only the event it reached", read)
	}
	d.keys("k")
	first := d.selected()
	_, cmd := d.m.Update(keyPress("k"))
	if p := d.sources(); p.id() == first || !p.loaded {
		t.Fatalf("after k the pane shows %s, whole %v: want the one before, whole", p.id(), p.loaded)
	}
	d.screen() // the key's frame
	before = s.reads.Load()
	d.run(cmd)
	if !d.m.framed {
		t.Error("what k's commands brought drew the screen again")
	}
	read := s.read(before)
	if slices.Contains(read, d.selected()) || len(read) == 0 || read[0] != d.browser().tl.rows[d.browser().tl.cur-1].Event.ID {
		t.Errorf("k read %q whole: want the event before the one now selected, ahead (and perhaps those it links to), not that one again", read)
	}
}

// TestAJumpShowsTheEventWhole: a jump (a year either way, the first or
// last event, a date) reads the event it lands on whole with the rows,
// unless it keeps it already: the frame that first shows the rows shows
// it whole too, and it is read once at most.
func TestAJumpShowsTheEventWhole(t *testing.T) {
	for _, keys := range [][]string{{"]"}, {"["}, {"G"}, {"g"}, {":", "2", "0", "1", "7", "enter"}} {
		s := &detailCounter{Store: exampleStore(t)}
		d := newDriver(t, s, 120, 40)
		d.to("apple-sues-nso")
		from := d.selected()
		d.keys(keys[:len(keys)-1]...)
		before := s.reads.Load()
		_, cmd := d.m.Update(keyPress(keys[len(keys)-1]))
		windows := 0
		runCmds(t, func(msg tea.Msg) (tea.Cmd, bool) {
			_, next := d.m.Update(msg)
			if _, ok := msg.(windowMsg); ok {
				windows++
				if p := d.sources(); !p.loaded || p.id() != d.selected() {
					t.Errorf("%q: with the rows the pane shows %s, whole %v; want %s whole", keys, p.id(), p.loaded, d.selected())
				}
			}
			return next, false
		}, cmd)
		if windows != 1 || d.selected() == from {
			t.Errorf("%q: %d windows, from %s to %s; want one, elsewhere", keys, windows, from, d.selected())
		}
		if read := s.read(before); len(read) > 1 || len(read) == 1 && read[0] != d.selected() {
			t.Errorf("%q read %q whole; want only %s, once at most", keys, read, d.selected())
		}
	}
	// Back by a jump to an event it keeps, on a store unchanged since.
	s := &detailCounter{Store: exampleStore(t)}
	d := newDriver(t, s, 120, 40)
	d.keys("G")
	last := d.selected()
	d.keys("g")
	before := s.reads.Load()
	d.keys("G")
	if read := s.read(before); len(read) != 0 || d.selected() != last || !d.sources().loaded {
		t.Errorf("back to %s by G, kept: read %q whole, selected %s, whole %v; want none read, %[1]s whole", last, read, d.selected(), d.sources().loaded)
	}
}

// retitled is a store whose events read whole have another title than
// their rows: as if a change came between the read of the rows and that
// of the event.
type retitled struct{ model.Store }

func (s retitled) Detail(id string) (model.Detail, error) {
	d, err := s.Store.Detail(id)
	d.Event.Title += " (changed since)"
	return d, err
}

// TestAJumpShowsTheRowsEvent: an event read with the rows that is not
// the row's (changed in between) is not put beside the row: the pane
// shows the row's, as it did before jumps read the event.
func TestAJumpShowsTheRowsEvent(t *testing.T) {
	d := newDriver(t, retitled{exampleStore(t)}, 120, 40)
	d.to("apple-sues-nso")
	_, cmd := d.m.Update(keyPress("]"))
	runCmds(t, func(msg tea.Msg) (tea.Cmd, bool) {
		_, next := d.m.Update(msg)
		if _, ok := msg.(windowMsg); ok {
			b := d.browser()
			row, _ := b.tl.selected()
			if got := d.sources().d.Event.Title; got != row.Event.Title {
				t.Errorf("with the rows the pane shows %q; the row is %q", got, row.Event.Title)
			}
		}
		return next, false
	}, cmd)
}

// An event this browser changed is not shown as it was kept: coming
// back to one of the marked events it just tagged shows the tag in the
// key's own frame.
func TestMovingBackAfterATagShowsTheTag(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("space", "j", "space", "1")
	d.m.Update(keyPress("k"))
	if tags := d.sources().d.Event.Tags; !slices.Contains(tags, DefaultQuickTags[0]) {
		t.Errorf("back on the event just tagged, the pane shows its tags as %q, without #%s", tags, DefaultQuickTags[0])
	}
}

// A change elsewhere leaves the pane as it is: the event read again
// after it is the one shown, though the store's version moved, and the
// pane is not drawn again for it.
func TestAChangeElsewhereKeepsThePane(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.to("apple-sues-nso")
	if _, err := s.Write(model.OpEdit, "elsewhere", func(tx model.Tx) error {
		e, err := tx.Event("khashoggi-killed")
		if err != nil {
			return err
		}
		e.Title += " (checked)"
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	b := d.browser()
	msg := loadDetail(s, "apple-sues-nso", detailMsg{}, nil)().(detailMsg)
	if msg.err != nil || msg.version == "" {
		t.Fatalf("read %+v", msg)
	}
	if !b.detail.holds(msg) {
		t.Error("the pane takes the event read again after a change elsewhere for another")
	}
}

// pageCounted counts the pages read from a store, and those counted.
type pageCounted struct {
	model.Store
	read, counted int
}

func (s *pageCounted) Page(q model.Query, at model.PageAt) (model.Page, error) {
	s.read++
	if !at.Uncounted {
		s.counted++
	}
	return s.Store.Page(q, at)
}

// Reading on past an edge does not count the events before the rows:
// the timeline knows where they are.
func TestReadingOnIsUncounted(t *testing.T) {
	base := exampleStore(t)
	importFiller(t, base, 400, fillerIn2030)
	s := &pageCounted{Store: base}
	d := newDriver(t, s, 120, 30)
	s.read, s.counted = 0, 0
	for range 20 {
		d.keys("pgdown")
	}
	if s.read == 0 || s.counted != 0 {
		t.Errorf("20 pages down read %d pages, %d counted; want some, none counted", s.read, s.counted)
	}
}

// A version heard before the change it tells of is taken in: an event
// kept from before does not match it, and is read again as it lands.
func TestKeptEventReadAgainAtANewVersion(t *testing.T) {
	s := &detailCounter{Store: exampleStore(t)}
	now := noted
	d := startDriver(t, New(s, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	first := d.selected()
	d.keys("j", "k", "j") // first and its neighbour kept
	d.drop = func(msg tea.Msg) bool { _, ok := msg.(changesMsg); return ok }
	meddle(t, s.Store, first)
	now = now.Add(versionEvery)
	d.send(tea.ResumeMsg{}) // the version is asked: the change is heard of, not yet taken in
	before := s.reads.Load()
	d.keys("k")
	if d.selected() != first || s.reads.Load() == before {
		t.Fatalf("on %s, %d reads: the kept event was shown at a version older than the store's", d.selected(), s.reads.Load()-before)
	}
	if d.sources().d.Event.Status != model.Confirmed {
		t.Errorf("the pane shows %q, not the store's status", d.sources().d.Event.Status)
	}
}

// The version a change is heard by may be older than the journal it is
// then read from: an event kept at that version, which a change taken in
// since touched, is read again as it lands, not shown as kept.
func TestKeptEventReadAgainAfterAChangeTakenIn(t *testing.T) {
	s := &detailCounter{Store: exampleStore(t)}
	d := newDriver(t, s, 120, 40)
	d.keys("j") // the version is heard: V0
	tl := &d.browser().tl
	for i := len(tl.rows) - 1; ; i-- { // V1: a change far away
		if e := tl.rows[i].Event; e.Status != model.Confirmed {
			meddle(t, s.Store, e.ID)
			break
		}
	}
	heard, err := s.Version()
	if err != nil {
		t.Fatal(err)
	}
	// Down to an event whose next one, read ahead at V1, cites a source.
	var next model.Event
	for range len(tl.rows) - 2 {
		d.keys("j")
		next = tl.rows[tl.cur+1].Event
		if d.browser().recent.of(next.ID).version == heard && len(next.Quotes) > 0 {
			break
		}
	}
	if d.browser().recent.of(next.ID).version != heard || len(next.Quotes) == 0 {
		t.Fatalf("no event citing a source was read ahead at %s", heard)
	}
	src := next.Quotes[0].Source
	if _, err := s.Write(model.OpEdit, "renamed elsewhere", func(tx model.Tx) error {
		sc, err := tx.Source(src)
		if err != nil {
			return err
		}
		sc.Title = "Renamed elsewhere"
		return tx.PutSource(sc)
	}); err != nil {
		t.Fatal(err)
	}
	d.send(Changed(heard)) // V1 heard late: the journal read takes the rename in too
	before := s.reads.Load()
	d.keys("j")
	if d.selected() != next.ID || s.reads.Load() == before {
		t.Fatalf("on %s, %d reads: the kept event was shown as the store no longer has it", d.selected(), s.reads.Load()-before)
	}
	if got := d.sources().d.Sources[src].Title; got != "Renamed elsewhere" {
		t.Errorf("the pane names the source %q", got)
	}
}
