package sshd

import (
	"fmt"

	"chrono/model"
)

// What the browser asks of a store beyond model.Store it asks by type
// (model.Releaser and the like), and a session's store must not hide it:
// limitedStore passes those questions on to the store under it.

// AllSnapshots lists every source's snapshots in one read where the
// store under it can (model.AllSnapshotsReader): the scan for problem
// quotes of a session on a database made a query per source otherwise.
func (s limitedStore) AllSnapshots() (map[string][]model.Snapshot, error) {
	if a, ok := s.Store.(model.AllSnapshotsReader); ok {
		return a.AllSnapshots()
	}
	sources, err := s.Store.Sources()
	if err != nil {
		return nil, err
	}
	return model.AllSnapshots(s.Store, sources)
}

var _ model.AllSnapshotsReader = limitedStore{}

// VerifyJournal walks the journal's chain of the store under it
// (model.JournalVerifier): the served sessions weigh the snapshots'
// records by the walk, so that a snapshot rewritten with the entry that
// kept it is not called sound to them. Every store a server serves keeps
// a chain; one that keeps none says so.
func (s limitedStore) VerifyJournal() (model.ChainReport, error) {
	v, ok := s.Store.(model.JournalVerifier)
	if !ok {
		return model.ChainReport{}, fmt.Errorf("store %s cannot verify its journal: its kind of store keeps no hash chain", s.Location())
	}
	return v.VerifyJournal()
}

var _ model.JournalVerifier = limitedStore{}
