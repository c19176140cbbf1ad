package bolt

import (
	"iter"
	"sync"
	"time"

	"chrono/model"
)

// Shared is a store that is opened for what it is asked and closed soon
// after, so that between bursts of work it holds no lock: while a browser
// sits on an investigation, chrono list, show, export and tag work on it
// from another terminal. Reads share the store with other readers, and
// keep it open while they follow one another closely (a key held down, a
// count going on), closing it once none has come for a moment. A write
// waits for this process's reads, opens the store for writing (up to
// Options.Timeout for other processes), and reads the events it changes
// as they are then, so that nothing another process wrote is lost. The
// store stays open for writing while writes follow one another (a team
// tagging on a served investigation), and this process's reads go on
// beside them meanwhile. Another process that asks for its turn
// (turn_linux.go) is let in at the end of the reads or the write under
// way, so that sessions reading or writing without a pause do not keep
// it out.
type Shared struct {
	path           string
	timeout        time.Duration
	author         string
	readOnly       bool // writes are refused
	acceptRollback bool
	// sound: the check before a process's first write (guard.go) has
	// passed, so later writes check only what the store's closed key
	// asks for. Guarded by wmu.
	sound bool

	// gate lets reads run together, and the store be opened for
	// writing or closed alone: a process cannot take bbolt's write lock
	// while it holds the read lock itself.
	gate sync.RWMutex
	// wmu lets one write at a time have the store open for writing.
	wmu   sync.Mutex
	mu    sync.Mutex // guards what follows
	ro    *Store     // open while reads follow one another
	users int
	// rw is the store open for writing while writes follow one another,
	// which reads use too, until rwUntil, or until another process asks
	// for its turn.
	rw      *Store
	rwUntil time.Time
	idle    *time.Timer
	// yielding: another process asked to write (turn_linux.go); new
	// reads wait, on drained, for those under way to end and the store
	// to close, and then for the writer to have its turn.
	yielding bool
	drained  sync.Cond
	// keys and counted are kept across the openings of the file
	// (linked.go, countcache.go).
	keys    keyCache
	counted countCache
}

// linger is how long the store stays open for reads after the last one:
// long enough to span the reads of one key press or the steps of a count,
// short enough that another process's write waits for it unnoticed.
const linger = 100 * time.Millisecond

// writeLinger is how long the store stays open for writing after a
// write: writes that follow one another closely then take a transaction
// each, not an opening and a closing of the file as well, and the reads
// between them do not wait for them.
const writeLinger = time.Second

// turnPoll is how often a store held open for writing looks for another
// process asking for its turn.
const turnPoll = 10 * time.Millisecond

// NewShared returns the store at path, opened as it is used, with the
// Timeout and Author of opts: read-only for reads, and for writing for
// writes, unless opts.ReadOnly, which refuses every write with
// model.ErrReadOnly (saying why, for a file that cannot be written) and
// never opens the store for writing. The store must exist at the
// current schema (open it once with Open first).
func NewShared(path string, opts Options) *Shared {
	s := &Shared{path: path, timeout: opts.Timeout, author: opts.Author, readOnly: opts.ReadOnly, acceptRollback: opts.AcceptRollback}
	s.drained.L = &s.mu
	return s
}

// Location returns the path of the file the store is in.
func (s *Shared) Location() string { return s.path }

// Author is who the store's writes are attributed to.
func (s *Shared) Author() string { return s.author }

// acquire returns the store open for reading, opening it if need be.
func (s *Shared) acquire() (*Store, error) {
	s.gate.RLock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rw != nil {
		s.users++
		return s.rw, nil
	}
	if s.ro != nil && (s.yielding || turnWanted(s.ro.file)) {
		// Reads that follow one another closely would keep the store
		// open for ever: a writer that asked goes first.
		s.yielding = true
		for s.users > 0 {
			s.drained.Wait()
		}
		s.closeLocked()
	}
	if s.ro == nil {
		s.letOthersFirst()
		st, err := Open(s.path, Options{ReadOnly: true, Timeout: s.timeout})
		if err != nil {
			s.gate.RUnlock()
			return nil, err
		}
		st.keys, st.counted = &s.keys, &s.counted
		s.ro = st
	}
	if s.idle != nil {
		s.idle.Stop()
	}
	s.users++
	return s.ro, nil
}

