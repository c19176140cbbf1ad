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
