package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an investigation, with its place:
// `tips.json: event "fbi-tip" (#2): date "2017-13": month 13 out of range`.
// The place is kept in fields, as a reader knows it, and written out only
// by Error.
type Problem struct {
	// File is the file the problem is in, when known: see InFile.
	File string
	// Line and Column are where in the file the problem is, from 1; the
	// column counts characters. Either is zero when the reader does not
	// know it: a CSV reader knows only the line.
	Line, Column int
	// Byte is where in the file the problem is, from 1, when the reader
	// knows it only as a byte: one that has let go of the line it is on.
	Byte int64
	// Part, ID and N name the value the problem is in: its kind, its id
	// and its position among the values of its kind in the file, from 1,
	// as in `event "fbi-tip" (#2)`. ID and N are zero when not known;
	// Part is empty for a problem of the file as a whole.
	Part Part
	ID   string
	N    int
	// Msg says what is wrong, naming the field; when empty, Err says it.
	Msg string
	// Err is the cause, when callers may need to tell it from others
	// with errors.Is: ErrRecordTooLarge, ErrDuplicateID or
	// ErrNoLinkedEvent.
	Err error
}

// Error writes p as `FILE:LINE:COL: msg` for a position in a file and
// `FILE: event "id" (#n): msg` for a value, leaving out what is not known.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 || p.Byte > 0 {
		if p.File != "" {
			b.WriteByte(':')
		}
		p.writePos(&b)
	}
	if p.Part != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p.Part.name(p.ID, p.N))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Msg == "" && p.Err != nil {
		b.WriteString(p.Err.Error())
	} else {
		b.WriteString(p.Msg)
	}
	return b.String()
}

// Unwrap returns the cause, Err.
func (p Problem) Unwrap() error { return p.Err }

// writePos writes where p is: "LINE:COL", "LINE" or "byte N".
func (p Problem) writePos(b *strings.Builder) {
	if p.Line == 0 {
		b.WriteString("byte ")
		b.WriteString(strconv.FormatInt(p.Byte, 10))
		return
	}
	b.WriteString(strconv.Itoa(p.Line))
	if p.Column > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Column))
	}
}

// Part is the kind of value a Problem is in, as a message names it.
// Formats may name their own, such as TimelineJS's title slide.
type Part string

// The parts of every investigation.
const (
	EventPart  Part = "event"
	SourcePart Part = "source"
	HeaderPart Part = "the investigation"
)

// name names the value of kind pt with an id and position, either of
// which may be unknown: `event "fbi-tip" (#2)`, `event #2`.
func (pt Part) name(id string, n int) string {
	switch {
	case id != "" && n > 0:
		return fmt.Sprintf("%s %q (#%d)", pt, id, n)
	case id != "":
		return fmt.Sprintf("%s %q", pt, id)
	case n > 0:
		return fmt.Sprintf("%s #%d", pt, n)
	}
	return string(pt)
}

// EventPlace names an event by id and position (from 1) in its file, as
// a Problem in it does.
func EventPlace(id string, n int) string { return EventPart.name(id, n) }

// ErrDuplicateID is the cause of a problem with an event or source whose
// id is already used earlier in the file or the import. Unlike other
// problems it says nothing against the value itself, which may be valid.
var ErrDuplicateID = errors.New("id already used")

// ErrNoLinkedEvent is the cause of a problem with a link to an event
// that neither the import nor the store holds, so that a caller can say
// what to do about it.
var ErrNoLinkedEvent = errors.New("no such event")

// ErrNoSource is the cause of a problem with a quote or date_source
// that names a source neither the import nor the store holds, so that
// a caller can say what to do about it.
var ErrNoSource = errors.New("no such source")

// ErrLinkedInTrash is the cause of a problem with a link to an event in
// the store's trash: restored, it resolves.
var ErrLinkedInTrash = errors.New("linked event in the trash")

