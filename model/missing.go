package model

import "fmt"

// MissingKind is what a store was asked for by an id it does not hold.
type MissingKind int

const (
	// MissingEvent is an event on the timeline.
	MissingEvent MissingKind = iota
	// MissingTrashed is an event in the trash.
	MissingTrashed
	// MissingSource is a source.
	MissingSource
)

// Missing is a store's answer for an id it does not hold. It is
// ErrNotFound to errors.Is, and errors.As finds the id in it, so that a
// command can offer the id that was meant.
type Missing struct {
	Kind MissingKind
	ID   string
}

// Error says what is missing: `no such event "x"`, `no event "x" in the
// trash`, `no source "x"`.
func (e *Missing) Error() string {
	switch e.Kind {
	case MissingTrashed:
		return fmt.Sprintf("no event %q in the trash", e.ID)
	case MissingSource:
		return fmt.Sprintf("no source %q", e.ID)
	}
	return fmt.Sprintf("%v %q", ErrNotFound, e.ID)
}

// Unwrap makes a Missing ErrNotFound to errors.Is.
func (e *Missing) Unwrap() error { return ErrNotFound }

// NoSnapshot is a store's answer for a snapshot number a source does not
// have. It is ErrNotFound to errors.Is, said as what it is: a snapshot,
// not an event.
type NoSnapshot struct {
	Source string
	N      int
	// Withdrawn: an undo took it out of the source's list; its bytes
	// are kept, for a redo.
	Withdrawn bool
}

// Error says which snapshot is missing, and where the source's are
// listed.
func (e *NoSnapshot) Error() string {
	if e.Withdrawn {
		return fmt.Sprintf("snapshot %d of source %q was withdrawn by an undo (a redo brings it back; chrono source show %s lists those kept)", e.N, e.Source, e.Source)
	}
	return fmt.Sprintf("source %q has no snapshot %d (chrono source show %s lists them)", e.Source, e.N, e.Source)
}

// Is makes a NoSnapshot ErrNotFound to errors.Is.
func (e *NoSnapshot) Is(target error) bool { return target == ErrNotFound }
