package model

import (
	"errors"
	"io"
	"iter"
	"slices"
	"strings"
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
	// not exist, and reports its size and its journal's chain. A journal
	// whose chain breaks is copied as it is found, the break with it: a
	// store altered outside chrono is evidence to keep as it is.
	Backup(path string) (BackupReport, error)
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
	// IncomingLinks returns, by id, the links other events make to each
	// of the events, in one read of an index: cheap enough for every row
	// of a window.
	IncomingLinks(ids []string) (map[string][]Incoming, error)
	// IDs returns the ids of stored events that begin with prefix, in
	// byte order, at most limit of them: what a shell completes an id
	// from, without reading the events.
	IDs(prefix string, limit int) ([]string, error)
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
	// Page returns the rows Window returns with the links other events
	// make to each, as IncomingLinks gives them, read together: in one
	// read transaction, one round trip to a database.
	Page(q Query, at PageAt) (Page, error)
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
	// bound and by how many months they may fall in (Period.Months), in
	// that order: the months the rows show them in, in q.Zone, so that a
	// time written 22:00 -04:00 on 31 Aug is counted in August
	// (PeriodSpanShown).
	Periods(q Query) ([]Period, error)
	// Facets counts events by tag, actor or status.
	Facets(kind FacetKind) ([]Facet, error)
	// Version changes whenever the store does, by this process or
	// another.
	Version() (string, error)
	// Trash returns the events in the trash, most recently deleted
	// first.
	Trash() ([]Trashed, error)
	// Journal returns entries of the journal, newest first, as q selects
	// them.
	Journal(q JournalQuery) ([]Entry, error)
	// Entry returns the journal entry with a sequence number.
	Entry(seq uint64) (Entry, error)
	// Author is who this store's writes are attributed to.
	Author() string
	// Snapshots lists a source's snapshots, oldest first; empty when it has none.
	Snapshots(sourceID string) ([]Snapshot, error)
	// SnapshotText streams snapshot n's extracted readable text (UTF-8, NFC not applied).
	SnapshotText(sourceID string, n int) (io.ReadCloser, error)
	// SnapshotOriginal streams snapshot n's original bytes, as attached.
	SnapshotOriginal(sourceID string, n int) (io.ReadCloser, error)
}

// Writer changes the investigation. Every change runs in one write
// transaction through Write, is on disk when Write returns without error,
// and is recorded in the journal in the same transaction, attributed to
// the store's author: the operations themselves (adding, editing,
// tagging, deleting, linking, reverting) are the domain's, written once
// in model over Tx, and every store runs them alike.
type Writer interface {
	// Write runs fn in one write transaction. When fn returns nil, what
	// it changed is kept and recorded as one journal entry (Op, Phrase
	// and the before and after of everything fn wrote), and the entry is
	// returned; when fn fails, nothing is kept. A Write that changes
	// nothing records nothing and returns an Entry with Seq 0.
	Write(op Op, phrase string, fn func(tx Tx) error) (Entry, error)
}

// Tx is one write transaction: what the domain's operations read and
// write. Reads see the transaction's own writes. Errors wrap ErrNotFound
// for a missing event, source or trashed event.
type Tx interface {
	// Author is who the write is attributed to: the store's author.
	Author() string
	// Now is the time the write is recorded at.
	Now() time.Time
	// Header and SetHeader read and write the investigation's title and
	// description.
	Header() (Header, error)
	SetHeader(h Header) error
	// Event returns a stored (not trashed) event.
	Event(id string) (Event, error)
	// HasEvent reports whether an id is taken by a stored or trashed
	// event, so that a new event never reuses one.
	HasEvent(id string) (bool, error)
	// PutEvent stores e, new or replacing the stored event with its id,
	// keeping every index and count in step.
	PutEvent(e Event) error
	// Backlinks returns the links other stored events make to an event.
	Backlinks(id string) ([]Incoming, error)
	// TrashEvent moves a stored event to the trash: it leaves the
	// timeline, its indexes and counts, and can be restored.
	TrashEvent(id string) error
	// Trashed returns an event in the trash.
	Trashed(id string) (Trashed, error)
	// RestoreEvent moves an event back from the trash to the timeline.
	RestoreEvent(id string) error
	// PurgeEvent removes an event from the trash for good.
	PurgeEvent(id string) error
	// Source returns a source.
	Source(id string) (Source, error)
	// PutSource stores s, new or replacing the source with its id.
	PutSource(s Source) error
	// DeleteSource removes a source.
	DeleteSource(id string) error
	// Citing counts the stored events that cite a source, in a quote or
	// as the source of their date text.
	Citing(sourceID string) (int, error)
	// Later returns the journal entries committed after seq, oldest
	// first: what a revert must not undo silently.
	Later(seq uint64) ([]Entry, error)
	// PutSnapshot keeps a new snapshot of the source s.Source, streaming
	// original, and text (nil: the text is the original itself), in
	// pieces. It sets SHA256, Size, TextSize and TextSHA256 from what it
	// stored, and
	// s.N to the next number unless it is set (an import's), when it must
	// come after the source's last.
	// An error from either reader fails the write: nothing is kept.
	PutSnapshot(s *Snapshot, original, text io.Reader) error
	// WithdrawSnapshot takes snapshot n of a source out of the list
	// (withdrawn) or brings it back; its bytes stay, for an undo's redo.
	WithdrawSnapshot(sourceID string, n int, withdrawn bool) error
	// Reverts marks the write as the reversal of entry seq (an undo, a
	// revert or a redo), for the journal.
	Reverts(seq uint64)
	// Rephrase replaces the phrase the write was begun with, for a write
	// that learns only as it goes what it did: a source's id made inside
	// it, or a batch of events of which some were already as asked.
	Rephrase(phrase string)
	// Mention records event id in the write's entry even when the write
	// leaves it as it was: the undo of an import that only kept chrono's
	// values over the file's changes nothing on the timeline, yet must be
	// in the event's history for the next import (ImportBase).
	Mention(id string) error
}

