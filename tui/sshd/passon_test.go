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

// brokenChain is a store whose journal's chain breaks at entry 2.
type brokenChain struct{ model.Store }

func (brokenChain) VerifyJournal() (model.ChainReport, error) {
	return model.ChainReport{Entries: 1, Break: &model.ChainBreak{Seq: 2, Fault: model.ChainLink}}, nil
}

// TestLimitedStorePassesVerifyJournalOn: a session's store does not hide
// the journal's chain of the store under it. It did, so the served
// browsers never walked it, and called a quote verbatim in a snapshot
// rewritten with the entry that kept it, which verify and a browser at
// its own terminal say the chain does not vouch for.
func TestLimitedStorePassesVerifyJournalOn(t *testing.T) {
	var s model.Store = limitedStore{Store: brokenChain{}}
	v, ok := s.(model.JournalVerifier)
	if !ok {
		t.Fatal("a session's store hides VerifyJournal")
	}
	if r, err := v.VerifyJournal(); err != nil || r.OK() || r.Break.Seq != 2 {
		t.Errorf("a session's store's walk of the chain: %+v, %v; want the break at entry 2", r, err)
	}
}
