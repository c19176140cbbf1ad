package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"
	"chrono/store/outfile"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// bulkRevertAbove is how many events an entry holds before a revert of
// it is written as a large import is (bulkRevert) rather than in one
// transaction, which holds every page it writes (the trash's values,
// the entry) until it commits: 1.26 GiB to undo an import of 200,000
// events. Tests set it lower.
var bulkRevertAbove = 20_000

// errManyReverted ends a write that reverts more than bulkRevertAbove
// events in one transaction, for Write to run it again as a bulkRevert.
var errManyReverted = errors.New("a revert of many events, written as a new store")

// errNotBulk ends a bulkRevert that met what it does not write (a
// snapshot, a purge, an event read again after others): Write runs it
// again in one transaction.
var errNotBulk = errors.New("a write a bulk revert does not make")

// bulkRevert is model.Tx for a revert of many events (an import's undo,
// its redo), written as a large import is: the store read in one read
// transaction, each change turned into sorted records (the event's
// value, id and index entries taken out and its trash entry put, or
// the reverse), and the store built anew from the old one and the
// records and swapped in (buildSwap), the linked groups placed over
// them. The events come in their ids' order, each once (model's
// revertOrder), and their records go into the entry's log as they come
// (streamedRecords): what is held is the last event touched, the
// sources and header written, and the counts' changes.
type bulkRevert struct {
	s       *Store
	tx      *bbolt.Tx
	b       buckets
	dir     string
	sort    *extsort.Sorter
	counts  *tally
	records int64
	author  string
	now     time.Time
	changes model.Changes
	log     *streamedRecords
	spilled *spilledLog // the log's records, as they are written
	looked  int
	// The event touched last, as the revert left it, while its record
	// is open; wrote says whether it was written.
	last      string
	lastEvent model.Event
	lastWhere model.Whereabouts
	wrote     bool
	sources   map[string]*model.Source // written; nil, deleted
	header    *model.Header            // written
}

var (
	_ model.Tx              = (*bulkRevert)(nil)
	_ model.RecordedSources = (*bulkRevert)(nil)
	_ model.StreamedChanges = (*bulkRevert)(nil)
	_ model.ManyReverted    = (*bulkRevert)(nil)
)

// writeBulk runs fn, a revert of many events, as a bulkRevert: the new
// store is in place when it returns without error, and the old one as
// it was otherwise. errNotBulk says fn needs one transaction.
func (s *Store) writeBulk(op model.Op, phrase string, fn func(tx model.Tx) error) (entry model.Entry, err error) {
	if s.readOnly {
		return entry, model.ErrReadOnly
	}
	if err := s.writable(); err != nil {
		return entry, err
	}
	removeStaleImports(s.path)
	if err := s.shareForBuild(string(op)); err != nil { // "undo": undo, revert, redo
		return entry, err
	}
	r := &bulkRevert{s: s, counts: newTally(), author: s.author, now: clock().UTC().Round(0), sources: map[string]*model.Source{}}
	defer r.cleanUp()
	err = noRoom(s.path, s.guarded(func() error {
		if r.tx, err = s.db.Begin(false); err != nil {
			return err
		}
		r.b = bucketsOf(r.tx)
		if r.b.trees = s.trees(r.tx); r.b.trees != nil {
			r.b.trees.recent = &leafRing{}
		}
		if r.dir, err = tempDir(s.path); err != nil {
			return err
		}
		r.sort = extsort.New(r.dir, sortMemory)
		r.log = &streamedRecords{linked: map[string]bool{}, links: !op.LeavesLinks()}
		if r.spilled, err = spillLog(&r.log.log, r.dir); err != nil {
			return err
		}
		r.changes.Stream(r.log.put)
		if err := fn(r); err != nil {
			return err
		}
		entry, err = r.commit(op, phrase)
		return err
	}))
	return entry, err
}

// cleanUp lets go of what the revert held; after the swap, only its
// working directory is left to remove.
func (r *bulkRevert) cleanUp() {
	if r.tx != nil {
		r.tx.Rollback()
	}
	r.s.takeBack() // ended without its new file in place: written to again
	if r.sort != nil {
		r.sort.Remove()
	}
	r.spilled.close()
	if r.dir != "" {
		outfile.RemoveTemp(r.dir)
	}
}

func (r *bulkRevert) add(bk bucket, key, value []byte, rank extsort.Rank) error {
	r.records++
	return r.sort.Add(bk.letter, key, value, rank)
}

