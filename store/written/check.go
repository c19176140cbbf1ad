// Package written compares each event a store holds with what its
// journal says was written of it, for the check of every kind of store:
// the events are the store's to read, the comparison is one.
package written

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"
)

// The journal's chain proves the journal, not that the events as stored
// are the ones it says were written: a byte of an event changed in the
// file, its length kept, leaves every page, value and index sound. So
// the check compares each event with what the latest journal entry that
// touched it left: the version it holds whole (an edit's, a tag's, a
// move's After), or the fingerprint of what it stored (an import's,
// model.EventChange.Written). And since a change made to an event
// outside chrono would be taken in by chrono's next write of it, each
// entry's version before (Before) is compared with what the entry before
// it left. An import's entry from before fingerprints were kept names
// its events by id alone: an event it last wrote is not covered.
//
// Both sides go through one sorter, keyed by id: the journal's records
// in the order of their entries, then the store's own. A journal record
// is a whereabouts byte, the length and bytes of what it left (none, a
// fingerprint, or the SHA-256 of the event's stored encoding), and the
// SHA-256 of the version before, when it holds one; the store's record
// is the whereabouts byte and the SHA-256 of the event's value.

// keySep ends an id in a record's key: no id holds it (as the bbolt
// store's keys), so an id's records are never among a longer one's.
const keySep = 0x00

// writtenSuffix is the size of what follows an id and keySep in a
// record's key: the entry's number and the record's place in it.
const writtenSuffix = 8 + 4

// The whereabouts bytes of a written record.
const (
	writtenAbsent   byte = 'x'
	writtenTimeline byte = 'e'
	writtenTrash    byte = 't'
)

// Report says one difference: where (the table or bucket), the event,
// and what differs.
type Report func(where, event, format string, args ...any)

// Check gathers what the journal says each event was left as and what
// the store holds, and compares them.
type Check struct {
	sorter *extsort.Sorter
	key    []byte
	value  []byte
	at     uint32 // the record's place in its entry
	seq    uint64
}

// New returns a Check that sorts in dir ("" for the system's temporary
// directory), holding up to memory bytes before it spills there.
func New(dir string, memory int) *Check {
	return &Check{sorter: extsort.New(dir, memory)}
}

// Remove lets go of what the check sorted.
func (w *Check) Remove() { w.sorter.Remove() }

// whereByte is the whereabouts byte of a place.
func whereByte(p model.Whereabouts) byte {
	switch p {
	case model.OnTimeline:
		return writtenTimeline
	case model.InTrash:
		return writtenTrash
	}
	return writtenAbsent
}

// Journaled adds what the change c of entry seq left its event as, and
// the version it found before. The entries come in the order of their
// numbers, each change with its Written.
func (w *Check) Journaled(seq uint64, c *model.EventChange) error {
	if seq != w.seq {
		w.seq, w.at = seq, 0
	}
	w.at++
	w.key = append(append(w.key[:0], c.ID...), keySep)
	w.key = binary.BigEndian.AppendUint64(w.key, seq)
	w.key = binary.BigEndian.AppendUint32(w.key, w.at)
	w.value = append(w.value[:0], whereByte(c.To), 0)
	switch {
	case c.To == model.Absent:
	case c.After != nil:
		sum := sha256.Sum256(stored.Encode(nil, c.After))
		w.value = append(w.value, sum[:]...)
	case len(c.Written) == 2*model.WrittenSize:
		var fp [model.WrittenSize]byte
		if _, err := hex.Decode(fp[:], []byte(c.Written)); err == nil {
			w.value = append(w.value, fp[:]...)
		}
	}
	w.value[1] = byte(len(w.value) - 2)
	if c.From != model.Absent && c.Before != nil {
		sum := sha256.Sum256(stored.Encode(nil, c.Before))
		w.value = append(w.value, sum[:]...)
	}
	return w.sorter.Add(0, w.key, w.value, extsort.RankNew)
}

// Stored adds an event as the store holds it, in the place given, from
// its encoding as stored.Encode writes it now (stored.Current).
func (w *Check) Stored(id string, where model.Whereabouts, current []byte) error {
	w.key = append(append(w.key[:0], id...), keySep)
	w.key = append(w.key, storedSuffix[:]...) // after every entry's records of it
	sum := sha256.Sum256(current)
	w.value = append(append(w.value[:0], whereByte(where), sha256.Size), sum[:]...)
	return w.sorter.Add(0, w.key, w.value, extsort.RankNew)
}

