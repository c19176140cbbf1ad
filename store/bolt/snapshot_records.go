package bolt

import (
	"bytes"
	"encoding/binary"

	"chrono/model/stored"
	"chrono/store/snapshots"

	"github.com/go-json-experiment/json"
)

// eachSnapshotRecord calls fn with the record of each snapshot of a
// source the store has, in key order (by source, then number: oldest
// first), passing over the pieces of each and any snapshot whose pieces
// have no record, until fn says to stop.
func eachSnapshotRecord(b buckets, fn func(source string, m snapshots.Record) (stop bool)) error {
	if b.snapshots == nil {
		return nil
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
				return stored.Unreadablef("snapshot %d of source %q: %v", n, source, err)
			}
			if fn(source, m) {
				return nil
			}
		}
		// Past every key of snapshot n: its parts' bytes are all below 0xff.
		k, v = c.Seek(append(snapshotKey(source, n), 0xff))
	}
	return nil
}
