package pg

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"chrono/model"
	"chrono/store/bolt"
)

// Backup writes the investigation to path as a bbolt store file any
// chrono opens, built by the bbolt store's own bulk import from one read
// of the investigation (its header, sources and events), and returns its
// size. path must not exist: the file is built beside it and linked to
// its name only once complete, so a backup never overwrites. The copy
// starts its own journal with the import that made it; the trash and the
// investigation's journal stay in the database.
func (s *Store) Backup(path string) (int64, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(path), ".chrono-backup-")
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "chrono.db")
	b, err := bolt.Open(built, bolt.Options{Author: s.author})
	if err != nil {
		return 0, fmt.Errorf("backup to %s: %w", path, err)
	}
	_, err = b.Import([]model.Input{{Name: s.loc, Size: -1, Read: s.send}}, model.ImportOptions{Bulk: true})
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Link(built, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
		}
		return 0, fmt.Errorf("backup: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	return fi.Size(), nil
}

// send reads the investigation into a sink, as an export would.
func (s *Store) send(sink model.Sink) error {
	h, err := s.Header()
	if err != nil {
		return err
	}
	if err := sink.Header(h); err != nil {
		return err
	}
	srcs, err := s.Sources()
	if err != nil {
		return err
	}
	for i, src := range srcs {
		if err := sink.Source(src, i); err != nil {
			return err
		}
	}
	i := 0
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			return err
		}
		if err := model.SendEvent(sink, e, i, model.AllFields); err != nil {
			return err
		}
		i++
	}
	return nil
}
