package model

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
)

// Known answers whether an id already exists outside the values being
// checked, e.g. in the store an import goes into.
type Known interface {
	HasEvent(id string) bool
	HasSource(id string) bool
}

// TrashKnown is a Known that tells the events in the store's trash, so
// that a link to one is said to be in the trash, with what to do, rather
// than a link to nothing.
type TrashKnown interface {
	InTrash(id string) bool
}

// Checker is a Sink that validates what passes through it and forwards
// valid values to the next Sink. It collects every problem with its place
// (it is a Reporter), stops forwarding once it has found one, and checks
// references (quote and date sources, link targets) when the read is Done,
// because a file may name a source or event before it declares it.
//
// One Checker can read several files as one import (NextFile): an id is
// then unique across all of them, but for a source the files give alike,
// which is one source.
type Checker struct {
	next     Sink
	known    Known
	problems Problems
	sources  map[string]seenSource // by id
	byURL    URLIndex              // the sources read, by URL (StoredSourceID)
	// events holds a hash of each event id seen, with where it was seen:
	// a million ids fit in a few tens of megabytes this way. Two ids with
	// the same 64-bit hash would be taken for one (about one chance in
	// 10^7 among a million ids); the message then names both places.
	events  map[uint64]seenAt
	seed    maphash.Seed
	file    int32
	files   []string
	pending []reference
	// at is where the event being checked begins, when its reader says
	// (Locator); its problems carry it.
	at Place
	// sourceAt is where the source being checked is, when its reader
	// says (SourceLocator).
	sourceAt Place
	// sent is the place of the event last passed on (Sent).
	sent Place
	// faulty is the fields of the value #faultyN of faultyPart that its
	// reader found wrong (a number where a string belongs): the value's
	// own check does not say them missing as well.
	faulty     []string
	faultyPart Part
	faultyN    int
}

// seenAt is where an event id was seen: the file (an index into
// Checker.files) and the position in it.
type seenAt struct{ file, n int32 }

// reference is a use of an id that was not declared when it was seen:
// the nth event, whose field names id.
type reference struct {
	from      string // the event's id
	n         int
	at        Place // where the event begins
	field, id string
	event     bool // id is an event's; else a source's
}

// NewChecker returns a Checker forwarding to next (which may be nil) and
// resolving references also against known (which may be nil).
func NewChecker(next Sink, known Known) *Checker {
	return &Checker{next: next, known: known, sources: map[string]seenSource{}, events: map[uint64]seenAt{}, seed: maphash.MakeSeed(), files: []string{""}}
}

// NextFile starts the next file of an import: the problems found so far
// are dropped (Done has returned them), the ids stay known, so that an
// event id used in an earlier file is reported as a duplicate.
func (c *Checker) NextFile(name string) {
	c.problems = Problems{}
	c.faulty, c.faultyPart = c.faulty[:0], ""
	c.files = append(c.files, name)
	c.file = int32(len(c.files) - 1)
}

func (c *Checker) eventKey(id string) uint64 { return maphash.String(c.seed, id) }

// Report implements Reporter: a reader's problems. (The Checker's own
// go to c.problems directly.)
func (c *Checker) Report(p Problem) {
	if p.Part == EventPart || p.Part == SourcePart {
		if c.faultyPart != p.Part || c.faultyN != p.N {
			c.faulty, c.faultyPart, c.faultyN = c.faulty[:0], p.Part, p.N
		}
		c.faulty = append(c.faulty, fieldOf(p.Msg))
	}
	c.problems.Add(p)
}

// unsaid returns the messages of a value's own check but those about a
// field its reader has said is wrong. What the reader said is of this
// value alone: it is forgotten here.
func (c *Checker) unsaid(part Part, n int, msgs []string) []string {
	ours := c.faultyPart == part && c.faultyN == n
	faulty := c.faulty
	c.faulty, c.faultyPart = c.faulty[:0], ""
	if !ours {
		return msgs
	}
	return slices.DeleteFunc(msgs, func(m string) bool { return slices.Contains(faulty, fieldOf(m)) })
}

// fieldOf is the field a problem's message begins with: "title" of
// "title: missing" and of "title: want a string, found a number".
func fieldOf(msg string) string {
	field, _, _ := strings.Cut(msg, ": ")
	return field
}

// Failed reports whether a problem has been found.
func (c *Checker) Failed() bool { return c.problems.Len() > 0 }

// Header implements Sink.
func (c *Checker) Header(h Header) error {
	for _, m := range h.Check() {
		c.problems.Add(Problem{Part: HeaderPart, Msg: m})
	}
	if c.next == nil || c.Failed() {
		return nil
	}
	return c.next.Header(h)
}

// Source implements Sink.
func (c *Checker) Source(s Source, n int) error {
	at := c.sourceAt
	c.sourceAt = Place{} // a reader that placed one source need not place all
	bad := false
	for _, m := range c.unsaid(SourcePart, n, s.Check()) {
		c.problems.Add(at.Problem(Problem{Part: SourcePart, ID: s.ID, N: n, Msg: m}))
		bad = true
	}
	if first, dup := c.sources[s.ID]; dup && !bad {
		if first.file != c.file && first.src == s {
			// Files that share a source say it alike: it is one.
			return nil
		}
		where := fmt.Sprintf("source #%d", first.n)
		if first.file != c.file {
			where += " of " + c.files[first.file] + ", which gives it otherwise"
		}
		c.problems.Add(at.Problem(Problem{Part: SourcePart, ID: s.ID, N: n, Msg: fmt.Sprintf("id %q: already used by %s", s.ID, where), Err: ErrDuplicateID}))
		bad = true
	}
	if bad {
		return nil
	}
	c.sources[s.ID] = seenSource{src: s, n: n, file: c.file}
	c.byURL.Add(s.ID, s.URL)
	if c.next == nil || c.Failed() {
		return nil
	}
	return c.next.Source(s, n)
}

