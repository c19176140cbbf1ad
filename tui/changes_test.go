package tui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
)

// windowCounted counts the windows (or pages) and details read from a
// store.
type windowCounted struct {
	model.Store
	windows, details atomic.Int64
}

func (s *windowCounted) Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error) {
	s.windows.Add(1)
	return s.Store.Window(q, at, fromEnd, before, after)
}

func (s *windowCounted) Page(q model.Query, at model.PageAt) (model.Page, error) {
	s.windows.Add(1)
	return s.Store.Page(q, at)
}

func (s *windowCounted) Detail(id string) (model.Detail, error) {
	s.details.Add(1)
	return s.Store.Detail(id)
}

// TestAChangeElsewhereRereadsWhatItTouched: a change made elsewhere has
// the browser read again what it touched: the window when it holds a
// touched event or events moved, the pane when its event changed; a tag
// on an event far from the window reads neither, and the count stays,
// from the first change on.
func TestAChangeElsewhereRereadsWhatItTouched(t *testing.T) {
	const filler = 1000
	base := exampleStore(t)
	importFiller(t, base, filler, fillerIn2030)
	s := &windowCounted{Store: base}
	d := newDriver(t, s, 120, 30)
	d.to("fbi-tip")
	version := 0
	change := func(fn func(tx model.Tx) error) {
		t.Helper()
		if _, err := base.Write(model.OpTag, "elsewhere", fn); err != nil {
			t.Fatal(err)
		}
		version++
		s.windows.Store(0)
		s.details.Store(0)
		d.send(versionMsg{version: fmt.Sprint(version)})
	}
	retag := func(id, tag string) func(tx model.Tx) error {
		return func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{id}, []string{tag}, nil))
			return err
		}
	}
	far := fmt.Sprintf("filler-%d", filler-1)
	if d.browser().tl.indexOf(far) >= 0 {
		t.Fatalf("%s is in the window the browser holds: the test needs it out", far)
	}
	// The first change a browser is told of is read as the others are:
	// it took the newest journal entry as it opened. Fifty sessions of
	// a server read everything again at the first tag of the day.
	for _, tt := range []struct {
		what           string
		fn             func(tx model.Tx) error
		window, detail bool
		screen         string
	}{
		{"a tag far away", retag(far, "far"), false, false, ""},
		{"a tag on the selected event", retag("fbi-tip", "near"), true, true, "#near"},
		{"a tag on an event of the window", retag("khashoggi-killed", "window"), true, false, ""},
		{"a date far away", func(tx model.Tx) error {
			e, err := tx.Event(far)
			if err != nil {
				return err
			}
			e.Date = model.MustParseDate("2031-05")
			return tx.PutEvent(e)
		}, true, true, ""},
	} {
		before := d.m.View()
		change(tt.fn)
		if !tt.window && !tt.detail {
			// Nothing on screen changed but the facets, which come last:
			// the screen drawn before stood until they came.
			if d.m.View().Content != before.Content {
				t.Errorf("%s: the screen changed:\n%s", tt.what, d.screen())
			}
		}
		if got := s.windows.Load() > 0; got != tt.window {
			t.Errorf("%s: window read again %v; want %v", tt.what, got, tt.window)
		}
		if got := s.details.Load() > 0; got != tt.detail {
			t.Errorf("%s: pane read again %v; want %v", tt.what, got, tt.detail)
		}
		if d.selected() != "fbi-tip" {
			t.Errorf("%s: the cursor moved to %s", tt.what, d.selected())
		}
		if tt.screen != "" && !strings.Contains(d.screen(), tt.screen) {
			t.Errorf("%s: the screen does not show %q:\n%s", tt.what, tt.screen, d.screen())
		}
		if d.total() != 13+filler {
			t.Errorf("%s: %d events counted; want %d", tt.what, d.total(), 13+filler)
		}
	}
}

