package bolt

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// This store writes its journal entries in model.FormRecords
// (model/journalform), behind their links in the journal's hash chain
// (chain.go): an entry's head as JSON, then a record per event it
// touched, so that an import's million added events are an id each and
// the fingerprint of what it stored (model.EventChange.Written),
// compressed. An entry restored from PostgreSQL keeps its FormJSON.

// encodeEntry returns the stored form of an entry whose events are l's
// (e.Events is not written), linked to the entry before it, whose hash
// is prev, and sets e.Hash and e.Prev.
func encodeEntry(e *model.Entry, l *journalform.Log, prev []byte) ([]byte, error) {
	// The chain's fields filled in before the body, in place: the body
	// of an entry of a million events is hundreds of megabytes.
	v, err := l.BodyAfter(e, chainFields)
	if err != nil {
		return nil, err
	}
	hash, err := journalform.Hash(e.Seq, model.FormRecords, prev, v[chainFields:])
	if err != nil {
		return nil, err
	}
	putChainFields(v, model.FormRecords, hash, prev)
	e.Hash, e.Prev = hex.EncodeToString(entryHash(v)), hex.EncodeToString(entryPrev(v))
	return v, nil
}

// entryParts splits a stored entry, in whichever form, into its head and
// its events, still encoded.
func entryParts(seq uint64, v []byte) (journalform.Parts, error) {
	if !chained(v) {
		return journalform.Parts{}, stored.Unreadablef("journal entry #%d: unknown format", seq)
	}
	p, err := journalform.Split(seq, model.ChainForm(v[0]), v[chainFields:])
	return p, asCorruption(err)
}

// decodeEntryHead reads an entry without its events, and returns its
// parts for them.
func decodeEntryHead(seq uint64, v []byte) (model.Entry, journalform.Parts, error) {
	p, err := entryParts(seq, v)
	if err != nil {
		return model.Entry{}, p, err
	}
	e, err := p.Head()
	if err != nil {
		return e, p, asCorruption(err)
	}
	e.Hash, e.Prev = hex.EncodeToString(entryHash(v)), hex.EncodeToString(entryPrev(v))
	return e, p, nil
}

// decodeEntry reads a stored entry, events and all.
func decodeEntry(seq uint64, v []byte) (model.Entry, error) {
	e, p, err := decodeEntryHead(seq, v)
	if err != nil {
		return e, err
	}
	return e, asCorruption(p.Events(&e, ""))
}

// asCorruption makes the error of an entry that cannot be read one
// about this store's bytes, which guarded names the file in.
func asCorruption(err error) error {
	var bad *journalform.Error
	if errors.As(err, &bad) {
		return stored.Unreadable(bad.Error())
	}
	return err
}

// importJournal is what an import records as it goes: the events it
// adds (by id alone) and updates (with their versions before), the
// sources it adds or changes, and the header it fills in.
type importJournal struct {
	seq     uint64 // the entry's, known from the start: the import holds the write lock
	log     journalform.Log
	sources []model.SourceChange
	header  *model.HeaderChange
}

func (j *importJournal) changed() bool {
	return j.log.Len() > 0 || len(j.sources) > 0 || j.header != nil
}

// source records an imported source that is not as stored.
func (j *importJournal) source(old []byte, s *model.Source, v []byte) error {
	if bytes.Equal(old, v) {
		return nil
	}
	c := model.SourceChange{ID: s.ID, After: s}
	if old != nil {
		before, err := decodeSource(s.ID, old)
		if err != nil {
			return err
		}
		c.Before = &before
	}
	j.sources = append(j.sources, c)
	return nil
}

// entry returns the stored form of the import's entry, linked to the
// newest entry of journal.
func (j *importJournal) entry(s *Store, phrase string, journal *bbolt.Bucket) ([]byte, error) {
	e := model.Entry{Seq: j.seq, At: clock().UTC().Round(0), Author: s.author, Op: model.OpImport,
		Phrase: phrase, Sources: j.sources, Header: j.header}
	prev, err := chainHead(journal)
	if err != nil {
		return nil, err
	}
	return encodeEntry(&e, &j.log, prev)
}

