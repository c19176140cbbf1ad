package bolt

import (
	"errors"
	"fmt"
	"time"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// writeTx is model.Tx over one bbolt write transaction; its changes are
// what the journal entry records at the end.
type writeTx struct {
	b       buckets
	author  string
	now     time.Time
	changes model.Changes
	// later, when set, holds back the keys of events new to the
	// timeline to put in order (laterPuts): those of a restore into a
	// new store, and those of events brought back from the trash and of
	// the new ones written after them. The transaction reads the events
	// held as stored, and puts them before reading what they leave out
	// (the links index) and before it commits.
	later *laterPuts
	// op is the write's, for what its entry records.
	op model.Op
	// streams, when set, lets the events' records be finished as the
	// write goes (StreamEvents); streamed holds them once they are.
	streams  bool
	streamed *streamedRecords
	// bulk, when set, lets a revert of many events be written as a new
	// store (ManyReverted).
	bulk bool
}

var (
	_ model.Tx              = (*writeTx)(nil)
	_ model.RecordedSources = (*writeTx)(nil)
	_ model.StreamedChanges = (*writeTx)(nil)
	_ model.ManyReverted    = (*writeTx)(nil)
)

// clock tells the time writes are recorded at; tests that compare two
// stores byte for byte stop it.
var clock = time.Now

// errNothingWritten rolls back a Write that changed nothing, so that it
// leaves no trace.
var errNothingWritten = errors.New("nothing written")

// Write runs fn in one write transaction and records what it changed as
// one journal entry in the same transaction: both are kept, or neither.
// A revert of many events is written as a new store built beside the
// old one and put in its place (writeBulk), which is as atomic.
func (s *Store) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	entry, err := s.write(op, phrase, fn, true, true)
	if errors.Is(err, errManyReverted) {
		entry, err = s.writeBulk(op, phrase, fn)
		if errors.Is(err, errNotBulk) || errors.Is(err, model.ErrTouchedAgain) {
			entry, err = s.write(op, phrase, fn, true, false)
		}
	}
	if errors.Is(err, model.ErrTouchedAgain) {
		// The write touched an event again once its record was
		// finished: run it again, its changes held whole.
		entry, err = s.write(op, phrase, fn, false, false)
	}
	return entry, err
}

// write is Write, its events' records streamed when fn asks and streams
// allows (StreamEvents), and a revert of many events handed to writeBulk
// when bulk allows (ManyReverted).
func (s *Store) write(op model.Op, phrase string, fn func(tx model.Tx) error, streams, bulk bool) (model.Entry, error) {
	var entry model.Entry
	err := noRoom(s.path, s.guarded(func() error {
		return s.update(func(tx *bbolt.Tx) error {
			t := &writeTx{b: bucketsOf(tx), author: s.author, now: clock().UTC().Round(0), op: op, streams: streams, bulk: bulk}
			if err := fn(t); err != nil {
				return err
			}
			if err := t.putHeld(); err != nil {
				return err
			}
			if err := t.b.settle(); err != nil {
				return err
			}
			var err error
			entry, err = t.record(op, phrase)
			if err == nil && entry.Seq == 0 {
				return errNothingWritten
			}
			return err
		})
	}))
	if errors.Is(err, errNothingWritten) {
		return model.Entry{}, nil
	}
	return entry, err
}

// record stores the journal entry of what the transaction changed, and
// returns it; an entry with Seq 0 when nothing changed.
func (t *writeTx) record(op model.Op, phrase string) (model.Entry, error) {
	e, changed, err := t.changes.Entry(op, phrase, t.author, t.now, t.state())
	if err != nil || !changed {
		return model.Entry{}, err
	}
	if r := t.streamed; r != nil {
		_, err = recordEntry(t.b, &e, &r.log, r.ids, r.linksChangedTo())
		return e, err
	}
	var l journalform.Log
	ids := make([]string, len(e.Events))
	for i := range e.Events {
		if err := l.Change(&e.Events[i]); err != nil {
			return e, err
		}
		ids[i] = e.Events[i].ID
	}
	_, err = recordEntry(t.b, &e, &l, ids, e.LinksChangedTo())
	return e, err
}

// putHeld puts the events' keys held back (later), in order.
func (t *writeTx) putHeld() error {
	if t.later == nil {
		return nil
	}
	return t.later.put()
}

// state is the transaction as it stands, for its changes.
func (t *writeTx) state() model.TxState {
	return model.TxState{Where: t.where, Source: t.Source, Header: t.Header}
}