func TestMoves(t *testing.T) {
	e := model.Event{ID: "e", Title: "Title", Date: model.MustParseDate("2020-05"), Tags: []string{"a"}}
	with := func(f func(*model.Event)) *model.Event {
		c := e
		f(&c)
		return &c
	}
	for _, tt := range []struct {
		what string
		ch   model.EventChange
		want bool
	}{
		{"a tag", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Tags = []string{"a", "b"} }), From: model.OnTimeline, To: model.OnTimeline}, false},
		{"a status", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Status = model.Denied }), From: model.OnTimeline, To: model.OnTimeline}, false},
		{"a note", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Notes = []model.Note{{Text: "n"}} }), From: model.OnTimeline, To: model.OnTimeline}, false},
		{"a date", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Date = model.MustParseDate("2020-06") }), From: model.OnTimeline, To: model.OnTimeline}, true},
		{"a title", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Title = "Other" }), From: model.OnTimeline, To: model.OnTimeline}, true},
		{"a link", model.EventChange{Before: &e, After: with(func(c *model.Event) { c.Links = []model.Link{{Rel: model.Precedes, Event: "x"}} }), From: model.OnTimeline, To: model.OnTimeline}, true},
		{"added", model.EventChange{After: &e, To: model.OnTimeline}, true},
		{"to the trash", model.EventChange{Before: &e, After: &e, From: model.OnTimeline, To: model.InTrash}, true},
	} {
		if got := moves(tt.ch); got != tt.want {
			t.Errorf("%s: moves %v; want %v", tt.what, got, tt.want)
		}
	}
}

// TestFrameKeptWhileNothingChanges: the screen drawn is given again for
// a message that changes nothing on it (the store's version, unchanged),
// and drawn anew after one that does.
func TestFrameKeptWhileNothingChanges(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 30)
	d.send(versionMsg{version: "1"}) // a change: read again
	_ = d.m.View()
	d.send(versionMsg{version: "1"})
	if !d.m.framed {
		t.Error("a version unchanged had the screen drawn again")
	}
	// The sets as they were, and the facets (which only a dialog shows
	// as it opens).
	b := d.browser()
	d.send(setsMsg{seq: b.problemsSeq, setsAnswer: setsAnswer{problems: b.problems, notFound: b.notFound, unchecked: b.unchecked, snapshots: b.detail.snapshots}})
	d.send(facetsMsg{tags: d.m.ctx.tags})
	if !d.m.framed {
		t.Error("the sets as they were, or the facets, had the screen drawn again")
	}
	first := d.screen()
	d.keys("j")
	if d.m.framed {
		t.Fatal("a key left the screen drawn before it")
	}
	if d.screen() == first {
		t.Error("j did not change the screen")
	}
}

