package pg

import (
	"chrono/model"
	"chrono/store/snapshots"
)

// AllSnapshots implements model.AllSnapshotsReader in one query: the
// snapshots of the sources the investigation has, as Sources lists
// them, each source's oldest first.
func (s *Store) AllSnapshots() (map[string][]model.Snapshot, error) {
	var out map[string][]model.Snapshot
	err := s.readOne(func(db querier) error {
		metas, err := scanSnapshotMetas(db.Query(ctx, `SELECT sn.source, sn.n, sn.meta FROM snapshots sn
JOIN sources so ON so.inv = sn.inv AND so.id = sn.source
WHERE sn.inv = $1 ORDER BY sn.source, sn.n`, s.inv))
		if err != nil {
			return err
		}
		out = map[string][]model.Snapshot{} // asked again on a new connection
		for source, ms := range metas {
			if listed := snapshots.Listed(ms, false); len(listed) > 0 {
				out[source] = listed
			}
		}
		return nil
	})
	return out, err
}

var _ model.AllSnapshotsReader = (*Store)(nil)
