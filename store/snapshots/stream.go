package snapshots

import (
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"chrono/model"
)

// PieceSize is how many deflated bytes one piece holds.
const PieceSize = 64 << 10

// Part names one of a snapshot's two streams.
type Part byte

// The parts of a snapshot, as stores key them.
const (
	Original Part = 'o'
	Text     Part = 't'
)

// Write deflates r and hands put its pieces in order, numbered from 0,
// each a slice of its own that put may keep; it returns how many pieces,
// and the bytes read from r and their SHA-256.
func Write(r io.Reader, put func(i int, piece []byte) error) (pieces int, size int64, sum string, err error) {
	pw := &pieceWriter{put: put}
	fw, err := flate.NewWriter(pw, flate.BestSpeed)
	if err != nil {
		return 0, 0, "", err
	}
	h := sha256.New()
	if size, err = io.Copy(fw, io.TeeReader(r, h)); err != nil {
		return 0, 0, "", err
	}
	if err := fw.Close(); err != nil {
		return 0, 0, "", err
	}
	if err := pw.flush(); err != nil {
		return 0, 0, "", err
	}
	return pw.pieces, size, hex.EncodeToString(h.Sum(nil)), nil
}

// pieceWriter cuts what it is given into pieces of PieceSize bytes.
type pieceWriter struct {
	put    func(int, []byte) error
	buf    []byte
	pieces int
}

func (w *pieceWriter) Write(p []byte) (int, error) {
	written := len(p)
	for len(p) > 0 {
		if w.buf == nil {
			// A new one each time: a store may keep a piece it was
			// given until its transaction commits (bbolt does).
			w.buf = make([]byte, 0, PieceSize)
		}
		n := min(len(p), PieceSize-len(w.buf))
		w.buf = append(w.buf, p[:n]...)
		p = p[n:]
		if len(w.buf) == PieceSize {
			if err := w.flush(); err != nil {
				return 0, err
			}
		}
	}
	return written, nil
}

func (w *pieceWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if err := w.put(w.pieces, w.buf); err != nil {
		return err
	}
	w.pieces++
	w.buf = nil
	return nil
}

// Open reads the record's original or text (the original when the text
// is the original itself), its pieces fetched one at a time by get, in
// order, so that the caller can read each in a transaction of its own.
// damaged makes the error of stored bytes that do not inflate, from a
// message naming the snapshot.
func Open(r Record, part Part, get func(part Part, i int) ([]byte, error), damaged func(msg string) error) (io.ReadCloser, error) {
	if r.Withdrawn {
		return nil, &model.NoSnapshot{Source: r.Source, N: r.N, Withdrawn: true}
	}
	return open(r, part, get, damaged)
}

// Opener is Open or OpenWithdrawn.
type Opener func(r Record, part Part, get func(part Part, i int) ([]byte, error), damaged func(msg string) error) (io.ReadCloser, error)

// OpenWithdrawn is Open for a snapshot an undo withdrew, whose bytes are
// kept for a redo: for a restore to carry them.
func OpenWithdrawn(r Record, part Part, get func(part Part, i int) ([]byte, error), damaged func(msg string) error) (io.ReadCloser, error) {
	if !r.Withdrawn {
		return nil, fmt.Errorf("%w: snapshot %d of source %q is not withdrawn", model.ErrNotFound, r.N, r.Source)
	}
	return open(r, part, get, damaged)
}

func open(r Record, part Part, get func(part Part, i int) ([]byte, error), damaged func(msg string) error) (io.ReadCloser, error) {
	pieces := r.Text
	if part == Original || r.SameText {
		part, pieces = Original, r.Original
	}
	pr := &pieceReader{get: get, part: part, pieces: pieces}
	return &inflater{fr: flate.NewReader(pr), rec: r, damaged: damaged}, nil
}

// pieceReader reads the deflated pieces of one stream in order.
type pieceReader struct {
	get    func(Part, int) ([]byte, error)
	part   Part
	pieces int
	next   int
	buf    []byte
}

func (r *pieceReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.next >= r.pieces {
			return 0, io.EOF
		}
		b, err := r.get(r.part, r.next)
		if err != nil {
			return 0, err
		}
		r.buf = b
		r.next++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// inflater inflates a snapshot's stream and names the snapshot in the
// errors of bytes that do not inflate.
type inflater struct {
	fr      io.ReadCloser
	rec     Record
	damaged func(string) error
}

func (r *inflater) Read(p []byte) (int, error) {
	n, err := r.fr.Read(p)
	var corrupt flate.CorruptInputError
	if errors.As(err, &corrupt) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = r.damaged(fmt.Sprintf("snapshot %d of source %q: %v", r.rec.N, r.rec.Source, err))
	}
	return n, err
}

func (r *inflater) Close() error { return r.fr.Close() }
