// Package quotecheck says what checking a quote against its source's
// latest snapshot found, in the words chrono says it wherever it says
// it: the browser's sources pane and chrono show.
package quotecheck

// State is what checking a quote found. The states before NoSnapshot
// are of a quote checked against a snapshot.
type State uint8

// The states of a quote's check.
const (
	Verbatim State = iota + 1
	Normalised
	NotFound
	// Unreadable: its source's latest snapshot cannot be read.
	Unreadable
	// NoSnapshot: its source has no snapshot.
	NoSnapshot
	// NoSource: the quote names no source.
	NoSource
)

// The signs of a quote's check, as the browser shows them beside its
// words: they read without colour, and none is a status sign of the
// browser's rows.
const (
	SignVerbatim   = "="
	SignNormalised = "≈"
	SignNotFound   = "≠"
	SignNoSnapshot = "∅"
)