// commit adds the records of what is known only at the end (the entry,
// its history and linking keys, the sources, the header, the counts),
// builds the new store and puts it in place. Nothing changed, nothing
// is built.
func (r *bulkRevert) commit(op model.Op, phrase string) (model.Entry, error) {
	e, changed, err := r.changes.Entry(op, phrase, r.author, r.now, r.state())
	if err != nil || !changed {
		return model.Entry{}, err
	}
	e.Seq = lastSeq(r.b.journal) + 1
	prev, err := chainHead(r.b.journal)
	if err != nil {
		return e, err
	}
	// The entry's value is written from its file as the store is built;
	// its record holds its place.
	entry, err := r.spilled.entry(&e, &r.log.log, prev)
	if err != nil {
		return e, err
	}
	if err := r.add(bucketJournal, seqKey(e.Seq), nil, extsort.RankNew); err != nil {
		return e, err
	}
	for _, id := range r.log.ids {
		if err := r.add(bucketHistory, historyKey(id, e.Seq), nil, extsort.RankNew); err != nil {
			return e, err
		}
	}
	r.log.ids = nil
	for _, id := range r.log.linksChangedTo() {
		if err := r.add(bucketLinking, historyKey(id, e.Seq), nil, extsort.RankNew); err != nil {
			return e, err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.sources)) {
		if err := r.addSource(id, r.sources[id]); err != nil {
			return e, err
		}
	}
	if err := r.addHeader(); err != nil {
		return e, err
	}
	err = r.counts.each(func(c counter, delta int) error {
		if delta == 0 {
			return nil
		}
		key := c.key()
		return addCount(r.add, key, countOf(r.b.counts, key)+delta, extsort.RankNew, extsort.RankDelete)
	})
	if err != nil {
		return e, err
	}
	// Until Close, the new store is being written to (guard.go).
	if err := r.add(bucketMeta, keyClosed, nil, extsort.RankDelete); err != nil {
		return e, err
	}
	err = r.s.buildSwap(r.tx, r.dir, r.sort, r.records, nil, entry)
	r.tx, r.sort = nil, nil // rolled back; the records removed
	return e, err
}

// addSource adds the record of a source written: put, or taken out.
func (r *bulkRevert) addSource(id string, src *model.Source) error {
	if src == nil {
		return r.add(bucketSources, []byte(id), nil, extsort.RankDelete)
	}
	v, err := json.Marshal(*src)
	if err != nil {
		return fmt.Errorf("source %q: %w", id, err)
	}
	return r.add(bucketSources, []byte(id), v, extsort.RankNew)
}

