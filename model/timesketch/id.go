package timesketch

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"

	"chrono/model"
)

// madeID is the id of a Timesketch record that has none, before the
// records before it number it: "ts-" and the first 12 hex digits of
// SHA-256 over its time (idTime), its timestamp_desc and its message,
// so that importing the same file again updates the events rather than
// duplicating them, and so does importing the same records as another
// tool wrote them back (Timesketch's own export writes "+00:00" where
// the first file had "Z", a datetime where it had a timestamp).
type madeID struct {
	key uint64 // the 48 bits of the id, to count repeats by
	id  string
}

func makeID(when, desc, message string) madeID {
	// On the stack for a record of common length: the hashing of each
	// of a million records allocated and grew this twice or more.
	var room [512]byte
	buf := room[:0]
	for _, s := range [...]string{when, desc, message} {
		// Length prefixes keep ("a", "bc") and ("ab", "c") apart.
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	sum := sha256.Sum256(buf)
	key := uint64(sum[0])<<40 | uint64(sum[1])<<32 | uint64(sum[2])<<24 | uint64(sum[3])<<16 | uint64(sum[4])<<8 | uint64(sum[5])
	id := [len("ts-") + 12]byte{'t', 's', '-'}
	hex.Encode(id[3:], sum[:6])
	return madeID{key: key, id: string(id[:])}
}

// number returns the id of m: the nth record of the file with the same
// three values gets "-n" appended, and is to be counted
// (NumberedInOrder): told is 1, or 2 with the first when it is the
// second. Only a 48-bit number per distinct id is remembered, not the
// records.
func (rd *reader) number(m madeID) (id string, told int) {
	rd.ids[m.key]++
	if n := rd.ids[m.key]; n > 1 {
		told = 1
		if n == 2 {
			told = 2 // the first too
		}
		return m.id + "-" + strconv.Itoa(n), told
	}
	return m.id, 0
}

// idTime is the time a made-up id is made from: the instant a record's
// date names, written one way, as Timesketch writes a datetime (RFC 3339
// in UTC, "2021-06-01T12:00:00+00:00", with the microseconds when there
// are any, the nanoseconds when there are more), whether the record gave
// it with another offset, more zeros or as a timestamp in any unit. A
// date that names no instant (a day, a local time without its offset)
// is taken as written.
func idTime(d model.Date, written string) string {
	if d.IsZero() || d.IsInterval() || !d.HasOffset() {
		return written
	}
	t := d.Earliest().Time()
	year, month, day := t.Date()
	if year < 1 || year > 9999 {
		return t.Format("2006-01-02T15:04:05.999999999-07:00")
	}
	// Written by hand: every record of a large file has its id made so,
	// and time.Format takes twice as long.
	var b [40]byte
	out := appendDigits(b[:0], year, 4)
	out = appendDigits(append(out, '-'), int(month), 2)
	out = appendDigits(append(out, '-'), day, 2)
	out = appendDigits(append(out, 'T'), t.Hour(), 2)
	out = appendDigits(append(out, ':'), t.Minute(), 2)
	out = appendDigits(append(out, ':'), t.Second(), 2)
	switch ns := t.Nanosecond(); {
	case ns%1000 != 0:
		out = appendDigits(append(out, '.'), ns, 9)
	case ns != 0:
		out = appendDigits(append(out, '.'), ns/1000, 6)
	}
	return string(append(out, "+00:00"...))
}

// Ids made from the date as written, before idTime: a store an earlier
// chrono imported a file into holds them, and importing the file again
// must update those events, not add them again under new ids. Whether it
// does is settled once a file, at its first record whose date idTime
// writes otherwise (its made-up id is then not what the earlier chrono
// made) and whose id made from its date as written the store holds: the
// whole file keeps to such ids from there. A record before it takes the
// id made from its instant: one the store holds under neither is new (a
// record prepended to the file, or its message changed), and must not
// turn the records after it into new events too; one it holds under that
// id is the same new record imported before. After idLook such records
// with no old id stored, the file keeps to instant ids.
const (
	idsUnsettled = iota
	idsFromInstant
	idsAsWritten
)

// idLook is how many records of a file, at most, are looked up in the
// store for their old ids before the file keeps to instant ids: one look
// each, so that a large file imported into a store without them (a new
// dump) is not slowed, while the records a newer tool adds at its start
// (one parser more) still leave the older records their ids.
const idLook = 1024

// legacyID is the id an earlier chrono made of r, from its date as
// written.
func legacyID(r *result) madeID { return makeID(r.written, r.desc, r.event.Title) }

// settleIDs returns the id of r, a record whose date as written is not
// its idTime, settling which ids the file keeps to at the first whose
// old id is stored (see idsUnsettled).
func (rd *reader) settleIDs(r *result) madeID {
	if rd.idMode == idsUnsettled {
		old := legacyID(r)
		k, ok := rd.sink.(model.StoredEvents)
		if ok && k.EventStored(rd.peek(old)) {
			rd.idMode = idsAsWritten
			return old
		}
		if rd.looked++; !ok || rd.looked >= idLook {
			rd.idMode = idsFromInstant
			return r.id
		}
		// Still unsettled: a record after it of the same old id is
		// numbered after it, as when the file settles here or earlier
		// on the next import, where this record's instant id is stored
		// and its old one again not.
		rd.ids[old.key]++
	}
	if rd.idMode == idsAsWritten {
		return legacyID(r)
	}
	return r.id
}

// peek is the id number would give m, without counting it.
func (rd *reader) peek(m madeID) string {
	if n := rd.ids[m.key] + 1; n > 1 {
		return m.id + "-" + strconv.Itoa(n)
	}
	return m.id
}
