package model

import "fmt"

// Overtaken is a store that can tell another process wrote to it while
// it was being opened: a bbolt file lets in one writer at a time, and a
// second waits for the first to let go. Whoever asked for what the
// second does had not seen what the first wrote.
type Overtaken interface {
	// Overtaken reports whether another process wrote to the store
	// between the moment it was asked for and the moment it was open.
	Overtaken() bool
}

// OvertakenError refuses an undo of a store another process wrote to
// while the undo waited for it, or between its reading the latest change
// and its writing: the latest change is that process's, which whoever
// asked for the undo had not seen. Two undos run at once would otherwise
// undo a change and redo it, or undo one that is no longer the latest.
type OvertakenError struct {
	Latest Entry // the latest change, the other process's
}

func (e *OvertakenError) Error() string {
	return fmt.Sprintf("nothing undone: another process changed the store as this undo began; the latest change is now #%d %s by %s: see chrono log, and run chrono undo again to take it back", e.Latest.Seq, e.Latest.Phrase, e.Latest.Author)
}

// Unwrap makes an OvertakenError an ErrConflict.
func (e *OvertakenError) Unwrap() error { return ErrConflict }
