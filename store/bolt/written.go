package bolt

import (
	"crypto/sha256"
	"encoding/hex"

	"chrono/model"
)

// writtenOf is the fingerprint of an event's stored value that an
// import's journal entry keeps of each event it adds or updates
// (model.EventChange.Written): the entry holds no version after, and the
// check compares the fingerprint with what the store holds.
func writtenOf(v []byte) (w [model.WrittenSize]byte) {
	sum := sha256.Sum256(v)
	copy(w[:], sum[:])
	return w
}

// writtenHex is writtenOf as model.EventChange.Written holds it.
func writtenHex(v []byte) string {
	w := writtenOf(v)
	return hex.EncodeToString(w[:])
}
