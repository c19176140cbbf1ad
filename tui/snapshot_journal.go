package tui

import (
	"sync"

	"chrono/model"
)

// A snapshot's bytes and text are checked against the hashes kept with
// them (damage), and those hashes against what the journal recorded when
// the snapshot was kept: bytes and hashes replaced together in the file
// match each other, not the chain, as verify and check say. The journal
// is read whole once for a store, shared by every browser on it, then
// only for what it gained since; a record that disagrees has it read
// whole again before the snapshot is called damaged, in case another file
// was put in the store's place meanwhile.

// journaledSnapshots is what a store's journal recorded of its snapshots.
type journaledSnapshots struct {
	mu   sync.Mutex
	last uint64 // the last entry read
	kept map[model.SnapshotKey]model.SnapshotRecord
}

// snapshotJournals are the records by store location.
var snapshotJournals byLocation[journaledSnapshots]

// journaledOf is the records of a store's journal.
func journaledOf(s model.Store) *journaledSnapshots { return snapshotJournals.of(s) }

// unrecorded says how sn's kept hashes differ from the journal's record
// of it, "" when they agree.
func (j *journaledSnapshots) unrecorded(r model.Reader, sn model.Snapshot) string {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.kept == nil {
		j.kept = map[model.SnapshotKey]model.SnapshotRecord{}
	}
	if _, ok := j.kept[model.SnapshotKey{Source: sn.Source, N: sn.N}]; !ok {
		if why := j.read(r, j.last); why != "" {
			return why
		}
	}
	if model.UnrecordedBy(sn, j.kept) == "" {
		return ""
	}
	clear(j.kept)
	if why := j.read(r, 0); why != "" {
		return why
	}
	return model.UnrecordedBy(sn, j.kept)
}

// read adds the records of the entries after entry after, and says why
// it could not.
func (j *journaledSnapshots) read(r model.Reader, after uint64) string {
	last, err := model.RecordSnapshotsAfter(r, after, j.kept)
	if err != nil {
		return "the journal, which records the hashes it was kept with, cannot be read: " + err.Error()
	}
	j.last = last
	return ""
}
