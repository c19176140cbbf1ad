package model

// ManyReverted is a Tx that may write a revert of many events its own
// way: a bbolt store builds a new file from the old one and the revert's
// records sorted, as a large import does, rather than holding every
// page the revert writes in one transaction until it commits.
// RevertEntry tells it how many events the entry holds before it
// reverts the first; an error from it ends the write, which the store
// may then run again in that way.
type ManyReverted interface {
	ManyReverted(events int) error
}
