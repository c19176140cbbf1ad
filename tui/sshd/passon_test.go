package sshd

import (
	"testing"

	"chrono/model"
)

// listingAll is a store that lists every source's snapshots in one
// read, and counts the reads.
type listingAll struct {
	model.Store
	listed int
}

func (l *listingAll) AllSnapshots() (map[string][]model.Snapshot, error) {
	l.listed++
	return map[string][]model.Snapshot{"wapo": {{Source: "wapo", N: 1}}}, nil
}

// TestLimitedStorePassesAllSnapshotsOn: a session's store does not hide
// that the store under it lists every source's snapshots in one read, so
// that a served browser's scan for problem quotes makes one query, not
// one per source.
func TestLimitedStorePassesAllSnapshotsOn(t *testing.T) {
	under := &listingAll{}
	var s model.Store = limitedStore{Store: under}
	got, err := model.AllSnapshots(s, nil)
	if err != nil || len(got["wapo"]) != 1 || under.listed != 1 {
		t.Errorf("a session's store listed %v, %v, reading the store under it's list %d times; want wapo's snapshot from one read", got, err, under.listed)
	}
}
