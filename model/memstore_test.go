package model

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"
)

// memWriter is a store's writer in memory, for the domain's tests: it
// runs each Write on a copy and keeps it only when fn succeeds, and
// journals what fn wrote as a store does.
type memWriter struct {
	memContent
	journal []Entry
	author  string
	now     time.Time
	fail    error // every Write fails with it
}

// memContent is what a memWriter holds, and what a memTx changes a copy
// of.
type memContent struct {
	events  map[string]Event
	trash   map[string]Trashed
	sources map[string]Source
	header  Header
	// snapshots are each source's, by number; withdrawn ones marked.
	snapshots map[string][]memSnapshot
}

// memSnapshot is a snapshot a memWriter keeps.
type memSnapshot struct {
	Snapshot
	withdrawn bool
}

func (c *memContent) clone() memContent {
	snaps := map[string][]memSnapshot{}
	for k, v := range c.snapshots {
		snaps[k] = slices.Clone(v)
	}
	return memContent{events: maps.Clone(c.events), trash: maps.Clone(c.trash), sources: maps.Clone(c.sources), header: c.header, snapshots: snaps}
}

func (c *memContent) place(id string) Whereabouts {
	if _, ok := c.events[id]; ok {
		return OnTimeline
	}
	if _, ok := c.trash[id]; ok {
		return InTrash
	}
	return Absent
}

func (c *memContent) version(id string) (Event, bool) {
	if e, ok := c.events[id]; ok {
		return e, true
	}
	t, ok := c.trash[id]
	return t.Event, ok
}

func newMemWriter(events ...Event) *memWriter {
	w := &memWriter{memContent: memContent{events: map[string]Event{}, trash: map[string]Trashed{}, sources: map[string]Source{}, header: Header{Title: "Case"}, snapshots: map[string][]memSnapshot{}},
		author: "ana", now: time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)}
	for _, e := range events {
		w.events[e.ID] = e
	}
	return w
}

func (w *memWriter) Write(op Op, phrase string, fn func(tx Tx) error) (Entry, error) {
	if w.fail != nil {
		return Entry{}, w.fail
	}
	tx := &memTx{w: w, memContent: w.clone()}
	if err := fn(tx); err != nil {
		return Entry{}, err
	}
	e, changed, err := tx.changes.Entry(op, phrase, w.author, w.now, tx.state())
	if err != nil {
		return Entry{}, err
	}
	w.memContent = tx.memContent
	if !changed {
		return Entry{}, nil
	}
	e.Seq = uint64(len(w.journal) + 1)
	w.journal = append(w.journal, e)
	return e, nil
}

func (w *memWriter) Entry(seq uint64) (Entry, error) {
	if seq < 1 || seq > uint64(len(w.journal)) {
		return Entry{}, fmt.Errorf("no entry %d", seq)
	}
	return w.journal[seq-1], nil
}

// memTx is one Write's transaction.
type memTx struct {
	memContent
	w       *memWriter
	changes Changes
}

func (tx *memTx) PutSnapshot(s *Snapshot, original, text io.Reader) error {
	if _, ok := tx.sources[s.Source]; !ok {
		return &Missing{Kind: MissingSource, ID: s.Source}
	}
	h := sha256.New()
	n, err := io.Copy(h, original)
	if err != nil {
		return err
	}
	s.N, s.Size, s.SHA256, s.TextSize = len(tx.snapshots[s.Source])+1, n, hex.EncodeToString(h.Sum(nil)), n
	if text != nil {
		if s.TextSize, err = io.Copy(io.Discard, text); err != nil {
			return err
		}
	}
	tx.snapshots[s.Source] = append(tx.snapshots[s.Source], memSnapshot{Snapshot: *s})
	tx.changes.Snapshot(s.Ref())
	return nil
}

func (tx *memTx) WithdrawSnapshot(source string, n int, withdrawn bool) error {
	list := tx.snapshots[source]
	if n < 1 || n > len(list) || list[n-1].withdrawn == withdrawn {
		return fmt.Errorf("no snapshot %d to change", n)
	}
	list[n-1].withdrawn = withdrawn
	r := list[n-1].Ref()
	r.Withdrawn = withdrawn
	tx.changes.Snapshot(r)
	return nil
}

