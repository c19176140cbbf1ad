package bolt

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"chrono/model"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// A journal entry is stored as JSON, in two parts, behind its link in
// the journal's hash chain (chain.go):
//
//	[format 1 byte: 2] [hash 32 bytes] [prev 32 bytes]
//	[compressed 1 byte: 0 or 1] [uvarint event count]
//	[uvarint head length] [head: the entry without its events, as JSON]
//	[events: one record per event the entry touched, in order,
//	 flate-compressed when the compressed byte is 1]
//
// An event record is 'c', a uvarint length and the model.EventChange as
// JSON; or 'a', a uvarint length and an id, for an event an import added
// (from absent to the timeline, with no copy: the store holds it).
//
// JSON because an entry is written once and read seldom, holds whole
// events and sources in the form exports and model already define, and
// gains fields as model does without a codec version; entries are small
// beside the events they describe. The records keep a million-event
// import's entry small (an id each, compressed) and quick to read back,
// and let an import write its entry as it goes rather than hold it.
const entryFormat = 2

// Kinds of event record in an entry.
const (
	recordChange = 'c'
	recordAdded  = 'a'
)

// compressFrom is the size of an entry's events from which they are
// compressed: below it, flate's setup costs more than it saves.
const compressFrom = 32 << 10

// changeLog is the events of an entry as they are written, compressed
// once they grow large, so that an import of a million events keeps only
// a few megabytes of them in memory.
type changeLog struct {
	n   int
	buf bytes.Buffer // the records; once compressing, compressed
	zw  *flate.Writer
	rec []byte
}

func (l *changeLog) write(p []byte) error {
	l.n++
	if l.zw == nil && l.buf.Len()+len(p) > compressFrom {
		raw := bytes.Clone(l.buf.Bytes())
		l.buf.Reset()
		zw, err := flate.NewWriter(&l.buf, flate.BestSpeed)
		if err != nil {
			return err
		}
		l.zw = zw
		if _, err := zw.Write(raw); err != nil {
			return err
		}
	}
	if l.zw != nil {
		_, err := l.zw.Write(p)
		return err
	}
	l.buf.Write(p)
	return nil
}

// added records an event an import added.
func (l *changeLog) added(id string) error {
	l.rec = appendString(append(l.rec[:0], recordAdded), id)
	return l.write(l.rec)
}

// change records what happened to an event, with its versions.
func (l *changeLog) change(c *model.EventChange) error {
	j, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("event %q: %w", c.ID, err)
	}
	l.rec = appendString(append(l.rec[:0], recordChange), string(j))
	return l.write(l.rec)
}

