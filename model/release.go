package model

// Releaser is a store that keeps what it opened for reads open a while
// after them (a file mapped into memory, while reads follow one another
// closely), and can let it go at once. A long read made in steps in the
// background, such as a scan of every event, calls Release between its
// steps, so that what it has read does not stay mapped in: at a million
// events, the whole file.
type Releaser interface {
	// Release lets go of what the store keeps open between reads, if no
	// read is under way.
	Release()
}
