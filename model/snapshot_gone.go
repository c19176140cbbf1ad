package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// SnapshotOutOfStep is a snapshot whose state in the store is not the one
// the journal's last entry to name it left: taken away (deleted, or
// marked withdrawn) or brought back outside chrono. The hashes of the
// snapshots left cannot show it, and quotes are then checked against
// another snapshot than the journal says is the latest.
type SnapshotOutOfStep struct {
	SnapshotKey
	Seq     uint64 // the journal entry that last named it
	SHA256  string // of its original bytes, as that entry names it
	Problem string
}

// SnapshotStates is, for each snapshot a journal names, the last entry
// to name it: whether it left the snapshot kept or withdrawn.
type SnapshotStates map[SnapshotKey]SnapshotRecord

// add records that entry seq names ref.
func (st SnapshotStates) add(seq uint64, ref SnapshotRef) {
	k := SnapshotKey{ref.Source, ref.N}
	if old, ok := st[k]; !ok || seq > old.Seq {
		st[k] = SnapshotRecord{Seq: seq, Ref: ref}
	}
}

// Sources are the sources the states name a snapshot of, sorted.
func (st SnapshotStates) Sources() []string {
	sources := map[string]bool{}
	for k := range st {
		sources[k.Source] = true
	}
	return slices.Sorted(maps.Keys(sources))
}

// Gone is OutOfStep for the sources the states name that held does not
// hold: each snapshot the journal last left kept of a source taken away.
func (st SnapshotStates) Gone(held map[string]bool) []SnapshotOutOfStep {
	var out []SnapshotOutOfStep
	for _, source := range st.Sources() {
		if !held[source] {
			out = append(out, st.OutOfStep(source, nil)...)
		}
	}
	return out
}

// OutOfStep compares the snapshots of source that the store lists as
// kept with the states: one the journal last left kept must be listed,
// one it withdrew must not be. They come by number.
func (st SnapshotStates) OutOfStep(source string, listed []Snapshot) []SnapshotOutOfStep {
	kept := map[int]bool{}
	for _, sn := range listed {
		kept[sn.N] = true
	}
	// This source's alone are sorted, not every source's for each.
	var keys []SnapshotKey
	for k := range st {
		if k.Source == source {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b SnapshotKey) int { return cmp.Compare(a.N, b.N) })
	var out []SnapshotOutOfStep
	for _, k := range keys {
		j := st[k]
		switch {
		case !j.Ref.Withdrawn && !kept[k.N]:
			out = append(out, SnapshotOutOfStep{k, j.Seq, j.Ref.SHA256, fmt.Sprintf("journal entry #%d left it kept, and no entry since took it away, but the store no longer has it as kept: it was deleted or withdrawn outside chrono, and quotes are checked against an earlier snapshot, or none; restore the store from a backup made before", j.Seq)})
		case j.Ref.Withdrawn && kept[k.N]:
			out = append(out, SnapshotOutOfStep{k, j.Seq, j.Ref.SHA256, fmt.Sprintf("journal entry #%d withdrew it, and no entry since brought it back, but the store has it as kept: it was brought back outside chrono, and quotes are checked against it; restore the store from a backup made before", j.Seq)})
		}
	}
	return out
}

// FirstOutOfStep says the first snapshot of source that OutOfStep finds,
// as a quote checked against the source's latest says it ("snapshot N:
// what is wrong"): "" when the listed snapshots are in step.
func (st SnapshotStates) FirstOutOfStep(source string, listed []Snapshot) string {
	found := st.OutOfStep(source, listed)
	if len(found) == 0 {
		return ""
	}
	return fmt.Sprintf("snapshot %d: %s", found[0].N, found[0].Problem)
}

// SnapshotsOutOfStep compares each snapshot the journal of r names, in
// the states it read (ReadSnapshotJournal), with the store
// (SnapshotStates.OutOfStep). A journal an older chrono kept before it
// recorded snapshots names none. They come by source, then number.
func SnapshotsOutOfStep(r Reader, st SnapshotStates) ([]SnapshotOutOfStep, error) {
	var out []SnapshotOutOfStep
	for _, source := range st.Sources() {
		listed, err := r.Snapshots(source)
		if err != nil {
			return nil, fmt.Errorf("source %q: reading its snapshots: %w", source, err)
		}
		out = append(out, st.OutOfStep(source, listed)...)
	}
	return out, nil
}
