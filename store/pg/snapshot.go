package pg

import (
	"errors"
	"io"

	"chrono/model"
)

// errNoSnapshots says that this store does not keep snapshots yet.
var errNoSnapshots = errors.New("the PostgreSQL store keeps no snapshots of sources yet: attach them to a bbolt store")

// Snapshots lists none: the PostgreSQL store keeps no snapshots yet.
func (s *Store) Snapshots(sourceID string) ([]model.Snapshot, error) { return nil, nil }

// SnapshotText fails: there are no snapshots to read.
func (s *Store) SnapshotText(sourceID string, n int) (io.ReadCloser, error) {
	return nil, errNoSnapshots
}

// SnapshotOriginal fails: there are no snapshots to read.
func (s *Store) SnapshotOriginal(sourceID string, n int) (io.ReadCloser, error) {
	return nil, errNoSnapshots
}

// PutSnapshot refuses, changing nothing.
func (t *writeTx) PutSnapshot(s *model.Snapshot, original, text io.Reader) error {
	return errNoSnapshots
}

// WithdrawSnapshot refuses, changing nothing.
func (t *writeTx) WithdrawSnapshot(sourceID string, n int, withdrawn bool) error {
	return errNoSnapshots
}
