package bolt

import (
	"bytes"
	"encoding/binary"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/snapshots"

	"github.com/go-json-experiment/json"
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

// allSnapshots reads the record of each snapshot in key order (by
// source, then number: oldest first), its pieces skipped, and lists
// those Snapshots lists: of a source the store has, not withdrawn.
func allSnapshots(b buckets) (map[string][]model.Snapshot, error) {
	out := map[string][]model.Snapshot{}
	if b.snapshots == nil {
		return out, nil
	}
	c := b.snapshots.Cursor()
	for k, v := c.First(); k != nil; {
		id, rest, ok := bytes.Cut(k, []byte{keySep})
		if !ok || len(rest) < 4 {
			k, v = c.Next() // not a snapshot's key, which Snapshots passes over too
			continue
		}
		source, n := string(id), int(binary.BigEndian.Uint32(rest))
		// A snapshot's record sorts before its pieces ('m' < 'o' < 't').
		if len(rest) == 5 && rest[4] == partMeta && b.sources.Get(id) != nil {
			var m snapshots.Record
			if err := json.Unmarshal(v, &m); err != nil {
				return nil, stored.Unreadablef("snapshot %d of source %q: %v", n, source, err)
			}
			if listed := snapshots.Listed([]snapshots.Record{m}, false); len(listed) > 0 {
				out[source] = append(out[source], listed...)
			}
		}
		// Past every key of snapshot n: its parts' bytes are all below 0xff.
		k, v = c.Seek(append(snapshotKey(source, n), 0xff))
	}
	return out, nil
}
