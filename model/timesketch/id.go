package timesketch

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// makeID returns the id of a Timesketch record that has none: "ts-" and
// the first 12 hex digits of SHA-256 over its date as written, its
// timestamp_desc and its message, so that importing the same file again
// updates the events rather than duplicating them. The nth record of the
// file with the same three values gets "-n" appended.
//
// Only a 48-bit number per distinct id is remembered, not the records.
func (rd *reader) makeID(when, desc, message string) string {
	h := sha256.New()
	for _, s := range [...]string{when, desc, message} {
		// Length prefixes keep ("a", "bc") and ("ab", "c") apart.
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	sum := h.Sum(nil)
	key := uint64(sum[0])<<40 | uint64(sum[1])<<32 | uint64(sum[2])<<24 | uint64(sum[3])<<16 | uint64(sum[4])<<8 | uint64(sum[5])
	rd.ids[key]++
	id := "ts-" + hex.EncodeToString(sum[:6])
	if n := rd.ids[key]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}
