package model

// RollbackReporter is a store that can tell it reads as it was before its
// last committed change: a bbolt file whose newest meta page is damaged
// is read from the older one, without an error. Reads go on, so a
// command that only reads must say so itself, or the loss goes unseen
// until the next write makes it permanent.
type RollbackReporter interface {
	// LastChangeLost says why the store's last change may be lost, or ""
	// when nothing says so.
	LastChangeLost() string
}

// Superseded is a store that can tell another store has taken its place
// since it was opened: a bbolt file that a large import, or a restore,
// renamed a new file over. A reader keeps reading the file it opened, as
// it was; the journal entries the new file holds and it lacks are not
// lost, only newer than what it reads.
type Superseded interface {
	// Superseded reports whether the store's location now holds
	// another store than the one open.
	Superseded() bool
}