// left is a written record's parts: where the event was left, what it
// was left as (nil when not known), and the version found before (nil
// when not known).
func left(v []byte) (where byte, after, before []byte) {
	if len(v) < 2 || len(v) < 2+int(v[1]) {
		return writtenAbsent, nil, nil
	}
	n := 2 + int(v[1])
	if v[1] > 0 {
		after = v[2:n]
	}
	if len(v) > n {
		before = v[n:]
	}
	return v[0], after, before
}

// sameVersion reports whether two records of a version, a fingerprint or
// a whole SHA-256, agree as far as both go.
func sameVersion(a, b []byte) bool {
	n := min(len(a), len(b))
	return n > 0 && bytes.Equal(a[:n], b[:n])
}

// Compare walks the records id by id and reports with altered each
// event the store holds otherwise than the latest entry that touched it
// left it, and each entry that found an event otherwise than the entry
// before it left it. onTimeline says whether the store's index of ids has an
// event: one it has and its events lack is damage the store's own check
// names.
//
// It returns how many events the store holds that it could not compare:
// no entry touched them, or the latest holds neither their version nor
// its fingerprint.
func (w *Check) Compare(altered Report, onTimeline func(id string) bool) (notCovered int, err error) {
	streams, err := w.sorter.Streams()
	if err != nil {
		return 0, err
	}
	defer extsort.CloseStreams(streams)
	var id, last []byte // the id at hand, and its latest journal record
	var lastSeq uint64
	found := false // whether the store holds the id at hand
	// lacks says an event the latest entry left where the store does
	// not hold it at all.
	lacks := func() {
		where, after, _ := left(last)
		if found || after == nil || where == writtenAbsent || where == writtenTimeline && onTimeline(string(id)) {
			return
		}
		altered("events", string(id), "journal entry #%d left the event %s, the store lacks it: it was removed outside chrono; chrono log %s shows the version the journal holds",
			lastSeq, whereWords(where), id)
	}
	err = extsort.NewMerge(streams).Each(func(r *extsort.Record) error {
		k := r.Key[1:]
		if len(k) < writtenSuffix+1 {
			return nil
		}
		rid := k[:len(k)-writtenSuffix-1]
		if !bytes.Equal(rid, id) {
			lacks()
			id, last, found = append(id[:0], rid...), last[:0], false
		}
		event := string(id)
		suffix := k[len(k)-writtenSuffix:]
		if !bytes.Equal(suffix, storedSuffix[:]) {
			seq := binary.BigEndian.Uint64(suffix)
			_, after, _ := left(last)
			if _, _, before := left(r.Value); after != nil && before != nil && !sameVersion(after, before) {
				altered("events", event, "journal entry #%d found the event otherwise than entry #%d left it: it was changed outside chrono between them; chrono log %s shows both versions",
					seq, lastSeq, event)
			}
			last, lastSeq = append(last[:0], r.Value...), seq
			return nil
		}
		found = true
		where, after, _ := left(last)
		got, sum, _ := left(r.Value)
		switch {
		case len(last) == 0, where != writtenAbsent && after == nil:
			notCovered++
		case where == writtenAbsent:
			altered("events", event, "journal entry #%d took the event out of the store, the store holds it %s: it was put back outside chrono",
				lastSeq, whereWords(got))
		case where != got:
			altered("events", event, "journal entry #%d left the event %s, the store has it %s: it was moved outside chrono; chrono log %s shows the version the journal holds",
				lastSeq, whereWords(where), whereWords(got), event)
		case !sameVersion(after, sum):
			altered("events", event, "its stored bytes are not the version journal entry #%d left: they were changed outside chrono; chrono log %s shows the version the journal holds",
				lastSeq, event)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	lacks()
	return notCovered, nil
}

// storedSuffix ends the key of a stored event's record.
var storedSuffix = func() (s [writtenSuffix]byte) {
	for i := range s {
		s[i] = 0xFF
	}
	return s
}()

// whereWords says a whereabouts byte for a person.
func whereWords(b byte) string {
	switch b {
	case writtenTimeline:
		return "on the timeline"
	case writtenTrash:
		return "in the trash"
	}
	return "removed for good"
}
