package model

import (
	"fmt"
	"strings"
)

// SnapshotRecord is a snapshot as the journal entry that kept it records
// it: the journal is a hash chain, so its hashes are the ones the
// snapshot's record and bytes must still have. Bytes and record replaced
// together in the file match each other, but not the chain.
type SnapshotRecord struct {
	Seq uint64
	Ref SnapshotRef
	// Unvouched is where the journal's chain breaks when the chain does
	// not vouch for the record's entry (Unvouch): that entry may have
	// been rewritten along with the snapshot, so its record vouches for
	// nothing. nil while the chain holds up to the record.
	Unvouched *ChainBreak
}

// Unvouch marks the records in kept whose entries the chain does not
// vouch for (ChainReport.Vouches), since a snapshot and its entry
// rewritten together agree with each other. It leaves kept as it is when
// the chain holds.
func Unvouch(kept map[SnapshotKey]SnapshotRecord, chain ChainReport) {
	for k, j := range kept {
		if !chain.Vouches(j.Seq) {
			j.Unvouched = chain.Break
			kept[k] = j
		}
	}
}

// SnapshotKey names a snapshot among all a store's.
type SnapshotKey struct {
	Source string
	N      int
}

// RecordedSnapshots is every snapshot the journal of r records keeping,
// as the first entry to name it recorded it.
func RecordedSnapshots(r Reader) (map[SnapshotKey]SnapshotRecord, error) {
	kept := map[SnapshotKey]SnapshotRecord{}
	if _, err := RecordSnapshotsAfter(r, 0, kept, nil); err != nil {
		return nil, err
	}
	return kept, nil
}

// ReadSnapshotJournal reads the journal of r once for both what it
// recorded of each snapshot when it was kept (RecordedSnapshots) and the
// state it last left each in (SnapshotStates).
func ReadSnapshotJournal(r Reader) (map[SnapshotKey]SnapshotRecord, SnapshotStates, error) {
	kept, states := map[SnapshotKey]SnapshotRecord{}, SnapshotStates{}
	if _, err := RecordSnapshotsAfter(r, 0, kept, states); err != nil {
		return nil, nil, err
	}
	return kept, states, nil
}

// RecordSnapshotsAfter adds to kept the snapshots that the journal
// entries of r after entry after record keeping, as the first entry to
// name each recorded it, and returns the last entry's number (after when
// there is none): a reader that keeps kept reads only what the journal
// gained since. states, unless nil, gains the last entry to name each.
func RecordSnapshotsAfter(r Reader, after uint64, kept map[SnapshotKey]SnapshotRecord, states SnapshotStates) (uint64, error) {
	entries, err := r.Journal(JournalQuery{After: after, HeadsOnly: true})
	if err != nil {
		return after, fmt.Errorf("reading the journal for the snapshots it records: %w", err)
	}
	last := after
	for _, e := range entries {
		last = max(last, e.Seq)
		for _, ref := range e.Snapshots {
			k := SnapshotKey{ref.Source, ref.N}
			if old, ok := kept[k]; !ok || e.Seq < old.Seq {
				kept[k] = SnapshotRecord{Seq: e.Seq, Ref: ref}
			}
			if states != nil {
				states.add(e.Seq, ref)
			}
		}
	}
	return last, nil
}

// UnrecordedBy says what is wrong with the hashes kept with sn against
// what the journal recorded of it, among recorded: "" when they agree.
func UnrecordedBy(sn Snapshot, recorded map[SnapshotKey]SnapshotRecord) string {
	j, ok := recorded[SnapshotKey{sn.Source, sn.N}]
	switch {
	case !ok:
		return "no journal entry records keeping it: it was put in the store outside chrono; restore the store from a backup made before it (attaching the source again gives its quotes a snapshot to be checked against, but this one stays, and is named)"
	case j.Unvouched != nil:
		return fmt.Sprintf("journal entry #%d recorded its hashes when it was kept, but the journal's chain breaks at entry #%d (%s), so that record may have been rewritten with it and vouches for nothing", j.Seq, j.Unvouched.Seq, j.Unvouched.Fault)
	case !strings.EqualFold(j.Ref.SHA256, sn.SHA256):
		return fmt.Sprintf("its original bytes have the SHA-256 kept with them, %s, but journal entry #%d recorded %s when it was kept: both were replaced outside chrono", sn.SHA256, j.Seq, j.Ref.SHA256)
	case !strings.EqualFold(j.Ref.TextSHA256, sn.TextSHA256):
		return fmt.Sprintf("its text has the SHA-256 kept with it, %s, but journal entry #%d recorded %s when it was kept: both were replaced outside chrono", sn.TextSHA256, j.Seq, j.Ref.TextSHA256)
	}
	return ""
}
