package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"chrono/model"
	"chrono/model/formats"
	"chrono/model/termtext"
	"chrono/store"
	"chrono/store/outfile"
)

// absentStoreFile returns the store file --db names when there is
// nothing at its path yet.
func (o *importOptions) absentStoreFile() (string, bool) {
	path, _, err := o.storePath()
	if err != nil || store.IsAddress(path) {
		return "", false
	}
	_, err = os.Lstat(path)
	return path, errors.Is(err, fs.ErrNotExist)
}

// importNew imports into a store file that does not exist yet. The store
// is built under a temporary name beside path and given the path once
// the import has succeeded: an import that fails leaves nothing behind
// (not an empty store, nor the directories made for it), as it says, one
// stopped by a signal or killed leaves nothing the next run keeps (the
// name is outfile's), and no other process sees a store at the path
// until it is whole.
func (o *importOptions) importNew(path string, fixed *formats.Format) error {
	return o.intoNew(path, func(s model.Store) error { return o.importClosing(s, fixed) })
}

// intoNew makes the store file path, which does not exist yet, with fill,
// which closes the store it is given: as importNew says, it is given the
// path only once fill has succeeded.
func (o *importOptions) intoNew(path string, fill func(s model.Store) error) error {
	// Refused as opening a store there refuses it, before a directory
	// is made for it or the import runs and reports its events.
	if err := outfile.NotADirectoryPath(path); err != nil {
		return err
	}
	// From before the store is made: a signal then removes it.
	defer o.clearOnSignal()()
	dir := filepath.Dir(path)
	var made []string // the directories made for the store, deepest first
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		made = append(made, d)
	}
	var building string
	failed := func(err error) error {
		if building != "" {
			outfile.RemoveTemp(building)
		}
		for _, d := range made {
			os.Remove(d) // only if still empty
		}
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return failed(fmt.Errorf("creating the directory for store %s: %w", path, err))
	}
	building, err := outfile.TempPath(path, outfile.Store)
	if err != nil {
		return failed(err)
	}
	defer outfile.RemoveTemp(building) // placed, or failed
	s, err := o.openAt(building, false, store.Options{})
	if err != nil {
		return failed(named(err, building, path))
	}
	if err = fill(s); err == nil {
		if err = outfile.PlaceNew(building, path); errors.Is(err, outfile.ErrExists) {
			err = fmt.Errorf("%s: a store was made there while the import ran; nothing imported: import again into it", path)
		}
	}
	if err == nil {
		o.madeStore(path, "")
		o.saidNew(path)
	}
	if err != nil {
		return failed(named(err, building, path))
	}
	return nil
}

// named is err saying path where it says building: the store the user
// asked for, not the name it was built under.
func named(err error, building, path string) error {
	if err == nil || !strings.Contains(err.Error(), building) {
		return err
	}
	return renamedErr{err, building, path}
}

type renamedErr struct {
	err      error
	from, to string
}

func (e renamedErr) Error() string { return strings.ReplaceAll(e.err.Error(), e.from, e.to) }
func (e renamedErr) Unwrap() error { return e.err }

// previewNew is a dry run into a store file that does not exist yet: the
// files are checked, and what they would make reported, against an empty
// store made for it in a temporary directory and removed after, so that
// a first import can be tried before it is made.
func (o *importOptions) previewNew(path string, fixed *formats.Format) error {
	// Said first: a mistyped --db is told from a first import.
	fmt.Fprintf(o.stderr, "no store at %s yet: a dry run against an empty one, as chrono import there would make it\n", termtext.Line(path))
	dir, err := os.MkdirTemp("", "chrono-dry-run-")
	if err != nil {
		return fmt.Errorf("making a place for the dry run's empty store: %w", err)
	}
	defer os.RemoveAll(dir)
	// Opened as no store the user has: nothing of it is remembered.
	s, err := store.Open(filepath.Join(dir, "store.db"), store.Options{Investigation: o.investigationName()})
	if err != nil {
		return err
	}
	return o.importClosing(s, fixed)
}