// letOthersFirst waits, up to the store's timeout, for another process
// that asked for its turn at the file (turn_linux.go) to have had it.
func (s *Shared) letOthersFirst() {
	timeout := s.timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	waitTurn(s.path, timeout)
}

// release ends a read; the store closes after linger without another.
func (s *Shared) release() {
	s.mu.Lock()
	s.users--
	switch {
	case s.users > 0:
	case s.rw != nil:
		// Held for writing: closed by holdForWriting's watch.
	case s.ro != nil && (s.yielding || turnWanted(s.ro.file)):
		s.closeLocked() // a writer waits for the file
		s.drained.Broadcast()
	default:
		s.idle = time.AfterFunc(linger, s.closeIdle)
		// Reads that waited for a writer may still wait: the first of
		// them to wake reopened the store, and its end is theirs to see.
		s.drained.Broadcast()
	}
	s.mu.Unlock()
	s.gate.RUnlock()
}

func (s *Shared) closeIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeLocked()
}

// closeLocked closes the store if no read is under way; s.mu is held.
func (s *Shared) closeLocked() {
	if s.users == 0 && s.ro != nil {
		s.ro.Close()
		s.ro = nil
		s.yielding = false
	}
}

// read runs f on the store opened read-only.
func read[T any](s *Shared, f func(*Store) (T, error)) (T, error) {
	st, err := s.acquire()
	if err != nil {
		var zero T
		return zero, err
	}
	defer s.release()
	return f(st)
}

// readEach yields what f yields of the store opened read-only, which
// stays open until the loop ends: the loop's body must not use it, as a
// write would wait for the loop, and so would a read once another process
// asks to write.
func readEach[T any](s *Shared, f func(*Store) iter.Seq2[T, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		st, err := s.acquire()
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		defer s.release()
		for v, err := range f(st) {
			if !yield(v, err) {
				return
			}
		}
	}
}

// write runs f on the store opened for writing, its changes attributed
// to author, while this process's reads go on beside it. The store stays
// open for writing for writeLinger. f must only write through Store.Write.
func write[T any](s *Shared, author string, f func(*Store) (T, error)) (T, error) {
	return writeWith(s, author, false, f)
}

// alone runs f on the store opened for writing alone, with no read
// beside it, and closes it after: an import or a restore may put another
// file in the store's place.
func alone[T any](s *Shared, author string, f func(*Store) (T, error)) (T, error) {
	return writeWith(s, author, true, f)
}

