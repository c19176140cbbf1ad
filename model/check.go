package model

// StoreChecker is a store that can check itself: that its file is sound, and
// that every index and kept count agrees with the events they are kept
// for. It is apart from Store so that each way of keeping a store opts in
// when it can.
type StoreChecker interface {
	// Check reads the whole store and reports what disagrees. The error
	// is for a check that could not run (the store could not be read at
	// all), not for damage found, which the report lists.
	Check() (CheckReport, error)
}

// CheckReport is what a check found.
type CheckReport struct {
	Location   string // the store checked
	Events     int    // events that could be read
	Mismatches []Mismatch
	// NotCovered is how many events the check could not compare with
	// the journal: the latest entry that touched each holds neither its
	// version nor the fingerprint of what it stored (an import's entry
	// from before fingerprints were kept), or none did.
	NotCovered int
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Mismatches) == 0 }

// Mismatch is one thing a check found wrong: where (the bucket or part of
// the store, and the event it is about, when one) and what.
type Mismatch struct {
	Where string // e.g. `ids`, `counts`, `pages`
	Event string // the event's id, when the problem is about one
	What  string
	// Altered is set when what was found is bytes changed outside chrono
	// in a store otherwise whole (a journal entry that no longer matches
	// its hash, a snapshot its kept hash), not damage: the store reads
	// as it is, and is evidence to keep as found.
	Altered bool
}