// TestAChangeWhileAWindowIsReadRereadsIt: a window read under way when
// a change comes may hold what the change touched, read before it: it is
// read again (the rows it brings are not taken, as they were not before
// the browser read changes selectively).
func TestAChangeWhileAWindowIsReadRereadsIt(t *testing.T) {
	base := exampleStore(t)
	importFiller(t, base, 1000, fillerIn2030)
	s := &windowCounted{Store: base}
	d := newDriver(t, s, 120, 30)
	d.send(versionMsg{version: "0"})     // a change: the first is read whole
	_, jump := d.m.Update(keyPress("G")) // its window not read yet
	if _, err := base.Write(model.OpTag, "elsewhere", func(tx model.Tx) error {
		e, err := tx.Event("filler-995")
		if err != nil {
			return err
		}
		e.Status = model.Denied
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	s.windows.Store(0)
	d.send(versionMsg{version: "1"})
	if s.windows.Load() == 0 {
		t.Error("a change while a window was read did not have it read again")
	}
	d.run(jump)
	d.keys("G")
	if e, ok := d.browser().Latest("filler-995"); !ok || e.Status != model.Denied {
		t.Errorf("the last event reads %+v; want it denied", e)
	}
}

// fillerIn2030 is filler event i, in a month of 2030.
func fillerIn2030(i int) string {
	return fmt.Sprintf(`{"id": "filler-%d", "date": "2030-%02d", "title": "Filler %d"}`, i, i%12+1, i)
}

// importFiller imports n events into s, the i-th written as event(i)
// gives it in chrono JSON.
func importFiller(t *testing.T, s model.Store, n int, event func(i int) string) {
	t.Helper()
	var doc strings.Builder
	doc.WriteString(`{"chrono": 1, "events": [`)
	for i := range n {
		if i > 0 {
			doc.WriteString(",")
		}
		doc.WriteString(event(i))
	}
	doc.WriteString("]}")
	in := model.Input{Name: "filler.json", Read: func(sink model.Sink) error {
		return native.Read(strings.NewReader(doc.String()), sink)
	}}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
}

// journalHeld is a store whose journal reads wait for release once
// entered is told, counting them.
type journalHeld struct {
	model.Store
	reads   atomic.Int64
	entered chan struct{}
	release chan struct{}
}

func (s *journalHeld) Journal(q model.JournalQuery) ([]model.Entry, error) {
	if s.reads.Add(1) == 1 {
		close(s.entered)
		<-s.release
	}
	return s.Store.Journal(q)
}

// TestBrowsersToldTogetherReadTheJournalOnce: the browsers of a server
// told of one change at once, having seen the same entry, share one read
// of the entries after it; a browser that saw another entry, or heard
// another version, reads its own.
func TestBrowsersToldTogetherReadTheJournalOnce(t *testing.T) {
	base := exampleStore(t)
	es, err := base.Journal(model.JournalQuery{Limit: 1, MostEvents: 1})
	if err != nil || len(es) == 0 {
		t.Fatalf("the example store's journal: %v %v", es, err)
	}
	seen := es[0]
	if _, err := base.Write(model.OpTag, "elsewhere", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"told"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	version, err := base.Version()
	if err != nil {
		t.Fatal(err)
	}
	s := &journalHeld{Store: base, entered: make(chan struct{}), release: make(chan struct{})}
	ask := summaryAsk{location: s.Location(), hash: seen.Hash, version: version, seq: seen.Seq}
	type answer struct {
		c   *changeSummary
		err error
	}
	got := make(chan answer, 2)
	read := func() {
		c, err := readSummary(s, seen.Seq, seen.Hash, version)
		got <- answer{c, err}
	}
	go read()
	<-s.entered
	go read()
	joined := untilJoined(func() bool { return summaries.joining(ask) })
	close(s.release)
	a, b := <-got, <-got
	if !joined {
		t.Fatal("the second browser did not wait for the first one's read")
	}
	if a.err != nil || b.err != nil {
		t.Fatalf("reading the summaries: %v, %v", a.err, b.err)
	}
	first, second := a.c, b.c
	if first != second {
		t.Errorf("the second browser read its own summary")
	}
	if first == nil || !first.events["fbi-tip"] || first.all() {
		t.Errorf("the summary is %+v; want fbi-tip's tag alone", first)
	}
	// Another version heard: a read of its own, which says how many
	// reads of the journal one browser makes.
	both := s.reads.Load()
	if _, err := readSummary(s, seen.Seq, seen.Hash, version+"x"); err != nil {
		t.Fatal(err)
	}
	if one := s.reads.Load() - both; one == 0 || both != one {
		t.Errorf("two browsers told together read the journal %d times; one alone reads it %d times", both, one)
	}
}

// journalFirst is a store that runs before once, as its journal is
// first read.
type journalFirst struct {
	model.Store
	once   sync.Once
	before func()
}

func (s *journalFirst) Journal(q model.JournalQuery) ([]model.Entry, error) {
	s.once.Do(s.before)
	return s.Store.Journal(q)
}

// TestAChangeAsTheBrowserOpensIsShown: a change made elsewhere just as
// the browser reads where the journal stands is in what it reads after:
// the browser reads nothing of the store before it (the tags' counts
// were read beside it, and missed the change for good, the change being
// taken as seen).
func TestAChangeAsTheBrowserOpensIsShown(t *testing.T) {
	base := exampleStore(t)
	s := &journalFirst{Store: base, before: func() {
		if _, err := base.Write(model.OpTag, "elsewhere", func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"opening"}, nil))
			return err
		}); err != nil {
			t.Error(err)
		}
	}}
	d := newDriver(t, s, 120, 30)
	if !slices.ContainsFunc(d.m.ctx.tags, func(f model.Facet) bool { return f.Name == "opening" }) {
		t.Errorf("the tags' counts miss the tag made as the browser opened: %v", d.m.ctx.tags)
	}
	d.to("fbi-tip")
	if !strings.Contains(d.screen(), "#opening") {
		t.Errorf("the screen does not show the tag made as the browser opened:\n%s", d.screen())
	}
}

// untilJoined waits up to ten seconds for joining to say a second
// browser waits for a read under way, and says whether it did.
func untilJoined(joining func() bool) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if joining() {
			return true
		}
	}
	return false
}