func writeWith[T any](s *Shared, author string, alone bool, f func(*Store) (T, error)) (T, error) {
	var zero T
	if s.readOnly {
		return zero, refuseWrite(s.path, "opened read-only")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var st *Store
	var err error
	if alone {
		s.gate.Lock()
		defer s.gate.Unlock()
		s.closeAll()
		st, err = s.open()
	} else {
		st, err = s.writer()
	}
	if err != nil {
		return zero, err
	}
	st.author = author
	v, err := f(st)
	s.mu.Lock()
	s.sound = st.guard.sound
	if !alone {
		s.rwUntil = time.Now().Add(writeLinger)
	}
	s.mu.Unlock()
	switch {
	case alone:
		if cerr := st.Close(); err == nil && cerr != nil {
			err = cerr
		}
	case err != nil:
		// A write that failed may have found the file damaged: the next
		// one opens it afresh, as every write did before.
		s.gate.Lock()
		s.mu.Lock()
		s.closeWriterLocked()
		s.mu.Unlock()
		s.gate.Unlock()
	}
	return v, err
}

// writer returns the store open for writing, opening it if need be: in
// place of the one reads had open, once they end. s.wmu is held.
func (s *Shared) writer() (*Store, error) {
	s.mu.Lock()
	st := s.rw
	s.mu.Unlock()
	if st != nil && stillAt(s.path, st.file) {
		return st, nil
	}
	s.gate.Lock() // no read is under way
	defer s.gate.Unlock()
	s.closeAll()
	st, err := s.open()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.rw, s.rwUntil = st, time.Now().Add(writeLinger)
	s.mu.Unlock()
	go s.holdForWriting(st)
	return st, nil
}

// open opens the store for writing, as the process's writes have found
// it so far. s.gate is held for writing.
func (s *Shared) open() (*Store, error) {
	// Another process that asked for the file just now, and sleeps in
	// bbolt's wait for it, goes first: writes that follow one another
	// without a pause would otherwise take it back each time.
	s.letOthersFirst()
	st, err := Open(s.path, Options{NoCreate: true, Timeout: s.timeout, Author: s.author, AcceptRollback: s.acceptRollback})
	if err != nil {
		return nil, err
	}
	st.keys, st.counted = &s.keys, &s.counted
	// The check of what every write touches is made once in the
	// process (guard.go), not at each opening.
	st.guard.sound = s.sound
	return st, nil
}

// holdForWriting keeps st open for writing until writeLinger has passed
// without a write, or another process asks for its turn.
func (s *Shared) holdForWriting(st *Store) {
	tick := time.NewTicker(turnPoll)
	defer tick.Stop()
	for range tick.C {
		// Every close takes s.mu: st's file is open while it is held.
		s.mu.Lock()
		held, due := s.rw == st, time.Now().After(s.rwUntil)
		wanted := held && !due && turnWanted(st.file)
		s.mu.Unlock()
		if !held {
			return
		}
		if !due && !wanted {
			continue
		}
		s.wmu.Lock()
		s.gate.Lock()
		s.mu.Lock()
		// A write may have come meanwhile, and with it more time.
		if s.rw == st && (time.Now().After(s.rwUntil) || turnWanted(st.file)) {
			s.closeWriterLocked()
		}
		s.mu.Unlock()
		s.gate.Unlock()
		s.wmu.Unlock()
	}
}

// closeAll closes the store, whichever way it is open. s.gate is held
// for writing: no read is under way.
func (s *Shared) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idle != nil {
		s.idle.Stop()
	}
	s.closeLocked()
	s.closeWriterLocked()
}

// closeWriterLocked closes the store held for writing, if it is; s.mu
// is held, and s.gate for writing.
func (s *Shared) closeWriterLocked() {
	if s.rw != nil {
		s.rw.Close()
		s.rw = nil
	}
}

// Release closes the store now if no read is under way, rather than
// after linger, unmapping the pages the reads brought in.
func (s *Shared) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.idle != nil {
		s.idle.Stop()
	}
	s.closeLocked()
}

var _ model.Releaser = (*Shared)(nil)

// Close closes the store if reads or writes left it open.
func (s *Shared) Close() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.gate.Lock()
	defer s.gate.Unlock()
	s.closeAll()
	return nil
}

// Header is Store.Header.
func (s *Shared) Header() (model.Header, error) {
	return read(s, (*Store).Header)
}

// Window is Store.Window.
func (s *Shared) Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error) {
	return read(s, func(st *Store) (model.Window, error) { return st.Window(q, at, fromEnd, before, after) })
}

// Count is Store.Count.
func (s *Shared) Count(q model.Query) (int, error) {
	return read(s, func(st *Store) (int, error) { return st.Count(q) })
}

// CountFrom is Store.CountFrom.
func (s *Shared) CountFrom(q model.Query, from model.Position, limit int) (n int, next model.Position, err error) {
	err = s.view(func(st *Store) (err error) {
		n, next, err = st.CountFrom(q, from, limit)
		return err
	})
	return n, next, err
}