// addHeader adds the records of the header, when it was written.
func (r *bulkRevert) addHeader() error {
	if r.header == nil {
		return nil
	}
	for _, f := range []struct {
		key []byte
		val string
	}{{keyTitle, r.header.Title}, {keyDescription, r.header.Description}} {
		var err error
		if f.val == "" {
			err = r.add(bucketMeta, f.key, nil, extsort.RankDelete)
		} else {
			err = r.add(bucketMeta, f.key, []byte(f.val), extsort.RankNew)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// state is the revert as it stands, for its changes.
func (r *bulkRevert) state() model.TxState {
	return model.TxState{Where: r.where, Source: r.Source, Header: r.Header}
}

// readable refuses to read an event touched before the last: what the
// revert did to it is no longer held.
func (r *bulkRevert) readable(id string) error {
	if r.last != "" && id < r.last {
		return fmt.Errorf("event %q read again after %q: %w", id, r.last, errNotBulk)
	}
	return nil
}

// where returns an event and where it is.
func (r *bulkRevert) where(id string) (model.Event, model.Whereabouts, error) {
	if id == r.last && r.wrote {
		return r.lastEvent, r.lastWhere, nil
	}
	if err := r.readable(id); err != nil {
		return model.Event{}, model.Absent, err
	}
	if r.b.value(r.b.ids, []byte(id)) != nil {
		e, _, err := r.b.event(id)
		return e, model.OnTimeline, err
	}
	if v := r.b.trash.Get([]byte(id)); v != nil {
		tr, err := decodeTrashed(v)
		if err != nil {
			return model.Event{}, model.InTrash, fmt.Errorf("event %q in the trash: %w", id, err)
		}
		return tr.Event, model.InTrash, nil
	}
	return model.Event{}, model.Absent, nil
}

// touch remembers an event as it is before the revert writes it, which
// it does once.
func (r *bulkRevert) touch(id string) error {
	if id == r.last && r.wrote {
		return fmt.Errorf("event %q written twice: %w", id, errNotBulk)
	}
	if err := r.changes.Event(id, r.state()); err != nil {
		return err
	}
	if r.looked++; r.looked%releaseLooked == 0 {
		release(r.tx) // what the lookups mapped (the trash)
	}
	r.last, r.wrote = id, false
	return nil
}

// written keeps the event touched last as the revert left it.
func (r *bulkRevert) written(e model.Event, where model.Whereabouts) {
	r.lastEvent, r.lastWhere, r.wrote = e, where, true
}

// Author implements model.Tx.
func (r *bulkRevert) Author() string { return r.author }

// Now implements model.Tx.
func (r *bulkRevert) Now() time.Time { return r.now }

// Header implements model.Tx.
func (r *bulkRevert) Header() (model.Header, error) {
	if r.header != nil {
		return *r.header, nil
	}
	return r.b.header(), nil
}

// SetHeader implements model.Tx.
func (r *bulkRevert) SetHeader(h model.Header) error {
	if err := r.changes.Header(r.state()); err != nil {
		return err
	}
	r.header = &h
	return nil
}

// Event implements model.Tx.
func (r *bulkRevert) Event(id string) (model.Event, error) {
	e, where, err := r.where(id)
	if err == nil && where != model.OnTimeline {
		err = &model.Missing{Kind: model.MissingEvent, ID: id}
	}
	return e, err
}

// HasEvent implements model.Tx.
func (r *bulkRevert) HasEvent(id string) (bool, error) {
	_, where, err := r.where(id)
	return where != model.Absent, err
}

// PutEvent implements model.Tx, as writeTx's does.
func (r *bulkRevert) PutEvent(e model.Event) error {
	if msg := model.CheckID(e.ID); msg != "" {
		return fmt.Errorf("event %q: %s", e.ID, msg)
	}
	old, where, err := r.where(e.ID)
	if err != nil {
		return err
	}
	if where == model.InTrash {
		return fmt.Errorf("event %q is in the trash: restore it, or purge it, before writing an event with its id", e.ID)
	}
	var order []byte
	if where == model.OnTimeline {
		if order = r.b.value(r.b.ids, []byte(e.ID)); order == nil {
			return fmt.Errorf("event %q: %w", e.ID, errNotBulk) // written already
		}
		order = bytes.Clone(order)
	}
	if err := r.touch(e.ID); err != nil {
		return err
	}
	if order != nil {
		if err := r.removeRecords(&old, order); err != nil {
			return err
		}
	}
	r.written(e, model.OnTimeline)
	return r.putRecords(&e)
}

// removeRecords adds the records that take a stored event off the
// timeline: its value, its id's entry, its index entries and counts.
func (r *bulkRevert) removeRecords(e *model.Event, order []byte) error {
	if err := r.add(bucketEvents, order, nil, extsort.RankDelete); err != nil {
		return err
	}
	if err := r.add(bucketIDs, []byte(e.ID), nil, extsort.RankDelete); err != nil {
		return err
	}
	if err := indexEntries(e, order, func(bk bucket, key []byte) error { return r.add(bk, key, nil, extsort.RankDelete) }); err != nil {
		return err
	}
	return counters(e, order, func(c counter) error { r.counts.add(c, -1); return nil })
}

// putRecords adds the records that put e on the timeline under its own
// order key; its linked group, should it have one, is placed again as
// the store is built (settle).
func (r *bulkRevert) putRecords(e *model.Event) error {
	order := model.OrderKey(e)
	if err := r.add(bucketEvents, order, stored.Encode(nil, e), extsort.RankNew); err != nil {
		return err
	}
	if err := r.add(bucketIDs, []byte(e.ID), order, extsort.RankNew); err != nil {
		return err
	}
	if err := indexEntries(e, order, func(bk bucket, key []byte) error { return r.add(bk, key, nil, extsort.RankNew) }); err != nil {
		return err
	}
	return counters(e, order, func(c counter) error { r.counts.add(c, 1); return nil })
}

// Backlinks implements model.Tx; a revert does not ask for them.
func (r *bulkRevert) Backlinks(id string) ([]model.Incoming, error) {
	return nil, fmt.Errorf("event %q: links to it asked for: %w", id, errNotBulk)
}

// TrashEvent implements model.Tx.
func (r *bulkRevert) TrashEvent(id string) error {
	e, where, err := r.where(id)
	if err != nil {
		return err
	}
	if where != model.OnTimeline {
		return &model.Missing{Kind: model.MissingEvent, ID: id}
	}
	order := r.b.value(r.b.ids, []byte(id))
	if order == nil {
		return fmt.Errorf("event %q: %w", id, errNotBulk) // written already
	}
	order = bytes.Clone(order)
	if err := r.touch(id); err != nil {
		return err
	}
	if err := r.removeRecords(&e, order); err != nil {
		return err
	}
	v, err := encodeTrashed(&model.Trashed{Event: e, At: r.now, Author: r.author})
	if err != nil {
		return fmt.Errorf("event %q: %w", id, err)
	}
	r.written(e, model.InTrash)
	return r.add(bucketTrash, []byte(id), v, extsort.RankNew)
}

// Trashed implements model.Tx.
func (r *bulkRevert) Trashed(id string) (model.Trashed, error) {
	if err := r.readable(id); err != nil {
		return model.Trashed{}, err
	}
	if id == r.last && r.wrote {
		return model.Trashed{}, fmt.Errorf("event %q: read from the trash once written: %w", id, errNotBulk)
	}
	return r.b.trashed(id)
}

// RestoreEvent implements model.Tx.
func (r *bulkRevert) RestoreEvent(id string) error {
	tr, err := r.Trashed(id)
	if err != nil {
		return err
	}
	if r.b.value(r.b.ids, []byte(id)) != nil {
		return fmt.Errorf("event %q is both in the trash and on the timeline: purge the one in the trash, or delete the other first", id)
	}
	if err := r.touch(id); err != nil {
		return err
	}
	if err := r.add(bucketTrash, []byte(id), nil, extsort.RankDelete); err != nil {
		return err
	}
	r.written(tr.Event, model.OnTimeline)
	return r.putRecords(&tr.Event)
}

// PurgeEvent implements model.Tx; a revert does not purge.
func (r *bulkRevert) PurgeEvent(id string) error {
	return fmt.Errorf("event %q: purged: %w", id, errNotBulk)
}

// Source implements model.Tx.
func (r *bulkRevert) Source(id string) (model.Source, error) {
	if src, ok := r.sources[id]; ok {
		if src == nil {
			return model.Source{}, &model.Missing{Kind: model.MissingSource, ID: id}
		}
		return *src, nil
	}
	v := r.b.sources.Get([]byte(id))
	if v == nil {
		return model.Source{}, &model.Missing{Kind: model.MissingSource, ID: id}
	}
	return decodeSource(id, v)
}

// PutSource implements model.Tx.
func (r *bulkRevert) PutSource(s model.Source) error {
	if msg := model.CheckID(s.ID); msg != "" {
		return fmt.Errorf("source %q: %s", s.ID, msg)
	}
	if err := r.changes.Source(s.ID, r.state()); err != nil {
		return err
	}
	r.sources[s.ID] = &s
	return nil
}

// DeleteSource implements model.Tx.
func (r *bulkRevert) DeleteSource(id string) error {
	if _, err := r.Source(id); err != nil {
		return err
	}
	if hasSnapshots(r.b.snapshots, id) {
		return fmt.Errorf("source %q has snapshots of its content, kept as evidence even once withdrawn (an attach undone); it stays", id)
	}
	if err := r.changes.Source(id, r.state()); err != nil {
		return err
	}
	r.sources[id] = nil
	return nil
}

// Citing implements model.Tx: the kept count and the revert's changes
// to it.
func (r *bulkRevert) Citing(sourceID string) (int, error) {
	return countOf(r.b.counts, counterKey(counterCited, sourceID)) + r.counts.count(counterCited, sourceID), nil
}

// Later implements model.Tx.
func (r *bulkRevert) Later(seq uint64) ([]model.Entry, error) { return r.b.later(seq) }

// RecordedSources implements model.RecordedSources.
func (r *bulkRevert) RecordedSources(fn func(c model.SourceChange) error) error {
	return r.b.recordedSources(fn)
}

// PutSnapshot implements model.Tx; a revert keeps no snapshot.
func (r *bulkRevert) PutSnapshot(s *model.Snapshot, _, _ io.Reader) error {
	return fmt.Errorf("source %q: a snapshot kept: %w", s.Source, errNotBulk)
}

// WithdrawSnapshot implements model.Tx: written in one transaction.
func (r *bulkRevert) WithdrawSnapshot(sourceID string, _ int, _ bool) error {
	return fmt.Errorf("source %q: a snapshot withdrawn: %w", sourceID, errNotBulk)
}

// Reverts implements model.Tx.
func (r *bulkRevert) Reverts(seq uint64) { r.changes.Reverts(seq) }

// Rephrase implements model.Tx.
func (r *bulkRevert) Rephrase(phrase string) { r.changes.Rephrase(phrase) }

// Mention implements model.Tx.
func (r *bulkRevert) Mention(id string) error {
	if err := r.readable(id); err != nil {
		return err
	}
	if err := r.changes.Mention(id, r.state()); err != nil {
		return err
	}
	if id != r.last {
		r.last, r.wrote = id, false
	}
	return nil
}

// StreamEvents implements model.StreamedChanges: a bulk revert's records
// are streamed from the start.
func (r *bulkRevert) StreamEvents() bool { return true }

// ManyReverted implements model.ManyReverted: this is the way.
func (r *bulkRevert) ManyReverted(int) error { return nil }
