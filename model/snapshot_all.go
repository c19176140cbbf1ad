package model

import "fmt"

// AllSnapshotsReader is a store that lists every source's snapshots in
// one read, rather than a read of each source's: on a database, a query
// each made a look over many sources slow.
type AllSnapshotsReader interface {
	// AllSnapshots lists the snapshots of each source the store has, as
	// Snapshots lists them (oldest first, none an undo withdrew), by
	// source id; a source with none is not in the map.
	AllSnapshots() (map[string][]Snapshot, error)
}

// AllSnapshots lists the snapshots of each source of r, by source id, as
// AllSnapshotsReader says: in one read where r is one, else those of
// sources, the store's as read already, source by source.
func AllSnapshots(r Reader, sources []Source) (map[string][]Snapshot, error) {
	if a, ok := r.(AllSnapshotsReader); ok {
		return a.AllSnapshots()
	}
	out := map[string][]Snapshot{}
	for _, src := range sources {
		snaps, err := r.Snapshots(src.ID)
		if err != nil {
			return nil, fmt.Errorf("source %q: reading its snapshots: %w", src.ID, err)
		}
		if len(snaps) > 0 {
			out[src.ID] = snaps
		}
	}
	return out, nil
}
