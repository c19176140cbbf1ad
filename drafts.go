package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"chrono/tui"

	"github.com/go-json-experiment/json"
)

// draftFile keeps one person's draft of one investigation (tui.Drafts):
// what they typed in a form and had not saved when the browser ended.
// Each draft is a file of its own in chrono's state directory, so that
// browsers of other investigations, and other people's sessions, never
// write over it; it is readable by its owner only, as what was typed
// may not be for others' eyes.
type draftFile struct{ path string }

// draftsFor is the keeper of person's draft of the store at path (its
// investigation, in a database), nil when there is no state directory.
func draftsFor(path, investigation, person string) tui.Drafts {
	dir := stateDir()
	if dir == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(seenKey(path, investigation) + "\x00" + person))
	return draftFile{path: filepath.Join(dir, "drafts", hex.EncodeToString(sum[:16])+".json")}
}

// Kept implements tui.Drafts.
func (f draftFile) Kept() (*tui.Draft, error) {
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var d tui.Draft
	if err == nil {
		err = json.Unmarshal(b, &d)
	}
	if err != nil {
		return nil, fmt.Errorf("what was typed and not saved when the browser last ended (%s) cannot be read, and is left as it is (remove it to be rid of this warning): %w", shellArg(f.path), err)
	}
	return &d, nil
}

// Keep implements tui.Drafts.
func (f draftFile) Keep(d *tui.Draft) error { return writeState(f.path, d) }

// Drop implements tui.Drafts: the file goes only if it still holds d,
// as another browser of the investigation may have kept its own since.
func (f draftFile) Drop(d *tui.Draft) error {
	kept, err := f.Kept()
	if err != nil || kept == nil || !kept.Ended.Equal(d.Ended) {
		return nil // a file that cannot be read is left, as Kept says
	}
	if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
