package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"chrono/model/formats"
	"chrono/store"
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
// is built in a file of its own beside path and put at path once the
// import has succeeded: an import that fails leaves nothing behind (not
// an empty store, nor the directories made for it), as it says, and no
// other process sees a store there until it is whole.
func (o *importOptions) importNew(path string, fixed *formats.Format) error {
	dir := filepath.Dir(path)
	var made []string // the directories made for the store, deepest first
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		made = append(made, d)
	}
	unmake := func() {
		for _, d := range made {
			os.Remove(d) // only if still empty
		}
	}
	var random [6]byte
	rand.Read(random[:])
	building := filepath.Join(dir, fmt.Sprintf(".%s.importing-%s", filepath.Base(path), hex.EncodeToString(random[:])))
	s, err := o.openAt(building, false, store.Options{})
	if err != nil {
		os.Remove(building)
		unmake()
		return err
	}
	err = func() error {
		defer s.Close()
		defer o.clearOnSignal()()
		err := o.importInto(s, fixed)
		checkDamaged(o.stderr, s, err)
		return err
	}()
	if err == nil {
		// A link, not a rename: it will not replace a store another
		// process made at path meanwhile.
		if err = os.Link(building, path); errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("a store was made at %s while the import ran; the imported store is kept as %s: move it where you want it", path, building)
		}
	}
	os.Remove(building)
	if err != nil {
		unmake()
	}
	return err
}