// lastSeq is the sequence number of the newest entry, 0 for none.
func lastSeq(journal *bbolt.Bucket) uint64 {
	k, _ := journal.Cursor().Last()
	return beUint64(k)
}

// historyAdded is the value of a history key for an event an import
// added: the entry's record of it is known without reading the entry's
// million ids, so the history of such an event reads only the entry's
// head.
var historyAdded = []byte{'a'}

// historyKept begins the value of a history key for an import's change
// that keeps what the file said (model.EventChange.Imported), followed by
// the change as JSON: the next import reads it there, rather than from
// the entry, which holds the changes of every event the import touched.
const historyKept = 'k'

// historyValue is the value of the history key of c.
func historyValue(c *model.EventChange) ([]byte, error) {
	switch {
	case journalform.AddedByImport(c):
		return historyAdded, nil
	case c.Imported != nil:
		j, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("event %q: %w", c.ID, err)
		}
		return append([]byte{historyKept}, j...), nil
	}
	return nil, nil
}

// recordEntry stores an entry whose events are in l, under the next
// sequence number, with the history key of each event it touched and
// the linking key of each event linked names (those whose links from
// others it changed, model.Entry.LinksChangedTo), and returns the
// sequence number.
func recordEntry(b buckets, e *model.Entry, l *journalform.Log, ids, linked []string) (uint64, error) {
	e.Seq = lastSeq(b.journal) + 1
	prev, err := chainHead(b.journal)
	if err != nil {
		return 0, err
	}
	v, err := encodeEntry(e, l, prev)
	if err != nil {
		return 0, err
	}
	if err := b.journal.Put(seqKey(e.Seq), v); err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := b.history.Put(historyKey(id, e.Seq), nil); err != nil {
			return 0, err
		}
	}
	for _, id := range linked {
		if err := b.linking.Put(historyKey(id, e.Seq), nil); err != nil {
			return 0, err
		}
	}
	return e.Seq, nil
}

// Journal returns the entries q selects, newest first. The entries of
// one event come from its history keys, and those that changed the
// links other events make to it (Linked) from its linking keys, so that
// the first page reads no more than it returns; in a store of schema 9
// read as it is, which has no linking keys, from the whole journal read
// back. The others come from the end of the journal backwards.
func (s *Store) Journal(q model.JournalQuery) ([]model.Entry, error) {
	var out []model.Entry
	err := s.view(func(b buckets) (err error) {
		out, err = journalIn(b, q)
		return err
	})
	return out, err
}

// How an entry read for a journal query stands to the event asked about.
const (
	journalAll     = iota // no event asked about
	journalOwn            // its history key names the entry
	journalAdded          // its history key says an import added it
	journalLinking        // the entry may have changed links to it
)