// seenSource is a source an import has read, and where.
type seenSource struct {
	src  Source
	n    int
	file int32
}

// Event implements Sink.
func (c *Checker) Event(e Event, n int) error {
	if c.check(&e, n) {
		return c.next.Event(e, n)
	}
	return nil
}

// EventFields implements FieldSink: the fields a record carried go on
// with it, to a next Sink that wants them.
func (c *Checker) EventFields(e Event, n int, present FieldSet) error {
	if c.check(&e, n) {
		return SendEvent(c.next, e, n, present)
	}
	return nil
}

// Sent is the place of the event the Checker is passing on, for a
// problem the next Sink finds in it.
func (c *Checker) Sent() Place { return c.sent }

// EventAt implements Locator: the next event's problems carry its place.
func (c *Checker) EventAt(_ int, at Place) { c.at = at }

// SourceAt implements SourceLocator: the next source's problems carry
// its place.
func (c *Checker) SourceAt(_ int, at Place) { c.sourceAt = at }

// check checks an event and reports whether it goes on to the next Sink.
func (c *Checker) check(e *Event, n int) bool {
	at := c.at
	c.at = Place{} // a reader that placed one event need not place all
	c.sent = at
	for _, m := range c.unsaid(EventPart, n, e.Check()) {
		c.problems.Add(at.Problem(Problem{Part: EventPart, ID: e.ID, N: n, Msg: m}))
	}
	if first, dup := c.events[c.eventKey(e.ID)]; dup && e.ID != "" {
		where := fmt.Sprintf("event #%d", first.n)
		if first.file != c.file {
			where += " of " + c.files[first.file]
		}
		c.problems.Add(at.Problem(Problem{Part: EventPart, ID: e.ID, N: n, Msg: fmt.Sprintf("id %q: already used by %s", e.ID, where), Err: ErrDuplicateID}))
	} else if e.ID != "" {
		c.events[c.eventKey(e.ID)] = seenAt{file: c.file, n: int32(n)}
	}
	if e.DateSource != "" && !c.resolves(e.DateSource, false) {
		c.later(e.ID, n, at, "date_source", e.DateSource, false)
	}
	for i, q := range e.Quotes {
		if q.Source != "" && !c.resolves(q.Source, false) {
			c.later(e.ID, n, at, fmt.Sprintf("quote #%d: source", i+1), q.Source, false)
		}
	}
	for i, l := range e.Links {
		if l.Event != "" && l.Event != e.ID && !c.resolves(l.Event, true) {
			c.later(e.ID, n, at, fmt.Sprintf("link #%d: event", i+1), l.Event, true)
		}
	}
	return c.next != nil && !c.Failed()
}

// later keeps a reference that does not resolve yet, for Done: the file
// may declare its target further on. The ids are cloned: an event's
// strings may share its record's text (SharesText), which a kept id
// would keep whole until the end of the import.
func (c *Checker) later(from string, n int, at Place, field, id string, event bool) {
	c.pending = append(c.pending, reference{strings.Clone(from), n, at, field, strings.Clone(id), event})
}

// SharesText implements TextSharer: the Checker keeps clones of the
// strings it keeps (later), and passes on what its next Sink takes.
func (c *Checker) SharesText() bool { return SharesText(c.next) }

func (c *Checker) resolves(id string, event bool) bool {
	if event {
		_, ok := c.events[c.eventKey(id)]
		return ok || (c.known != nil && c.known.HasEvent(id))
	}
	_, ok := c.sources[id]
	return ok || (c.known != nil && c.known.HasSource(id))
}

// Stopped is the error of a read that stopped at err (a file that
// cannot be read on, as a quote left open): with the problems found
// before it, in the file's order, so that all of them can be fixed at
// once. References left to resolve are not judged, the rest of the file
// unread.
func (c *Checker) Stopped(err error) error {
	p, ok := err.(Problem)
	if c.problems.Len() == 0 || !ok {
		return err
	}
	c.problems.addLast(p)
	return c.problems.Err()
}

// Done checks the references still open and returns nil or *Problems with
// every problem found, in the order of the file: a reference to nothing
// comes after the other problems of its event, before those of the next.
func (c *Checker) Done() error {
	for _, r := range c.pending {
		if c.resolves(r.id, r.event) {
			continue
		}
		what, cause := "source", ErrNoSource
		if r.event {
			what, cause = "event", ErrNoLinkedEvent
		}
		msg := fmt.Sprintf("%s %q: no such %s", r.field, r.id, what)
		if t, ok := c.known.(TrashKnown); ok && r.event && t.InTrash(r.id) {
			msg, cause = fmt.Sprintf("%s %q: in the trash: restore it first (chrono restore %s), or remove the link from the file", r.field, r.id, r.id), ErrLinkedInTrash
		}
		c.problems.insertAfterEvent(r.at.Problem(Problem{Part: EventPart, ID: r.from, N: r.n, Msg: msg, Err: cause}))
	}
	c.pending = nil
	return c.problems.Err()
}
