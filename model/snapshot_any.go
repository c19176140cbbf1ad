package model

import "fmt"

// AnySnapshotReader is a store that tells in one read whether any of its
// sources has a snapshot, rather than a read of each source's.
type AnySnapshotReader interface {
	// AnySnapshot reports whether some source has a snapshot that an
	// undo has not withdrawn.
	AnySnapshot() (bool, error)
}

// AnySnapshot reports whether some source of r has a snapshot (one that
// Snapshots lists): in one read where r is an AnySnapshotReader, else
// source by source, until one has.
func AnySnapshot(r Reader) (bool, error) {
	if a, ok := r.(AnySnapshotReader); ok {
		return a.AnySnapshot()
	}
	sources, err := r.Sources()
	if err != nil {
		return false, err
	}
	for _, src := range sources {
		snaps, err := r.Snapshots(src.ID)
		if err != nil {
			return false, fmt.Errorf("source %q: reading its snapshots: %w", src.ID, err)
		}
		if len(snaps) > 0 {
			return true, nil
		}
	}
	return false, nil
}
