package model

// Notifier is a store that says when it changes, without being asked: a
// store other machines write to (PostgreSQL) tells each open browser of
// their changes as they commit, where a browser would otherwise only
// notice them when it next asks for the Version. It is optional: the
// browser asks every store that is not one while the investigator works.
type Notifier interface {
	// Changes returns the store's notices, started on the first call and
	// the same channel on every call. A notice may stand for several
	// changes, so a reader reads the store again rather than count them.
	// The channel is closed when the store is.
	Changes() <-chan Notice
}

// Notice is one notice of a Notifier: the store changed (Seq is the
// journal entry that changed it, 0 when not known), or it cannot be
// reached (Err says why). The first notice without Err after one with
// Err says the store is back: what happened meanwhile is not known, so a
// reader reads everything it shows again.
type Notice struct {
	Seq uint64
	Err error
}
