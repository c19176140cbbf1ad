package store

import (
	"time"

	"chrono/model"
)

// Shared is a store that is opened for each operation and closed right
// after, so that between operations it holds no lock: while a browser
// sits on an investigation, chrono list, show, export and tag work on it
// from another terminal. Reads share the store with other readers; a
// write waits (up to Options.Timeout) for readers to finish, and reads
// the events it changes as they are then, so that nothing another process
// wrote is lost.
//
// Opening a store maps the file and reads its first pages, which costs
// tens of microseconds, far below a frame.
type Shared struct {
	path    string
	timeout time.Duration
}

// NewShared returns the store at path, opened per operation. The store
// must exist at the current schema (open it once with Open first).
func NewShared(path string, timeout time.Duration) *Shared {
	return &Shared{path: path, timeout: timeout}
}

// Path returns the file the store is in.
func (s *Shared) Path() string { return s.path }

func (s *Shared) open(readOnly bool) (*Store, error) {
	return Open(s.path, Options{ReadOnly: readOnly, Timeout: s.timeout})
}

// read runs f on the store opened read-only.
func read[T any](s *Shared, f func(*Store) (T, error)) (T, error) {
	st, err := s.open(true)
	if err != nil {
		var zero T
		return zero, err
	}
	defer st.Close()
	return f(st)
}

// write runs f on the store opened for writing.
func write[T any](s *Shared, f func(*Store) (T, error)) (T, error) {
	st, err := s.open(false)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return v, err
}

// Header is Store.Header.
func (s *Shared) Header() (model.Header, error) {
	return read(s, (*Store).Header)
}

// Window is Store.Window.
func (s *Shared) Window(q Query, anchor []byte, fromEnd bool, before, after int) (model.Window, error) {
	return read(s, func(st *Store) (model.Window, error) { return st.Window(q, anchor, fromEnd, before, after) })
}

// Count is Store.Count.
func (s *Shared) Count(q Query) (int, error) {
	return read(s, func(st *Store) (int, error) { return st.Count(q) })
}

// CountFrom is Store.CountFrom.
func (s *Shared) CountFrom(q Query, from []byte, limit int) (n int, next []byte, err error) {
	err = s.view(func(st *Store) (err error) {
		n, next, err = st.CountFrom(q, from, limit)
		return err
	})
	return n, next, err
}

// Find is Store.Find.
func (s *Shared) Find(q Query, from []byte, backward bool, limit int) (hit, next []byte, err error) {
	err = s.view(func(st *Store) (err error) {
		hit, next, err = st.Find(q, from, backward, limit)
		return err
	})
	return hit, next, err
}

func (s *Shared) view(f func(*Store) error) error {
	_, err := read(s, func(st *Store) (struct{}, error) { return struct{}{}, f(st) })
	return err
}

// Periods is Store.Periods.
func (s *Shared) Periods(q Query) ([]Period, error) {
	return read(s, func(st *Store) ([]Period, error) { return st.Periods(q) })
}

// Facets is Store.Facets.
func (s *Shared) Facets(kind model.FacetKind) ([]Facet, error) {
	return read(s, func(st *Store) ([]Facet, error) { return st.Facets(kind) })
}

// Detail is Store.Detail.
func (s *Shared) Detail(id string) (model.Detail, error) {
	return read(s, func(st *Store) (model.Detail, error) { return st.Detail(id) })
}

// OrderKey is Store.OrderKey.
func (s *Shared) OrderKey(id string) ([]byte, error) {
	return read(s, func(st *Store) ([]byte, error) { return st.OrderKey(id) })
}

// RetagEach is Store.RetagEach.
func (s *Shared) RetagEach(deltas []model.TagDelta) ([]Change, error) {
	return write(s, func(st *Store) ([]Change, error) { return st.RetagEach(deltas) })
}

// Retag is Store.Retag.
func (s *Shared) Retag(ids []string, add, remove []string) ([]Change, error) {
	return write(s, func(st *Store) ([]Change, error) { return st.Retag(ids, add, remove) })
}

// AddNote is Store.AddNote.
func (s *Shared) AddNote(id, text string, at time.Time) (Change, error) {
	return write(s, func(st *Store) (Change, error) { return st.AddNote(id, text, at) })
}