// maxProblems is how many problems are kept; beyond it only a count is.
const maxProblems = 50

// Problems is every problem found in a read, in the order found. It is
// an error when not empty.
type Problems struct {
	List []Problem
	// More counts problems found beyond those kept in List.
	More int
}

// Add records p.
func (ps *Problems) Add(p Problem) {
	if len(ps.List) < maxProblems {
		ps.List = append(ps.List, p)
		return
	}
	ps.More++
}

// addLast records p, the last problem of the read, said even when the
// list is full: it then takes the place of the list's last.
func (ps *Problems) addLast(p Problem) {
	if len(ps.List) < maxProblems {
		ps.List = append(ps.List, p)
		return
	}
	ps.List[len(ps.List)-1] = p
	ps.More++
}

// insertAfterEvent records p, a problem of the event #p.N found after
// the read, before the problems of the events that follow it in the
// file, so that the list keeps the file's order.
func (ps *Problems) insertAfterEvent(p Problem) {
	i := len(ps.List)
	for i > 0 && ps.List[i-1].Part == EventPart && ps.List[i-1].N > p.N {
		i--
	}
	if i == len(ps.List) || len(ps.List) < maxProblems {
		ps.Add(p)
		if i < len(ps.List)-1 {
			copy(ps.List[i+1:], ps.List[i:len(ps.List)-1])
			ps.List[i] = p
		}
		return
	}
	// The list is full: p displaces the last problem, which the file has
	// after it.
	copy(ps.List[i+1:], ps.List[i:len(ps.List)-1])
	ps.List[i] = p
	ps.More++
}

// Len returns the number of problems found.
func (ps *Problems) Len() int { return len(ps.List) + ps.More }

// Err returns ps as an error, or nil when there are none.
func (ps *Problems) Err() error {
	if ps.Len() == 0 {
		return nil
	}
	return ps
}

// Error lists the problems, one per line.
func (ps *Problems) Error() string {
	var b strings.Builder
	for i, p := range ps.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	if ps.More > 0 {
		fmt.Fprintf(&b, "\n… and %d more problems", ps.More)
	}
	return b.String()
}

// Unwrap returns the problems kept in List, so that errors.Is and
// errors.As look through each.
func (ps *Problems) Unwrap() []error {
	errs := make([]error, len(ps.List))
	for i, p := range ps.List {
		errs[i] = p
	}
	return errs
}

// Reporter is implemented by Sinks that collect problems, so that a reader
// can go on past a value it cannot read and report every problem in one
// pass.
type Reporter interface {
	Report(p Problem)
}

// Report hands p to sink when it collects problems and returns nil so the
// reader goes on; otherwise it returns p, and the reader stops.
func Report(sink Sink, p Problem) error {
	if r, ok := sink.(Reporter); ok {
		r.Report(p)
		return nil
	}
	return p
}

// InFile returns err as found in the named file. The Problems or Problem
// it carries comes back with File set, so that each reads `FILE:LINE: msg`
// (what wraps it is dropped: the problem says it all). Other errors come
// back wrapped, reading "FILE: err".
func InFile(file string, err error) error {
	var ps *Problems
	var p Problem
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ps):
		in := &Problems{List: make([]Problem, len(ps.List)), More: ps.More}
		for i, p := range ps.List {
			p.File = file
			in.List[i] = p
		}
		return in
	case errors.As(err, &p):
		p.File = file
		return p
	}
	return fmt.Errorf("%s: %w", file, err)
}

// Place is where in a file a reader found something, as a Problem says it:
// a line and column (from 1, the column in characters), a line alone, or
// only a byte (from 1) once the reader has let go of the line it is on.
type Place struct {
	Line, Column int
	Byte         int64
}

// Problem returns p placed at pl.
func (pl Place) Problem(p Problem) Problem {
	p.Line, p.Column, p.Byte = pl.Line, pl.Column, pl.Byte
	return p
}
