package model

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// fakeTx is a transaction's state held in maps, for Changes.
type fakeTx struct {
	events  map[string]Event
	trash   map[string]Event
	sources map[string]Source
	header  Header
}

func (f *fakeTx) state() TxState {
	return TxState{
		Where: func(id string) (Event, Whereabouts, error) {
			if e, ok := f.events[id]; ok {
				return e, OnTimeline, nil
			}
			if e, ok := f.trash[id]; ok {
				return e, InTrash, nil
			}
			return Event{}, Absent, nil
		},
		Source: func(id string) (Source, error) {
			if s, ok := f.sources[id]; ok {
				return s, nil
			}
			return Source{}, fmt.Errorf("no source %q: %w", id, ErrNotFound)
		},
		Header: func() (Header, error) { return f.header, nil },
	}
}

// TestChangesEntry: the entry holds what a write changed, from what each
// thing was when first written to what it is at the end, and nothing for
// what the write put back as it was.
func TestChangesEntry(t *testing.T) {
	a := Event{ID: "a", Date: MustParseDate("2017-08"), Title: "A"}
	b := Event{ID: "b", Date: MustParseDate("2018"), Title: "B", Tags: []string{"x"}}
	src := Source{ID: "s", Title: "The Post"}
	type want struct {
		events  []string // id from→to
		sources []string
		header  bool
	}
	for _, tc := range []struct {
		name  string
		write func(f *fakeTx, c *Changes, st TxState) error
		want  want
	}{
		{"nothing written", func(*fakeTx, *Changes, TxState) error { return nil }, want{}},
		{"an event added", func(f *fakeTx, c *Changes, st TxState) error {
			if err := c.Event("c", st); err != nil {
				return err
			}
			f.events["c"] = Event{ID: "c", Title: "C"}
			return nil
		}, want{events: []string{"c →timeline"}}},
		{"an event edited, then edited back", func(f *fakeTx, c *Changes, st TxState) error {
			for _, title := range []string{"A2", "A"} {
				if err := c.Event("a", st); err != nil {
					return err
				}
				e := f.events["a"]
				e.Title = title
				f.events["a"] = e
			}
			return nil
		}, want{}},
		{"an empty tag list for none", func(f *fakeTx, c *Changes, st TxState) error {
			if err := c.Event("a", st); err != nil {
				return err
			}
			e := f.events["a"]
			e.Tags = []string{}
			f.events["a"] = e
			return nil
		}, want{}},
		{"an event to the trash, the first version kept", func(f *fakeTx, c *Changes, st TxState) error {
			for range 2 {
				if err := c.Event("b", st); err != nil {
					return err
				}
			}
			f.trash["b"] = f.events["b"]
			delete(f.events, "b")
			return nil
		}, want{events: []string{"b timeline→trash"}}},
		{"events in the order first written", func(f *fakeTx, c *Changes, st TxState) error {
			for _, id := range []string{"b", "a", "b"} {
				if err := c.Event(id, st); err != nil {
					return err
				}
				e := f.events[id]
				e.Title += "!"
				f.events[id] = e
			}
			return nil
		}, want{events: []string{"b timeline→timeline", "a timeline→timeline"}}},
		{"a source added and one put back", func(f *fakeTx, c *Changes, st TxState) error {
			if err := c.Source("s", st); err != nil {
				return err
			}
			if err := c.Source("t", st); err != nil {
				return err
			}
			f.sources["s"] = Source{ID: "s", Title: "changed"}
			f.sources["s"] = src
			f.sources["t"] = Source{ID: "t"}
			return nil
		}, want{sources: []string{"t absent→present"}}},
		{"a source deleted", func(f *fakeTx, c *Changes, st TxState) error {
			if err := c.Source("s", st); err != nil {
				return err
			}
			delete(f.sources, "s")
			return nil
		}, want{sources: []string{"s present→absent"}}},
		{"the header changed", func(f *fakeTx, c *Changes, st TxState) error {
			if err := c.Header(st); err != nil {
				return err
			}
			f.header.Title = "New"
			return c.Header(st)
		}, want{header: true}},
		{"the header set as it was", func(f *fakeTx, c *Changes, st TxState) error {
			return c.Header(st)
		}, want{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeTx{
				events:  map[string]Event{"a": a, "b": b},
				trash:   map[string]Event{},
				sources: map[string]Source{"s": src},
				header:  Header{Title: "Old"},
			}
			var c Changes
			if err := tc.write(f, &c, f.state()); err != nil {
				t.Fatal(err)
			}
			at := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
			e, changed, err := c.Entry(OpEdit, "edited", "ana", at, f.state())
			if err != nil {
				t.Fatal(err)
			}
			var got want
			for _, ch := range e.Events {
				got.events = append(got.events, fmt.Sprintf("%s %s→%s", ch.ID, ch.From, ch.To))
				if (ch.Before == nil) != (ch.From == Absent) || (ch.After == nil) != (ch.To == Absent) {
					t.Errorf("%s: versions %v, %v for %q→%q", ch.ID, ch.Before, ch.After, ch.From, ch.To)
				}
			}
			present := map[bool]string{true: "present", false: "absent"}
			for _, ch := range e.Sources {
				got.sources = append(got.sources, fmt.Sprintf("%s %s→%s", ch.ID, present[ch.Before != nil], present[ch.After != nil]))
			}
			got.header = e.Header != nil
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("entry %+v, want %+v", got, tc.want)
			}
			if wantChanged := len(tc.want.events)+len(tc.want.sources) > 0 || tc.want.header; changed != wantChanged {
				t.Errorf("changed = %v, want %v", changed, wantChanged)
			}
			if changed && (e.Author != "ana" || e.Op != OpEdit || !e.At.Equal(at)) {
				t.Errorf("entry attributed to %q, %q at %v", e.Author, e.Op, e.At)
			}
			if e.Header != nil && (e.Header.Before.Title != "Old" || e.Header.After.Title != "New") {
				t.Errorf("header change %+v", *e.Header)
			}
		})
	}
}

