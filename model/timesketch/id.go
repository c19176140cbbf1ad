package timesketch

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// madeID is the id of a Timesketch record that has none, before the
// records before it number it: "ts-" and the first 12 hex digits of
// SHA-256 over its date as written, its timestamp_desc and its message,
// so that importing the same file again updates the events rather than
// duplicating them.
type madeID struct {
	key uint64 // the 48 bits of the id, to count repeats by
	id  string
}

func makeID(when, desc, message string) madeID {
	var buf []byte
	for _, s := range [...]string{when, desc, message} {
		// Length prefixes keep ("a", "bc") and ("ab", "c") apart.
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	sum := sha256.Sum256(buf)
	key := uint64(sum[0])<<40 | uint64(sum[1])<<32 | uint64(sum[2])<<24 | uint64(sum[3])<<16 | uint64(sum[4])<<8 | uint64(sum[5])
	return madeID{key: key, id: "ts-" + hex.EncodeToString(sum[:6])}
}

// number returns the id of m: the nth record of the file with the same
// three values gets "-n" appended, and is counted (NumberedInOrder),
// with the first when it is the second. Only a 48-bit number per
// distinct id is remembered, not the records.
func (rd *reader) number(m madeID) string {
	rd.ids[m.key]++
	if n := rd.ids[m.key]; n > 1 {
		told := 1
		if n == 2 {
			told = 2 // the first too
		}
		rd.losses.Add(NumberedInOrder, told)
		return m.id + "-" + strconv.Itoa(n)
	}
	return m.id
}
