package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"chrono/tui"

	"github.com/go-json-experiment/json"
)

// draftFile keeps one person's drafts of one investigation (tui.Drafts):
// what they typed in a form and had not saved when a browser ended. Each
// draft is a file of its own in chrono's state directory, named for the
// investigation and the person, then for when its browser ended: so
// that browsers of other investigations, other people's sessions, and
// the person's other browsers of the same one (two terminals, two
// connections ended by the server's stop) never write over it. Each is
// readable by its owner only, as what was typed may not be for others'
// eyes.
type draftFile struct{ dir, key string }

// draftsFor is the keeper of person's drafts of the store at path (its
// investigation, in a database), nil when there is no state directory.
func draftsFor(path, investigation, person string) tui.Drafts {
	dir := stateDir()
	if dir == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(seenKey(path, investigation) + "\x00" + person))
	return draftFile{dir: filepath.Join(dir, "drafts"), key: hex.EncodeToString(sum[:16])}
}

// files are the names of the drafts kept, oldest first; a draft kept by
// an earlier chrono, one file for all, comes last.
func (f draftFile) files() ([]string, error) {
	entries, err := os.ReadDir(f.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the drafts of what was typed and not saved (%s) cannot be read: %w", shellArg(f.dir), err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); n == f.key+".json" || strings.HasPrefix(n, f.key+"-") && strings.HasSuffix(n, ".json") {
			names = append(names, n)
		}
	}
	return names, nil // ReadDir sorts by name, and the names by time
}

// read reads the draft in the file name.
func (f draftFile) read(name string) (*tui.Draft, error) {
	path := filepath.Join(f.dir, name)
	b, err := os.ReadFile(path)
	var d tui.Draft
	if err == nil {
		err = json.Unmarshal(b, &d)
	}
	if err != nil {
		return nil, fmt.Errorf("what was typed and not saved when the browser last ended (%s) cannot be read, and is left as it is (remove it to be rid of this warning): %w", shellArg(path), err)
	}
	return &d, nil
}

// Kept implements tui.Drafts: the oldest draft kept.
func (f draftFile) Kept() (*tui.Draft, error) {
	names, err := f.files()
	if err != nil || len(names) == 0 {
		return nil, err
	}
	return f.read(names[0])
}

// name is the file of d: by when its browser ended, in digits enough
// for the names to sort as the times do.
func (f draftFile) name(d *tui.Draft) string {
	return fmt.Sprintf("%s-%020d.json", f.key, d.Ended.UnixNano())
}

// Keep implements tui.Drafts: beside the others kept.
func (f draftFile) Keep(d *tui.Draft) error { return writeState(filepath.Join(f.dir, f.name(d)), d) }

// Drop implements tui.Drafts: only d's file goes, never another kept
// since; one that cannot be read is left, as Kept says.
func (f draftFile) Drop(d *tui.Draft) error {
	names, err := f.files()
	if err != nil {
		return err
	}
	for _, n := range names {
		if kept, err := f.read(n); err == nil && kept.Ended.Equal(d.Ended) {
			if err := os.Remove(filepath.Join(f.dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}
