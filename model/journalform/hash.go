// Package journalform is the journal's entries as they are stored and
// hashed, whichever store holds them: the layout of each form
// (model.ChainForm), how an entry in it is hashed and read back, and the
// walk that checks a chain of them.
//
// An entry's hash is the SHA-256 of its number (8 bytes, big-endian), the
// hash of the entry before it (prev: 32 zero bytes for the first) and its
// content, stored whole:
//
//	FormRecords: sha256(seq || 0x02 || prev || body)
//	FormJSON:    sha256(seq || prev || body)
//
// Each store keeps the form byte, the body, the hash and prev of every
// entry, so anyone can check a chain from the stored bytes alone, with
// no chrono and no decoding, and a restore that copies the bytes keeps
// every hash.
package journalform

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"

	"chrono/model"
)

// HashSize is the size of an entry's hash and of its link.
const HashSize = sha256.Size

// ZeroHash is the link of a journal's first entry.
var ZeroHash = make([]byte, HashSize)

// Hash returns the hash of the entry stored under seq in form with body,
// linked to prev.
func Hash(seq uint64, form model.ChainForm, prev, body []byte) ([]byte, error) {
	var x hasher
	h, err := x.hash(seq, form, prev, body)
	return bytes.Clone(h), err
}

// HashReader is Hash of a body read from r, for a body too large to
// hold: the log of a revert of a million events.
func HashReader(seq uint64, form model.ChainForm, prev []byte, r io.Reader) ([]byte, error) {
	var x hasher
	if _, err := x.hash(seq, form, prev, nil); err != nil {
		return nil, err
	}
	if _, err := io.Copy(x.h, r); err != nil {
		return nil, fmt.Errorf("journal entry #%d: reading its body back: %w", seq, err)
	}
	return x.h.Sum(nil), nil
}

// hasher is Hash for entry after entry: one digest and its buffers,
// reused, so that a walk of a long journal allocates nothing an entry.
type hasher struct {
	h    hash.Hash
	head [9]byte // the number, and the form when it is hashed
	sum  [HashSize]byte
}

// hash is Hash; what it returns is good until the next call.
func (x *hasher) hash(seq uint64, form model.ChainForm, prev, body []byte) ([]byte, error) {
	return x.hashLettingGo(seq, form, prev, body, 0, nil)
}

// hashLettingGo is hash, calling letGo, when set, after each every
// bytes of body it hashes, and after the last.
func (x *hasher) hashLettingGo(seq uint64, form model.ChainForm, prev, body []byte, every int, letGo func()) ([]byte, error) {
	binary.BigEndian.PutUint64(x.head[:8], seq)
	head := x.head[:8]
	switch form {
	case model.FormRecords:
		x.head[8] = byte(form)
		head = x.head[:9]
	case model.FormJSON:
	default:
		return nil, damagef(seq, "its form (%d) is not one this chrono knows", form)
	}
	if x.h == nil {
		x.h = sha256.New()
	}
	x.h.Reset()
	x.h.Write(head)
	x.h.Write(prev)
	if letGo == nil || every <= 0 {
		x.h.Write(body)
		return x.h.Sum(x.sum[:0]), nil
	}
	for len(body) > 0 {
		n := min(len(body), every)
		x.h.Write(body[:n])
		body = body[n:]
		letGo()
	}
	return x.h.Sum(x.sum[:0]), nil
}

// Decode reads an entry stored in form, events and all, without their
// Written, as Parts.Events. Its Hash and Prev are left for the caller,
// who holds them.
func Decode(seq uint64, form model.ChainForm, body []byte) (model.Entry, error) {
	if form == model.FormJSON {
		e, err := decodeJSON(seq, body)
		for i := range e.Events {
			e.Events[i].Written = ""
		}
		return e, err
	}
	p, err := Split(seq, form, body)
	if err != nil {
		return model.Entry{}, err
	}
	e, err := p.Head()
	if err != nil {
		return e, err
	}
	return e, p.Events(&e, "")
}

// Error is an entry whose stored bytes cannot be read, saying which and
// why; it is model.ErrDamaged to errors.Is.
type Error struct {
	Seq uint64
	Why string
}

func (e *Error) Error() string { return fmt.Sprintf("journal entry #%d: %s", e.Seq, e.Why) }

// Is makes an Error model.ErrDamaged.
func (e *Error) Is(target error) bool { return target == model.ErrDamaged }

func damagef(seq uint64, format string, args ...any) error {
	return &Error{Seq: seq, Why: fmt.Sprintf(format, args...)}
}