// state is the transaction as it stands, for its changes.
func (tx *memTx) state() TxState {
	return TxState{
		Where: func(id string) (Event, Whereabouts, error) {
			e, _ := tx.version(id)
			return e, tx.place(id), nil
		},
		Source: tx.Source,
		Header: tx.Header,
	}
}

// touch and touchSource note an event or source as it was before the
// Write first changed it (the memory's reads do not fail).
func (tx *memTx) touch(id string)       { tx.changes.Event(id, tx.state()) }
func (tx *memTx) touchSource(id string) { tx.changes.Source(id, tx.state()) }

func (tx *memTx) Author() string          { return tx.w.author }
func (tx *memTx) Now() time.Time          { return tx.w.now }
func (tx *memTx) Header() (Header, error) { return tx.header, nil }
func (tx *memTx) SetHeader(h Header) error {
	tx.changes.Header(tx.state())
	tx.header = h
	return nil
}
func (tx *memTx) Reverts(seq uint64)     { tx.changes.Reverts(seq) }
func (tx *memTx) Rephrase(phrase string) { tx.changes.Rephrase(phrase) }
func (tx *memTx) Mention(id string) error {
	return tx.changes.Mention(id, tx.state())
}

func (tx *memTx) Event(id string) (Event, error) {
	e, ok := tx.events[id]
	if !ok {
		return Event{}, &Missing{Kind: MissingEvent, ID: id}
	}
	return e.Clone(), nil
}

func (tx *memTx) HasEvent(id string) (bool, error) { return tx.place(id) != Absent, nil }

func (tx *memTx) PutEvent(e Event) error {
	if _, ok := tx.trash[e.ID]; ok {
		return fmt.Errorf("event %q: in the trash", e.ID)
	}
	tx.touch(e.ID)
	tx.events[e.ID] = e.Clone()
	return nil
}

func (tx *memTx) Backlinks(id string) ([]Incoming, error) {
	var out []Incoming
	for _, k := range slices.Sorted(maps.Keys(tx.events)) {
		for _, l := range tx.events[k].Links {
			if l.Event == id {
				out = append(out, Incoming{From: k, Rel: l.Rel})
			}
		}
	}
	return out, nil
}

func (tx *memTx) TrashEvent(id string) error {
	e, err := tx.Event(id)
	if err != nil {
		return err
	}
	tx.touch(id)
	delete(tx.events, id)
	tx.trash[id] = Trashed{Event: e, At: tx.w.now, Author: tx.w.author}
	return nil
}

func (tx *memTx) Trashed(id string) (Trashed, error) {
	t, ok := tx.trash[id]
	if !ok {
		return Trashed{}, &Missing{Kind: MissingTrashed, ID: id}
	}
	return t, nil
}

func (tx *memTx) RestoreEvent(id string) error {
	t, err := tx.Trashed(id)
	if err != nil {
		return err
	}
	tx.touch(id)
	delete(tx.trash, id)
	tx.events[id] = t.Event
	return nil
}

func (tx *memTx) PurgeEvent(id string) error {
	if _, err := tx.Trashed(id); err != nil {
		return err
	}
	tx.touch(id)
	delete(tx.trash, id)
	return nil
}

func (tx *memTx) Source(id string) (Source, error) {
	s, ok := tx.sources[id]
	if !ok {
		return Source{}, &Missing{Kind: MissingSource, ID: id}
	}
	return s, nil
}

func (tx *memTx) PutSource(s Source) error {
	tx.touchSource(s.ID)
	tx.sources[s.ID] = s
	return nil
}

func (tx *memTx) DeleteSource(id string) error {
	if _, ok := tx.sources[id]; !ok {
		return errors.New("no source")
	}
	tx.touchSource(id)
	delete(tx.sources, id)
	return nil
}

func (tx *memTx) Citing(id string) (int, error) {
	n := 0
	for _, e := range tx.events {
		if e.DateSource == id || slices.ContainsFunc(e.Quotes, func(q Quote) bool { return q.Source == id }) {
			n++
		}
	}
	return n, nil
}

func (tx *memTx) Later(seq uint64) ([]Entry, error) {
	if seq >= uint64(len(tx.w.journal)) {
		return nil, nil
	}
	return slices.Clone(tx.w.journal[seq:]), nil
}
