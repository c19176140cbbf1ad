package bolt

import (
	"chrono/model"
	"chrono/store/snapshots"
)

// AnySnapshot implements model.AnySnapshotReader in one read.
func (s *Store) AnySnapshot() (bool, error) {
	found := false
	err := s.view(func(b buckets) (err error) {
		found, err = anySnapshot(b)
		return err
	})
	return found, err
}

// AnySnapshot is Store.AnySnapshot.
func (s *Shared) AnySnapshot() (bool, error) { return read(s, (*Store).AnySnapshot) }

var (
	_ model.AnySnapshotReader = (*Store)(nil)
	_ model.AnySnapshotReader = (*Shared)(nil)
)

// anySnapshot reads the record of each snapshot in turn until one is of
// a source the store has and not withdrawn: a store with no snapshot is
// answered at once, whatever its sources.
func anySnapshot(b buckets) (bool, error) {
	found := false
	err := eachSnapshotRecord(b, func(_ string, m snapshots.Record) bool {
		found = !m.Withdrawn
		return found
	})
	return found && err == nil, err
}
