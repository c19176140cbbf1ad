package model

// An Edit is a change to stored events, as a value: it knows the events
// it touches, how it changes them in memory, and how to make itself
// through a store's writer, returning the Edit that takes it back. A
// browser shows an Edit at once and writes it in the background; a
// journal keeps the reverts for undo. Each kind of change is one type.
type Edit interface {
	// IDs are the events the edit changes.
	IDs() []string
	// Change returns e as the edit leaves it, so that it can be shown
	// before the store confirms it.
	Change(e Event) Event
	// Apply makes the edit through w. It returns the changes as stored,
	// and the Edit that reverts them: nil when they cannot be reverted or
	// nothing changed.
	Apply(w Writer) (changes []Change, revert Edit, err error)
	// Phrase says what the edit does, for a status line: "tagged
	// #verify on 3 events".
	Phrase() string
}
