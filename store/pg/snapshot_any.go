package pg

import "chrono/model"

// AnySnapshot implements model.AnySnapshotReader in one query, its rows
// read until one is of a snapshot an undo has not withdrawn; of the
// sources the investigation has, as Sources lists them.
func (s *Store) AnySnapshot() (bool, error) {
	found := false
	err := s.readOne(func(db querier) error {
		found = false // asked again on a new connection
		rows, err := db.Query(ctx, `SELECT sn.source, sn.n, sn.meta FROM snapshots sn
JOIN sources so ON so.inv = sn.inv AND so.id = sn.source
WHERE sn.inv = $1`, s.inv)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var source string
			var n int
			var v []byte
			if err := rows.Scan(&source, &n, &v); err != nil {
				return err
			}
			m, err := decodeSnapshotMeta(source, n, v)
			if err != nil {
				return err
			}
			if !m.Withdrawn {
				found = true
				return nil
			}
		}
		return rows.Err()
	})
	return found, err
}

var _ model.AnySnapshotReader = (*Store)(nil)