// where returns an event and where it is: on the timeline, in the trash,
// or absent.
func (t *writeTx) where(id string) (model.Event, model.Whereabouts, error) {
	if t.later != nil {
		if e, held, err := t.later.event(id); held {
			return e, model.OnTimeline, err
		}
	}
	if t.b.ids.Get([]byte(id)) != nil {
		e, _, err := t.b.event(id)
		return e, model.OnTimeline, err
	}
	if v := t.b.trash.Get([]byte(id)); v != nil {
		tr, err := decodeTrashed(v)
		if err != nil {
			return model.Event{}, model.InTrash, fmt.Errorf("event %q in the trash: %w", id, err)
		}
		return tr.Event, model.InTrash, nil
	}
	return model.Event{}, model.Absent, nil
}

// touch remembers an event as it is before the transaction first writes
// it.
func (t *writeTx) touch(id string) error { return t.changes.Event(id, t.state()) }

// Author implements model.Tx.
func (t *writeTx) Author() string { return t.author }

// Now implements model.Tx.
func (t *writeTx) Now() time.Time { return t.now }

// Header implements model.Tx.
func (t *writeTx) Header() (model.Header, error) { return t.b.header(), nil }

// SetHeader implements model.Tx.
func (t *writeTx) SetHeader(h model.Header) error {
	if err := t.changes.Header(t.state()); err != nil {
		return err
	}
	for _, f := range []struct {
		key []byte
		val string
	}{{keyTitle, h.Title}, {keyDescription, h.Description}} {
		var err error
		if f.val == "" {
			err = t.b.meta.Delete(f.key)
		} else {
			err = t.b.meta.Put(f.key, []byte(f.val))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Event implements model.Tx.
func (t *writeTx) Event(id string) (model.Event, error) {
	if t.later != nil {
		if e, held, err := t.later.event(id); held {
			return e, err
		}
	}
	e, _, err := t.b.event(id)
	return e, err
}

// HasEvent implements model.Tx.
func (t *writeTx) HasEvent(id string) (bool, error) {
	if t.later != nil {
		if _, held := t.later.held[id]; held {
			return true, nil
		}
	}
	return t.b.ids.Get([]byte(id)) != nil || t.b.trash.Get([]byte(id)) != nil, nil
}

// PutEvent implements model.Tx. It refuses what would break the store:
// an id that is not one, and an id of an event in the trash (which would
// then be in two places).
func (t *writeTx) PutEvent(e model.Event) error {
	if msg := model.CheckID(e.ID); msg != "" {
		return fmt.Errorf("event %q: %s", e.ID, msg)
	}
	if t.b.trash.Get([]byte(e.ID)) != nil {
		return fmt.Errorf("event %q is in the trash: restore it, or purge it, before writing an event with its id", e.ID)
	}
	if err := t.touch(e.ID); err != nil {
		return err
	}
	if t.later != nil {
		if _, held := t.later.held[e.ID]; held {
			// Written again: what is held goes in first, as it stands.
			if err := t.later.put(); err != nil {
				return err
			}
		} else if t.b.ids.Get([]byte(e.ID)) == nil {
			_, err := t.later.putNew(t.b, &e)
			return err
		}
	}
	if t.b.ids.Get([]byte(e.ID)) == nil {
		return t.b.put(&e)
	}
	old, order, err := t.b.event(e.ID)
	if err != nil {
		return err
	}
	return t.b.replace(&old, order, &e)
}

// Backlinks implements model.Tx.
func (t *writeTx) Backlinks(id string) ([]model.Incoming, error) {
	if err := t.putHeld(); err != nil {
		return nil, err
	}
	return backlinks(t.b, id)
}

// TrashEvent implements model.Tx.
func (t *writeTx) TrashEvent(id string) error {
	if err := t.putHeld(); err != nil {
		return err
	}
	e, order, err := t.b.event(id)
	if err != nil {
		return err
	}
	if err := t.touch(id); err != nil {
		return err
	}
	if err := t.b.remove(&e, order); err != nil {
		return err
	}
	v, err := encodeTrashed(&model.Trashed{Event: e, At: t.now, Author: t.author})
	if err != nil {
		return fmt.Errorf("event %q: %w", id, err)
	}
	return t.b.trash.Put([]byte(id), v)
}

// Trashed implements model.Tx.
func (t *writeTx) Trashed(id string) (model.Trashed, error) { return t.b.trashed(id) }

// trashed returns the event id in the trash, or a model.Missing.
func (b buckets) trashed(id string) (model.Trashed, error) {
	v := b.trash.Get([]byte(id))
	if v == nil {
		return model.Trashed{}, &model.Missing{Kind: model.MissingTrashed, ID: id}
	}
	tr, err := decodeTrashed(v)
	if err != nil {
		return tr, fmt.Errorf("event %q in the trash: %w", id, err)
	}
	return tr, nil
}

// RestoreEvent implements model.Tx.
func (t *writeTx) RestoreEvent(id string) error {
	tr, err := t.Trashed(id)
	if err != nil {
		return err
	}
	if t.b.ids.Get([]byte(id)) != nil {
		return fmt.Errorf("event %q is both in the trash and on the timeline: purge the one in the trash, or delete the other first", id)
	}
	if err := t.touch(id); err != nil {
		return err
	}
	if err := t.b.trash.Delete([]byte(id)); err != nil {
		return err
	}
	// Held back: the events an undo of a deletion or a redo of an import
	// brings back come in their ids' order (model's revertOrder), their
	// order and index keys in none, and bbolt moves a page's keys along
	// at each put until the transaction commits (import_later.go).
	if t.later == nil {
		t.later = &laterPuts{}
	}
	_, err = t.later.putNew(t.b, &tr.Event)
	return err
}

// PurgeEvent implements model.Tx.
func (t *writeTx) PurgeEvent(id string) error {
	if _, err := t.Trashed(id); err != nil {
		return err
	}
	if err := t.touch(id); err != nil {
		return err
	}
	return t.b.trash.Delete([]byte(id))
}

// Source implements model.Tx.
func (t *writeTx) Source(id string) (model.Source, error) {
	v := t.b.sources.Get([]byte(id))
	if v == nil {
		return model.Source{}, &model.Missing{Kind: model.MissingSource, ID: id}
	}
	return decodeSource(id, v)
}

func decodeSource(id string, v []byte) (model.Source, error) {
	var src model.Source
	if err := json.Unmarshal(v, &src); err != nil {
		return src, stored.Unreadablef("source %q: its stored value is not readable JSON (%v)", id, err)
	}
	return src, nil
}

// touchSource remembers a source as it is before the transaction first
// writes it.
func (t *writeTx) touchSource(id string) error { return t.changes.Source(id, t.state()) }

// PutSource implements model.Tx.
func (t *writeTx) PutSource(s model.Source) error {
	if msg := model.CheckID(s.ID); msg != "" {
		return fmt.Errorf("source %q: %s", s.ID, msg)
	}
	v, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("source %q: %w", s.ID, err)
	}
	if err := t.touchSource(s.ID); err != nil {
		return err
	}
	return t.b.sources.Put([]byte(s.ID), v)
}

// DeleteSource implements model.Tx.
func (t *writeTx) DeleteSource(id string) error {
	if t.b.sources.Get([]byte(id)) == nil {
		return &model.Missing{Kind: model.MissingSource, ID: id}
	}
	if hasSnapshots(t.b.snapshots, id) {
		return fmt.Errorf("source %q has snapshots of its content, kept as evidence even once withdrawn (an attach undone); it stays", id)
	}
	if err := t.touchSource(id); err != nil {
		return err
	}
	return t.b.sources.Delete([]byte(id))
}

// Citing implements model.Tx, from the kept count.
func (t *writeTx) Citing(sourceID string) (int, error) {
	return countOf(t.b.counts, counterKey(counterCited, sourceID)), nil
}

// Later implements model.Tx: the entries after seq, oldest first, read in
// the transaction so that a revert sees every change before it.
func (t *writeTx) Later(seq uint64) ([]model.Entry, error) { return t.b.later(seq) }

// later returns the entries after seq, oldest first.
func (b buckets) later(seq uint64) ([]model.Entry, error) {
	var out []model.Entry
	c := b.journal.Cursor()
	for k, v := c.Seek(seqKey(seq + 1)); k != nil; k, v = c.Next() {
		e, err := decodeEntry(beUint64(k), v)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// RecordedSources implements model.RecordedSources from the entries'
// heads, which hold their sources' changes, leaving their events unread.
func (t *writeTx) RecordedSources(fn func(c model.SourceChange) error) error {
	return t.b.recordedSources(fn)
}

// recordedSources calls fn with the sources' changes of every entry, read
// from the entries' heads.
func (b buckets) recordedSources(fn func(c model.SourceChange) error) error {
	c := b.journal.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		e, _, err := decodeEntryHead(beUint64(k), v)
		if err != nil {
			return err
		}
		for _, s := range e.Sources {
			if err := fn(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// ManyReverted implements model.ManyReverted: a revert of more than
// bulkRevertAbove events ends the transaction, for Write to write it as
// a new store.
func (t *writeTx) ManyReverted(events int) error {
	if t.bulk && events > bulkRevertAbove {
		return errManyReverted
	}
	return nil
}

// Reverts implements model.Tx.
func (t *writeTx) Reverts(seq uint64) { t.changes.Reverts(seq) }

// Rephrase implements model.Tx.
func (t *writeTx) Rephrase(phrase string) { t.changes.Rephrase(phrase) }

// Mention implements model.Tx.
func (t *writeTx) Mention(id string) error { return t.changes.Mention(id, t.state()) }
