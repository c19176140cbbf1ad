package bolt

import (
	"chrono/model"
	"chrono/store/snapshots"
)

// AllSnapshots implements model.AllSnapshotsReader in one read.
func (s *Store) AllSnapshots() (map[string][]model.Snapshot, error) {
	var out map[string][]model.Snapshot
	err := s.view(func(b buckets) (err error) {
		out, err = allSnapshots(b)
		return err
	})
	return out, err
}

// AllSnapshots is Store.AllSnapshots.
func (s *Shared) AllSnapshots() (map[string][]model.Snapshot, error) {
	return read(s, (*Store).AllSnapshots)
}

var (
	_ model.AllSnapshotsReader = (*Store)(nil)
	_ model.AllSnapshotsReader = (*Shared)(nil)
)

// allSnapshots lists each snapshot Snapshots lists: of a source the
// store has, not withdrawn, oldest first.
func allSnapshots(b buckets) (map[string][]model.Snapshot, error) {
	out := map[string][]model.Snapshot{}
	err := eachSnapshotRecord(b, func(source string, m snapshots.Record) bool {
		if listed := snapshots.Listed([]snapshots.Record{m}, false); len(listed) > 0 {
			out[source] = append(out[source], listed...)
		}
		return false
	})
	return out, err
}
