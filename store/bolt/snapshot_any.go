package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"

	"chrono/model"
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

// anySnapshot reads the record of each snapshot in turn, its pieces
// skipped, until one is of a source the store has and not withdrawn: a
// store with no snapshot is answered at once, whatever its sources.
func anySnapshot(b buckets) (bool, error) {
	if b.snapshots == nil {
		return false, nil
	}
	c := b.snapshots.Cursor()
	for k, _ := c.First(); k != nil; {
		id, rest, ok := bytes.Cut(k, []byte{keySep})
		if !ok || len(rest) < 4 {
			k, _ = c.Next() // not a snapshot's key, which Snapshots passes over too
			continue
		}
		source, n := string(id), int(binary.BigEndian.Uint32(rest))
		if b.sources.Get(id) != nil {
			m, err := snapshotMetaOf(b.snapshots, source, n)
			var none *model.NoSnapshot
			switch {
			case errors.As(err, &none): // pieces with no record: no snapshot Snapshots lists
			case err != nil:
				return false, err
			case !m.Withdrawn:
				return true, nil
			}
		}
		// Past every key of snapshot n: its parts' bytes are all below 0xff.
		k, _ = c.Seek(append(snapshotKey(source, n), 0xff))
	}
	return false, nil
}
