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
	mu     sync.Mutex
	last   uint64 // the last entry read
	kept   map[model.SnapshotKey]model.SnapshotRecord
	states model.SnapshotStates // the state each snapshot was last left in
	// chain is what the walk of the journal's chain found, once one
	// has: a record the chain does not vouch for vouches for nothing.
	chain *model.ChainReport
	// walked: a served session has claimed the walk (checkChain).
	walked bool
}

// claimWalk reports whether the caller is the first to walk the chain
// for these records, and marks it walked.
func (j *journaledSnapshots) claimWalk() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.walked {
		return false
	}
	j.walked = true
	return true
}

// unclaimWalk leaves the walk to the next caller, after one failed.
func (j *journaledSnapshots) unclaimWalk() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.walked = false
}

// setChain takes what a walk of the journal's chain found.
func (j *journaledSnapshots) setChain(r model.ChainReport) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.chain = &r
}

// chainBroken reports whether a walk of the chain found it broken: an
// index built before the walk found a break is built again
// (sourceIndex.chainBroken).
func (j *journaledSnapshots) chainBroken() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.chain != nil && !j.chain.OK()
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
	j.init()
	if _, ok := j.kept[model.SnapshotKey{Source: sn.Source, N: sn.N}]; !ok {
		if why := j.read(r, j.last); why != "" {
			return why
		}
	}
	if model.UnrecordedBy(sn, j.kept) == "" {
		return j.unvouched(sn)
	}
	if why := j.readAgain(r); why != "" {
		return why
	}
	if why := model.UnrecordedBy(sn, j.kept); why != "" {
		return why
	}
	return j.unvouched(sn)
}

// unvouched says, for a snapshot whose hashes agree with the journal's
// record, that the record is made by an entry the chain does not vouch
// for: a snapshot and its entry rewritten together agree with each
// other. "" while the chain holds, or has not been walked.
func (j *journaledSnapshots) unvouched(sn model.Snapshot) string {
	if j.chain == nil || j.chain.OK() {
		return ""
	}
	k := model.SnapshotKey{Source: sn.Source, N: sn.N}
	one := map[model.SnapshotKey]model.SnapshotRecord{k: j.kept[k]}
	model.Unvouch(one, *j.chain)
	return model.UnrecordedBy(sn, one)
}

// outOfStep says how the snapshots of source listed as kept differ from
// what the journal last left (model.SnapshotStates.OutOfStep), "" when
// they agree: a snapshot taken away or brought back outside chrono.
func (j *journaledSnapshots) outOfStep(r model.Reader, source string, listed []model.Snapshot) string {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.init()
	// As read for the latest snapshot's record (unrecorded): entries
	// since can only make it disagree, which has it read whole again.
	if len(j.states.OutOfStep(source, listed)) == 0 {
		return ""
	}
	if why := j.readAgain(r); why != "" {
		return why
	}
	return j.states.FirstOutOfStep(source, listed)
}

func (j *journaledSnapshots) init() {
	if j.kept == nil {
		j.kept, j.states = map[model.SnapshotKey]model.SnapshotRecord{}, model.SnapshotStates{}
	}
}

// readAgain reads the journal whole again, before something is called
// damaged, in case another file was put in the store's place.
func (j *journaledSnapshots) readAgain(r model.Reader) string {
	clear(j.kept)
	clear(j.states)
	return j.read(r, 0)
}

// read adds the records of the entries after entry after, and says why
// it could not.
func (j *journaledSnapshots) read(r model.Reader, after uint64) string {
	last, err := model.RecordSnapshotsAfter(r, after, j.kept, j.states)
	if err != nil {
		return "the journal, which records the hashes it was kept with, cannot be read: " + err.Error()
	}
	j.last = last
	return ""
}
