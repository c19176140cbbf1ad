package written

import (
	"crypto/sha256"
	"encoding/hex"

	"chrono/model"
)

// Of is the fingerprint of an event's stored value that an import's
// journal entry keeps of each event it adds or updates
// (model.EventChange.Written): the entry holds no version after, and
// the check compares the fingerprint with what the store holds.
func Of(v []byte) (w [model.WrittenSize]byte) {
	sum := sha256.Sum256(v)
	copy(w[:], sum[:])
	return w
}

// Hex is Of as model.EventChange.Written holds it.
func Hex(v []byte) string {
	w := Of(v)
	return hex.EncodeToString(w[:])
}
