package model

import (
	"errors"
	"iter"
	"time"
)

// Store is an investigation kept somewhere: a bbolt file on this machine
// today, a PostgreSQL database tomorrow. The browser, the CLI and the
// server ask it their questions through this contract and never know
// which store answers; one conformance suite (store/storetest) checks
// that every implementation answers alike, with Query.Matches as the
// definition of what a query selects.
//
// A Store is safe for use by one goroutine at a time unless an
// implementation says otherwise.
type Store interface {
	Reader
	Writer
	Importer
	// Backup writes a consistent copy of the store to path, which must
	// not exist, and returns its size.
	Backup(path string) (int64, error)
	// Location says where the store is, for messages: a file's path, or a
	// database address without its password.
	Location() string
	// Close releases the store.
	Close() error
}

// Reader answers questions about an investigation. Windows, counts and
// searches read a part of the timeline at a time, never the whole of it.
type Reader interface {
	// Header returns the investigation's title and description.
	Header() (Header, error)
	// Sources returns every source, by id.
	Sources() ([]Source, error)
	// Event returns the event with an id; the error wraps ErrNotFound
	// when there is none.
	Event(id string) (Event, error)
	// Detail returns an event with what is needed to show it whole: the
	// sources its quotes cite and the events that link to it.
	Detail(id string) (Detail, error)
	// Position returns where the event with an id is in timeline order.
	Position(id string) (Position, error)
	// Events returns the events q selects, in timeline order. A store
	// may keep a read open while the loop runs, so the loop's body must
	// not write to the store.
	Events(q Query) iter.Seq2[Event, error]
	// Window returns up to before events of the view q selects that come
	// before at and up to after events from at on, in timeline order. The
	// zero Position is the start of the view, or its end when fromEnd is
	// set (then after is ignored).
	Window(q Query, at Position, fromEnd bool, before, after int) (Window, error)
	// Count returns how many events q selects.
	Count(q Query) (int, error)
	// CountFrom counts the events q selects at or after from, looking at
	// no more than limit candidates, and returns where to go on (zero
	// when the view is done): long counts come a piece at a time.
	CountFrom(q Query, from Position, limit int) (n int, next Position, err error)
	// Find looks for the first event q selects at or after from, or,
	// when backward, the last before from (zero: the end), looking at no
	// more than limit candidates. It returns the event's position, or a
	// zero hit and where to go on, or both zero when the view holds no
	// more.
	Find(q Query, from Position, backward bool, limit int) (hit, next Position, err error)
	// Periods counts the events q selects by month of their earliest
	// bound.
	Periods(q Query) ([]Period, error)
	// Facets counts events by tag, actor or status.
	Facets(kind FacetKind) ([]Facet, error)
	// Version changes whenever the store does, by this process or
	// another.
	Version() (string, error)
}

// Writer changes what is stored about events. Every write is on disk
// when it returns without error, and reports what it did as Changes, so
// that a caller can show the result and revert it.
type Writer interface {
	// Retag adds and removes tags on each of the events.
	Retag(ids []string, add, remove []string) ([]Change, error)
	// RetagEach changes each event's tags as it is in the store now, so
	// that a tag another process wrote meanwhile is kept.
	RetagEach(deltas []TagDelta) ([]Change, error)
	// AddNote adds a note to an event.
	AddNote(id, text string, at time.Time) (Change, error)
	// Restore puts events back as they were, for undo.
	Restore(events []Event) ([]Change, error)
}

// Importer brings whole files into a store.
type Importer interface {
	// Import imports inputs as one import, all or nothing, each checked
	// by a Checker that also knows what the store already holds, and
	// returns what each added. An event id may appear once in an import.
	// On any problem nothing is kept, and the error names the input
	// (InFile). A dry run reports and keeps nothing.
	Import(inputs []Input, opts ImportOptions) ([]ImportResult, error)
}

// Input is one file to import: its name for messages, its size, and how
// to read it into a Sink (the format's reader).
type Input struct {
	Name string
	// Size is the input's size in bytes, or -1 when it is not known (a
	// pipe). Stores may import large inputs differently.
	Size int64
	Read func(Sink) error
	// Carries is the fields the input's format has a place for: an
	// updated event keeps the stored value of every other, and of those a
	// record leaves out (FieldSink). Zero means every field.
	Carries FieldSet
}

// ImportOptions tune an import.
type ImportOptions struct {
	// DryRun checks and reports, and keeps nothing.
	DryRun bool
	// Bulk asks for the store's way with large imports whatever the size
	// of the inputs.
	Bulk bool
	// Replace makes an updated event the file's version whole, keeping
	// only the stored tags and notes (KeepAnnotations), instead of
	// taking from the file only the fields it carries (MergeEvent).
	Replace bool
	// Progress, when set, is told how far the import has gone.
	Progress func(ImportProgress)
}

// ImportProgress is how far an import has gone: events read so far while
// reading, then records written out of a total while a store builds.
type ImportProgress struct {
	Events         int   // events read
	Written, Total int64 // records written of the store being built
}

// ImportResult counts what an import did with one input.
type ImportResult struct {
	Events    int // events read
	New       int // events that were not in the store
	Updated   int // events that were, and changed
	Unchanged int // events that were, identical
	Sources   int // sources read
	// Of the updated events, how many lose all their quotes, links or
	// status: the evidence an import should rarely take away.
	ClearsQuotes, ClearsLinks, ClearsStatus int
	// Updates lists, on a dry run, what each update would change, in
	// the order of the file (at most MaxListedUpdates of them).
	Updates []EventUpdate
}

// Errors every store reports the same way, wrapped with what they are
// about; callers tell them apart with errors.Is.
var (
	// ErrNotFound means no event has the id asked for.
	ErrNotFound = errors.New("no such event")
	// ErrNoStore means there is no store where one was to be opened
	// without creating it.
	ErrNoStore = errors.New("no store")
	// ErrInUse means another process holds the store longer than the
	// store waits.
	ErrInUse = errors.New("in use by another chrono process")
	// ErrReadOnly means the store is open read-only.
	ErrReadOnly = errors.New("the store is open read-only")
	// ErrNotChrono means what is there is not a chrono store.
	ErrNotChrono = errors.New("not a chrono store")
	// ErrNewerSchema means a newer chrono wrote the store.
	ErrNewerSchema = errors.New("written by a newer chrono")
	// ErrDamaged means the store is damaged.
	ErrDamaged = errors.New("damaged")
)