// journalIn is Journal in a read of the store.
func journalIn(b buckets, q model.JournalQuery) ([]model.Entry, error) {
	var out []model.Entry
	take := func(seq uint64, v []byte, how int) (bool, error) {
		if v == nil {
			return false, stored.Unreadablef("journal entry #%d: the history of an event names it, the journal has not", seq)
		}
		e, p, err := heads.head(seq, v)
		if err != nil {
			return false, err
		}
		if !q.Since.IsZero() && e.At.Before(q.Since) {
			return true, nil
		}
		switch how {
		case journalAdded:
			// The history key says the entry added the event: its
			// record is known, and the entry's other ids unread.
			e.Events = []model.EventChange{{ID: q.Event, To: model.OnTimeline}}
			if p.N() > 1 {
				e.Touched = p.N()
			}
		case journalOwn:
			// The history keys say the entry touched the event; of its
			// events, the one asked about is the one to show.
			err = asCorruption(p.Events(&e, q.Event))
		case journalLinking:
			if e.Op.LeavesLinks() {
				// Its head says it changed no link: its events are
				// not read.
				return true, nil
			}
			if err = asCorruption(p.Events(&e, "")); err == nil {
				e = q.Trim(e)
			}
		default: // journalAll
			switch {
			case q.HeadsOnly:
				e.Touched = p.N() // its events unread
			case q.Reverting:
				// The pages of the entry's records let go of as they
				// are read: a redo's are hundreds of megabytes.
				err = asCorruption(p.LetGo(releaseValueEvery, func() { release(b.tx) }).Reverted(&e))
			default:
				err = asCorruption(p.SomeEvents(&e, q.MostEvents))
			}
		}
		if err != nil {
			return false, err
		}
		if !q.Matches(&e) {
			return true, nil
		}
		out = append(out, e)
		return q.Limit <= 0 || len(out) < q.Limit, nil
	}
	var hits map[uint64]int
	if q.Event != "" {
		prefix := append([]byte(q.Event), keySep)
		hits = make(map[uint64]int)
		var seqs []uint64
		c := b.history.Cursor()
		for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != len(prefix)+8 {
				continue // a longer id's key, past its separator
			}
			how, seq := journalOwn, binary.BigEndian.Uint64(k[len(prefix):])
			if bytes.Equal(v, historyAdded) {
				how = journalAdded
			}
			hits[seq], seqs = how, append(seqs, seq)
		}
		if q.Linked && b.linking != nil {
			// The entries that changed links to it, but for those that
			// touched it too: the history keys say what to read of them.
			c := b.linking.Cursor()
			for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
				if len(k) != len(prefix)+8 {
					continue
				}
				if seq := binary.BigEndian.Uint64(k[len(prefix):]); hits[seq] == 0 {
					hits[seq], seqs = journalLinking, append(seqs, seq)
				}
			}
			slices.Sort(seqs)
		}
		if !q.Linked || b.linking != nil {
			for _, seq := range slices.Backward(seqs) {
				if q.Before != 0 && seq >= q.Before {
					continue
				}
				if seq <= q.After {
					return out, nil
				}
				more, err := take(seq, b.journal.Get(seqKey(seq)), hits[seq])
				if err != nil || !more {
					return out, err
				}
			}
			return out, nil
		}
	}
	c := b.journal.Cursor()
	var k, v []byte
	if q.Before == 0 {
		k, v = c.Last()
	} else if k, _ = c.Seek(seqKey(q.Before)); k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; k != nil && beUint64(k) > q.After; k, v = c.Prev() {
		seq, how := beUint64(k), journalAll
		if hits != nil {
			if how = hits[seq]; how == 0 {
				how = journalLinking
			}
			delete(hits, seq)
		}
		more, err := take(seq, v, how)
		if err != nil || !more {
			return out, err
		}
	}
	for seq := range hits {
		if seq > q.After && (q.Before == 0 || seq < q.Before) {
			return out, stored.Unreadablef("journal entry #%d: the history of %q names it, the journal has not", seq, q.Event)
		}
	}
	return out, nil
}

// Entry returns the journal entry with a sequence number.
func (s *Store) Entry(seq uint64) (model.Entry, error) {
	var e model.Entry
	err := s.view(func(b buckets) error {
		v := b.journal.Get(seqKey(seq))
		if v == nil {
			return notFound(fmt.Sprintf("no journal entry #%d in %s (the journal goes up to #%d)", seq, s.path, lastSeq(b.journal)))
		}
		var err error
		e, err = decodeEntry(seq, v)
		return err
	})
	return e, err
}

// Trash returns the events in the trash, most recently deleted first.
func (s *Store) Trash() ([]model.Trashed, error) {
	var out []model.Trashed
	err := s.view(func(b buckets) error {
		return b.trash.ForEach(func(k, v []byte) error {
			t, err := decodeTrashed(v)
			if err != nil {
				return fmt.Errorf("event %q in the trash: %w", k, err)
			}
			out = append(out, t)
			return nil
		})
	})
	model.SortTrash(out)
	return out, err
}

// A trashed event is stored as JSON: deleting is rare, and the trash is
// read whole, never searched.
func encodeTrashed(t *model.Trashed) ([]byte, error) { return json.Marshal(t) }

func decodeTrashed(v []byte) (model.Trashed, error) {
	var t model.Trashed
	if err := json.Unmarshal(v, &t); err != nil {
		return t, stored.Unreadablef("its stored value is not readable JSON (%v)", err)
	}
	return t, nil
}

// notFound is a lookup that found nothing: it says what was missing, and
// is model.ErrNotFound to errors.Is.
type notFound string

func (e notFound) Error() string { return string(e) }
func (e notFound) Unwrap() error { return model.ErrNotFound }