// TestChangesSnapshotAndRevert: a snapshot alone is a change, and the
// entry names the entry it reverts.
func TestChangesSnapshotAndRevert(t *testing.T) {
	f := &fakeTx{events: map[string]Event{}, trash: map[string]Event{}, sources: map[string]Source{}}
	var c Changes
	c.Snapshot(SnapshotRef{Source: "s", N: 1})
	c.Reverts(7)
	e, changed, err := c.Entry(OpUndo, "reverted", "ana", time.Now(), f.state())
	if err != nil || !changed || len(e.Snapshots) != 1 || e.Reverts != 7 {
		t.Errorf("entry %+v, changed %v, %v", e, changed, err)
	}
}

// TestChangesStopsAtAReadError: a failed read is the write's error, not an
// entry that says less than happened.
func TestChangesStopsAtAReadError(t *testing.T) {
	broken := errors.New("unreadable")
	st := TxState{
		Where:  func(string) (Event, Whereabouts, error) { return Event{}, "", broken },
		Source: func(string) (Source, error) { return Source{}, broken },
		Header: func() (Header, error) { return Header{}, broken },
	}
	var c Changes
	for name, err := range map[string]error{"event": c.Event("a", st), "source": c.Source("s", st), "header": c.Header(st)} {
		if !errors.Is(err, broken) {
			t.Errorf("%s: %v, want the read's error", name, err)
		}
	}
}

// TestChangesEntryKeepsAMovedVersionOnce: an event moved to the trash,
// or back, unchanged, is one version before and after, held once: an
// undo of an import of a million events otherwise held each twice until
// its entry was written.
func TestChangesEntryKeepsAMovedVersionOnce(t *testing.T) {
	moved := Event{ID: "a", Title: "A", Tags: []string{"x"}}
	edited := Event{ID: "b", Title: "B"}
	f := &fakeTx{events: map[string]Event{"a": moved, "b": edited}, trash: map[string]Event{}}
	var c Changes
	for _, id := range []string{"a", "b"} {
		if err := c.Event(id, f.state()); err != nil {
			t.Fatal(err)
		}
	}
	delete(f.events, "a")
	f.trash["a"] = moved
	edited.Title = "B, retitled"
	f.events["b"] = edited
	e, _, err := c.Entry(OpDelete, "moved", "ana", time.Time{}, f.state())
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Events) != 2 {
		t.Fatalf("%d events, want 2", len(e.Events))
	}
	if a := e.Events[0]; a.Before == nil || a.After != a.Before {
		t.Errorf("the moved event's versions are held apart (%p, %p), want one", a.Before, a.After)
	}
	if b := e.Events[1]; b.After == b.Before || b.After.Title != "B, retitled" || b.Before.Title != "B" {
		t.Errorf("the edited event's versions: before %+v, after %+v", b.Before, b.After)
	}
}