// encode returns the stored form of an entry whose events are the log's
// (e.Events is not written), linked to the entry before it, whose hash
// is prev, and sets e.Hash and e.Prev.
func (l *changeLog) encode(e *model.Entry, prev []byte) ([]byte, error) {
	compressed := byte(0)
	if l.zw != nil {
		if err := l.zw.Close(); err != nil {
			return nil, err
		}
		compressed = 1
	}
	head := *e
	head.Events, head.Touched, head.Hash, head.Prev = nil, 0, "", ""
	j, err := json.Marshal(&head)
	if err != nil {
		return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	v := make([]byte, 0, chainFields+1+2*binary.MaxVarintLen64+len(j)+l.buf.Len())
	v = append(v, entryFormat)
	v = append(v, make([]byte, hashSize)...)
	v = append(v, prev...)
	v = append(v, compressed)
	v = binary.AppendUvarint(v, uint64(l.n))
	v = appendString(v, string(j))
	v = append(v, l.buf.Bytes()...)
	seal(e.Seq, v)
	e.Hash, e.Prev = hex.EncodeToString(entryHash(v)), hex.EncodeToString(entryPrev(v))
	return v, nil
}

// decodeEntryHead reads an entry without its events, and returns them
// still encoded, with their number and whether they are compressed.
func decodeEntryHead(seq uint64, v []byte) (e model.Entry, events []byte, n int, compressed bool, err error) {
	head, events, n, compressed, err := entryParts(seq, v)
	if err != nil {
		return e, nil, 0, false, err
	}
	if err := json.Unmarshal(head, &e); err != nil {
		return e, nil, 0, false, corruptf("journal entry #%d: %s", seq, err)
	}
	e.Seq = seq
	e.Hash, e.Prev = hex.EncodeToString(entryHash(v)), hex.EncodeToString(entryPrev(v))
	return e, events, n, compressed, nil
}

// entryParts splits a stored entry into its head (JSON) and its events,
// with how many events and whether they are compressed.
func entryParts(seq uint64, v []byte) (head, events []byte, n int, compressed bool, err error) {
	damaged := func(why string) error {
		return corruptf("journal entry #%d: %s", seq, why)
	}
	if len(v) < chainFields+1 || v[0] != entryFormat || v[chainFields] > 1 {
		return nil, nil, 0, false, damaged("unknown format")
	}
	compressed = v[chainFields] == 1
	d := decoder{b: v[chainFields+1:]}
	n = d.count()
	size := d.count()
	if d.err != nil || size > len(d.b) {
		return nil, nil, 0, false, damaged("cut short")
	}
	return d.b[:size], d.b[size:], n, compressed, nil
}

// decodeEntry reads a stored entry, events and all.
func decodeEntry(seq uint64, v []byte) (model.Entry, error) {
	e, events, n, compressed, err := decodeEntryHead(seq, v)
	if err != nil {
		return e, err
	}
	return e, decodeEvents(&e, events, n, compressed)
}

// decodeSomeEvents reads the first most of an entry's event records into
// e.Events (all when most is 0 or more than there are), and says in
// e.Touched how many there are when it leaves some out: the first page of
// chrono log reads a few ids of a million-event import, not all of them.
func decodeSomeEvents(e *model.Entry, events []byte, n int, compressed bool, most int) error {
	if most <= 0 || most >= n {
		return decodeEvents(e, events, n, compressed)
	}
	if compressed {
		// Records are read from the start of the stream; flate gives
		// back no more than is asked of it, a buffer at a time.
		r := flate.NewReader(bytes.NewReader(events))
		var got []byte
		buf := make([]byte, 4<<10)
		for {
			if k, ok := recordsIn(got, most); ok {
				events = got[:k]
				break
			}
			m, err := r.Read(buf)
			got = append(got, buf[:m]...)
			if err == io.EOF {
				events = got
				break
			}
			if err != nil {
				return corruptf("journal entry #%d: its events cannot be uncompressed (%v)", e.Seq, err)
			}
		}
	} else if k, ok := recordsIn(events, most); ok {
		events = events[:k]
	}
	if err := decodeEvents(e, events, most, false); err != nil {
		return err
	}
	e.Touched = n
	return nil
}

// recordsIn returns the length of the first n event records in b, and
// whether b holds that many whole.
func recordsIn(b []byte, n int) (int, bool) {
	at := 0
	for range n {
		if at >= len(b) {
			return 0, false
		}
		size, w := binary.Uvarint(b[at+1:])
		if w <= 0 || uint64(len(b)-at-1-w) < size {
			return 0, false
		}
		at += 1 + w + int(size)
	}
	return at, true
}

// decodeEvents reads an entry's event records into e.Events.
func decodeEvents(e *model.Entry, events []byte, n int, compressed bool) error {
	return decodeEventsOf(e, events, n, compressed, "")
}

// decodeEventsOf is decodeEvents keeping only the changes of one event
// when only is set (with e.Touched the number of all), so that an event's
// history does not build a record for each of the million events an
// import added with it.
func decodeEventsOf(e *model.Entry, events []byte, n int, compressed bool, only string) error {
	damaged := func(why string) error {
		return corruptf("journal entry #%d: %s", e.Seq, why)
	}
	if compressed {
		var err error
		if events, err = io.ReadAll(flate.NewReader(bytes.NewReader(events))); err != nil {
			return damaged(err.Error())
		}
	}
	if n > len(events) {
		return damaged("more events than bytes")
	}
	// One string for all the ids an import added, each a part of it:
	// a million of them are then one allocation, not a million.
	all := string(events)
	if only == "" {
		e.Events = make([]model.EventChange, 0, n)
	}
	at := 0
	for range n {
		if at >= len(all) {
			return damaged("cut short")
		}
		kind := all[at]
		size, w := binary.Uvarint(events[at+1:])
		if w <= 0 || size > uint64(len(all)-at-1-w) {
			return damaged("cut short")
		}
		body := all[at+1+w : at+1+w+int(size)]
		at += 1 + w + int(size)
		switch kind {
		case recordAdded:
			if only != "" && body != only {
				continue
			}
			e.Events = append(e.Events, model.EventChange{ID: body, To: model.OnTimeline})
		case recordChange:
			var c model.EventChange
			if err := json.Unmarshal([]byte(body), &c); err != nil {
				return damaged(err.Error())
			}
			e.Events = append(e.Events, c)
		default:
			return damaged(fmt.Sprintf("event record of kind %q", kind))
		}
	}
	if at != len(all) {
		return damaged("bytes after the last event")
	}
	if only != "" {
		e.Events = slices.DeleteFunc(e.Events, func(c model.EventChange) bool { return c.ID != only })
		if len(e.Events) < n {
			e.Touched = n
		}
	}
	return nil
}

// importJournal is what an import records as it goes: the events it
// adds (by id alone) and updates (with their versions before), the
// sources it adds or changes, and the header it fills in.
type importJournal struct {
	seq     uint64 // the entry's, known from the start: the import holds the write lock
	log     changeLog
	sources []model.SourceChange
	header  *model.HeaderChange
}

func (j *importJournal) changed() bool {
	return j.log.n > 0 || len(j.sources) > 0 || j.header != nil
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
	return j.log.encode(&e, prev)
}

// importPhrase says what an import did: "imported a.json: 13 new, 2
// updated".
func importPhrase(inputs []model.Input, results []model.ImportResult) string {
	names := make([]string, len(inputs))
	var added, updated int
	for i, in := range inputs {
		names[i] = in.Name
		added += results[i].New
		updated += results[i].Updated
	}
	return fmt.Sprintf("imported %s: %d new, %d updated", strings.Join(names, ", "), added, updated)
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
var historyAdded = []byte{recordAdded}

// recordEntry stores an entry whose events are in l, under the next
// sequence number, with the history key of each event it touched, and
// returns the sequence number.
func recordEntry(b buckets, e *model.Entry, l *changeLog, ids []string) (uint64, error) {
	e.Seq = lastSeq(b.journal) + 1
	prev, err := chainHead(b.journal)
	if err != nil {
		return 0, err
	}
	v, err := l.encode(e, prev)
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
	return e.Seq, nil
}

// Journal returns the entries q selects, newest first. The entries of
// one event come from its history keys; the others from the end of the
// journal backwards, so that the first page of either reads no more
// than it returns.
func (s *Store) Journal(q model.JournalQuery) ([]model.Entry, error) {
	var out []model.Entry
	err := s.view(func(b buckets) error {
		var since = q.Since.Earliest().Time()
		take := func(seq uint64, v []byte, added bool) (bool, error) {
			if v == nil {
				return false, corruptf("journal entry #%d: the history of an event names it, the journal has not", seq)
			}
			e, events, n, compressed, err := heads.head(seq, v)
			if err != nil {
				return false, err
			}
			if !q.Since.IsZero() && e.At.Before(since) {
				return true, nil
			}
			if added {
				// The history key says the entry added the event: its
				// record is known, and the entry's other ids unread.
				e.Events = []model.EventChange{{ID: q.Event, To: model.OnTimeline}}
				if n > 1 {
					e.Touched = n
				}
			} else if q.Event != "" {
				// The history keys say the entry touched the event; of its
				// events, the one asked about is the one to show.
				err = decodeEventsOf(&e, events, n, compressed, q.Event)
			} else {
				err = decodeSomeEvents(&e, events, n, compressed, q.MostEvents)
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
		if q.Event != "" {
			prefix := append([]byte(q.Event), keySep)
			type hit struct {
				seq   uint64
				added bool // the entry added the event, as an import does
			}
			var seqs []hit
			c := b.history.Cursor()
			for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
				if len(k) != len(prefix)+8 {
					continue // a longer id's key, past its separator
				}
				seqs = append(seqs, hit{binary.BigEndian.Uint64(k[len(prefix):]), bytes.Equal(v, historyAdded)})
			}
			for _, h := range slices.Backward(seqs) {
				if q.Before != 0 && h.seq >= q.Before {
					continue
				}
				if h.seq <= q.After {
					return nil
				}
				more, err := take(h.seq, b.journal.Get(seqKey(h.seq)), h.added)
				if err != nil || !more {
					return err
				}
			}
			return nil
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
			more, err := take(beUint64(k), v, false)
			if err != nil || !more {
				return err
			}
		}
		return nil
	})
	return out, err
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
	slices.SortStableFunc(out, func(a, b model.Trashed) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		return strings.Compare(a.Event.ID, b.Event.ID)
	})
	return out, err
}

// A trashed event is stored as JSON: deleting is rare, and the trash is
// read whole, never searched.
func encodeTrashed(t *model.Trashed) ([]byte, error) { return json.Marshal(t) }

func decodeTrashed(v []byte) (model.Trashed, error) {
	var t model.Trashed
	if err := json.Unmarshal(v, &t); err != nil {
		return t, corruptf("its stored value is not readable JSON (%v)", err)
	}
	return t, nil
}

// notFound is a lookup that found nothing: it says what was missing, and
// is model.ErrNotFound to errors.Is.
type notFound string

func (e notFound) Error() string { return string(e) }
func (e notFound) Unwrap() error { return model.ErrNotFound }