// Find is Store.Find.
func (s *Shared) Find(q model.Query, from model.Position, backward bool, limit int) (hit, next model.Position, err error) {
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
func (s *Shared) Periods(q model.Query) ([]model.Period, error) {
	return read(s, func(st *Store) ([]model.Period, error) { return st.Periods(q) })
}

// IDs is Store.IDs.
func (s *Shared) IDs(prefix string, limit int) ([]string, error) {
	return read(s, func(st *Store) ([]string, error) { return st.IDs(prefix, limit) })
}

// Facets is Store.Facets.
func (s *Shared) Facets(kind model.FacetKind) ([]model.Facet, error) {
	return read(s, func(st *Store) ([]model.Facet, error) { return st.Facets(kind) })
}

// Page is Store.Page.
func (s *Shared) Page(q model.Query, at model.PageAt) (model.Page, error) {
	return read(s, func(st *Store) (model.Page, error) { return st.Page(q, at) })
}

// IncomingLinks is Store.IncomingLinks.
func (s *Shared) IncomingLinks(ids []string) (map[string][]model.Incoming, error) {
	return read(s, func(st *Store) (map[string][]model.Incoming, error) { return st.IncomingLinks(ids) })
}

// Detail is Store.Detail.
func (s *Shared) Detail(id string) (model.Detail, error) {
	return read(s, func(st *Store) (model.Detail, error) { return st.Detail(id) })
}

// Position is Store.Position.
func (s *Shared) Position(id string) (model.Position, error) {
	return read(s, func(st *Store) (model.Position, error) { return st.Position(id) })
}

// Write is Store.Write, with the store open for writing alone: fn reads
// the events as they are then, so nothing another process wrote is lost.
func (s *Shared) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return write(s, s.author, func(st *Store) (model.Entry, error) { return st.Write(op, phrase, fn) })
}

// Trash is Store.Trash.
func (s *Shared) Trash() ([]model.Trashed, error) {
	return read(s, (*Store).Trash)
}

// Journal is Store.Journal.
func (s *Shared) Journal(q model.JournalQuery) ([]model.Entry, error) {
	return read(s, func(st *Store) ([]model.Entry, error) { return st.Journal(q) })
}

// Entry is Store.Entry.
func (s *Shared) Entry(seq uint64) (model.Entry, error) {
	return read(s, func(st *Store) (model.Entry, error) { return st.Entry(seq) })
}

// Sources is Store.Sources.
func (s *Shared) Sources() ([]model.Source, error) {
	return read(s, (*Store).Sources)
}

// Event is Store.Event.
func (s *Shared) Event(id string) (model.Event, error) {
	return read(s, func(st *Store) (model.Event, error) { return st.Event(id) })
}

// Events is Store.Events, the store open until the loop ends (readEach).
func (s *Shared) Events(q model.Query) iter.Seq2[model.Event, error] {
	return readEach(s, func(st *Store) iter.Seq2[model.Event, error] { return st.Events(q) })
}

// Import is Store.Import, with the store open for writing alone: a dry
// run too, as a store open read-only refuses one.
func (s *Shared) Import(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	return alone(s, s.author, func(st *Store) ([]model.ImportResult, error) { return st.Import(inputs, opts) })
}

// Backup is Store.Backup: a read, which other readers share.
func (s *Shared) Backup(path string) (model.BackupReport, error) {
	return read(s, func(st *Store) (model.BackupReport, error) { return st.Backup(path) })
}

// As is the store with its writes attributed to author, sharing this
// one's reads and its turn at writing: a server's sessions of one
// investigation, each its own person's.
func (s *Shared) As(author string) model.Store { return &sharedAs{Shared: s, author: author} }

// sharedAs is a Shared whose writes are someone else's.
type sharedAs struct {
	*Shared
	author string
}

// Author is who the store's writes are attributed to.
func (s *sharedAs) Author() string { return s.author }

// Write is Shared.Write, attributed to s's author.
func (s *sharedAs) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return write(s.Shared, s.author, func(st *Store) (model.Entry, error) { return st.Write(op, phrase, fn) })
}

// Import is Shared.Import, attributed to s's author.
func (s *sharedAs) Import(inputs []model.Input, opts model.ImportOptions) ([]model.ImportResult, error) {
	return alone(s.Shared, s.author, func(st *Store) ([]model.ImportResult, error) { return st.Import(inputs, opts) })
}