// Trashed is an event in the trash, with when and by whom it was
// deleted.
type Trashed struct {
	Event  Event     `json:"event"`
	At     time.Time `json:"at"`
	Author string    `json:"author,omitempty"`
}

// SortTrash puts events in the trash in the order Trash returns them:
// the most recently deleted first, then by id.
func SortTrash(t []Trashed) {
	slices.SortStableFunc(t, func(a, b Trashed) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		return strings.Compare(a.Event.ID, b.Event.ID)
	})
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
	// Whole says each record is the event whole, leaving out only what
	// is empty (chrono JSON), so that an import with Replace clears what
	// a record leaves out; zero Carries says so too (UpdateFields).
	Whole bool
	// Taken, when set, makes a record's event, read, what an update of
	// the stored one takes from it (EditMerge): a format may write a
	// field as it cannot read it back whole (TimelineJS collapses white
	// space, as HTML does, writes what it has no field for after the
	// summary, and actors as one list), and the stored value so written
	// stays as it is.
	Taken func(stored Event, read *Event)
}

// ImportOptions tune an import.
type ImportOptions struct {
	// DryRun checks and reports, and keeps nothing.
	DryRun bool
	// Bulk asks for the store's way with large imports whatever the size
	// of the inputs.
	Bulk bool
	// Replace takes the file's value of every field it carries
	// (UpdateFields: in chrono JSON, the file's version whole), keeping
	// the stored tags and notes (KeepAnnotations), where a plain import
	// keeps what was changed in chrono since the last one (MergeEdited).
	Replace bool
	// Prefer settles the fields changed both in chrono and in the file
	// since the last import (MergeEdited); with PreferNeither such a
	// field stops the import. Replace takes the file's version whatever
	// was changed in chrono, and says which of those changes it undid
	// (ImportResult.UndidEdits, EventChange.Undid).
	Prefer Prefer
	// SkipTrashed leaves the events in the trash there: a file's record
	// of one is skipped, and counted (ImportResult.InTrash), where it
	// would stop the import (EditMerge.Trashed).
	SkipTrashed bool
	// Progress, when set, is told how far the import has gone.
	Progress func(ImportProgress)
}

// ImportProgress is how far an import has gone: events read so far while
// reading, then the linked events being placed, then records written out
// of a total while a store builds.
type ImportProgress struct {
	Events int // events read
	// Placing is set once every input is read, while the store puts the
	// linked events in their order: a step of some seconds at a million
	// events, before a store that builds a new file writes it.
	Placing        bool
	Written, Total int64 // records written of the store being built
}

// ImportResult counts what an import did with one input.
type ImportResult struct {
	Events    int // events read
	New       int // events that were not in the store
	Updated   int // events that were, and changed
	Unchanged int // events that were, identical
	Sources   int // sources read
	// SourcesUpdated counts the stored sources the import changed (their
	// empty fields filled in, or the file's values taken), and
	// SourcesKept the stored sources whose fields the file gives
	// otherwise, kept as chrono has them (EditMerge.Source), with those
	// fields.
	SourcesUpdated int
	SourcesKept    []SourceFields
	// SourcesTook lists the stored sources whose values the file's
	// replaced (--prefer file, --replace), with those fields.
	SourcesTook []SourceFields
	// HeaderKept names the fields of the investigation's header (title,
	// description) that the store keeps as it has them while the file
	// gives them otherwise (Header.FilledFrom).
	HeaderKept []string
	// Of the updated events, how many lose all their quotes, links or
	// status: the evidence an import should rarely take away.
	ClearsQuotes, ClearsLinks, ClearsStatus int
	// KeptEdits counts the updated or unchanged events on which fields
	// changed in chrono since the last import kept chrono's values, the
	// file having left them as they were (MergeEdited).
	KeptEdits int
	// Settled counts the fields changed both in chrono and in the file
	// that ImportOptions.Prefer settled.
	Settled int
	// UndidEdits counts the updated events on which an import with
	// ImportOptions.Replace undid changes made in chrono since the last
	// import (a title corrected, a tag taken off), and UndidFields the
	// fields it undid them in, all those events together
	// (ReplaceUndid).
	UndidEdits, UndidFields int
	// InTrash counts the records skipped for events in the trash
	// (ImportOptions.SkipTrashed).
	InTrash int
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
	// ErrExists means a new store was asked for where one already is.
	ErrExists = errors.New("already exists")
	// ErrNotChrono means what is there is not a chrono store.
	ErrNotChrono = errors.New("not a chrono store")
	// ErrNewerSchema means a newer chrono wrote the store.
	ErrNewerSchema = errors.New("written by a newer chrono")
	// ErrDamaged means the store is damaged.
	ErrDamaged = errors.New("damaged")
	// ErrConflict means a change was based on a version of an event that
	// is no longer the stored one: another change came first. See
	// ConflictError.
	ErrConflict = errors.New("changed meanwhile")
)
