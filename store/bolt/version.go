package bolt

import (
	"fmt"
	"os"

	bbolt "go.etcd.io/bbolt"
)

// Version returns a token that changes whenever the store does: with
// every committed write (bbolt's transaction id) and when an import
// replaces the file (its identity and time). A browser compares tokens to
// notice what another process wrote.
func (s *Store) Version() (string, error) {
	var txid int
	err := s.guarded(func() error {
		return s.db.View(func(tx *bbolt.Tx) error {
			txid = tx.ID()
			return nil
		})
	})
	if err != nil {
		return "", err
	}
	return s.versionAt(txid)
}

// versionAt is the Version of the store as a read transaction txid saw
// it.
func (s *Store) versionAt(txid int) (string, error) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return "", fmt.Errorf("store %s: %w", s.path, err)
	}
	return fmt.Sprintf("%d/%d/%d", txid, fi.Size(), fi.ModTime().UnixNano()), nil
}

// Version is Store.Version.
func (s *Shared) Version() (string, error) {
	return read(s, (*Store).Version)
}
