package bolt

import bbolt "go.etcd.io/bbolt"

// addSnapshots (4 to 5) adds the snapshots/ bucket, empty: the kept
// copies of sources' content (snapshot.go).
func addSnapshots(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketSnapshots.name)
	return err
}
