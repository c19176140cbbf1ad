package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

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
//
// Each browser has a draftFile of its own, and the draft Kept gives it
// is claimed (lockDraft) for as long as the browser holds it: another
// browser started at the same moment is given another draft, or none,
// never the same one to save a second time.
type draftFile struct {
	dir, key string

	mu sync.Mutex // the browser drops its draft from a command
	// claim is the file of the draft Kept gave, held open, and so
	// claimed, until it is dropped or given up; name is its name.
	claim *os.File
	name  string
	ended time.Time
}

// draftsFor is the keeper of person's drafts of the store at path (its
// investigation, in a database), nil when there is no state directory.
func draftsFor(path, investigation, person string) tui.Drafts {
	dir := stateDir()
	if dir == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(seenKey(path, investigation) + "\x00" + person))
	return &draftFile{dir: filepath.Join(dir, "drafts"), key: hex.EncodeToString(sum[:16])}
}

// files are the names of the drafts kept, oldest first; a draft kept by
// an earlier chrono, one file for all, comes last.
func (f *draftFile) files() ([]string, error) {
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

// claimed is the draft in the file name, claimed for this browser; nil
// when another browser holds it, or dropped it since it was listed.
func (f *draftFile) claimed(name string) (*tui.Draft, error) {
	path := filepath.Join(f.dir, name)
	file, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil {
		var ok bool
		if ok, err = lockDraft(file); err == nil && !ok {
			return nil, file.Close()
		}
	}
	if err == nil {
		// Dropped between the open and the claim: its file is gone, the
		// one open no longer the draft's.
		held, herr := file.Stat()
		now, nerr := os.Stat(path)
		if herr == nil && nerr == nil && !os.SameFile(held, now) || errors.Is(nerr, fs.ErrNotExist) {
			return nil, file.Close()
		}
	}
	var d tui.Draft
	if err == nil {
		var b []byte
		if b, err = io.ReadAll(file); err == nil {
			err = json.Unmarshal(b, &d)
		}
	}
	if err != nil {
		if file != nil {
			file.Close()
		}
		return nil, fmt.Errorf("what was typed and not saved when the browser last ended (%s) cannot be read, and is left as it is (remove it to be rid of this warning): %w", shellArg(path), err)
	}
	f.claim, f.name, f.ended = file, name, d.Ended
	return &d, nil
}

// Kept implements tui.Drafts: the oldest draft no other browser holds,
// claimed for this one.
func (f *draftFile) Kept() (*tui.Draft, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.giveUp()
	names, err := f.files()
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if d, err := f.claimed(n); d != nil || err != nil {
			return d, err
		}
	}
	return nil, nil
}

// holds reports whether d is the draft this browser was given.
func (f *draftFile) holds(d *tui.Draft) bool { return f.claim != nil && d.Ended.Equal(f.ended) }

// giveUp lets the draft this browser holds go to the next.
func (f *draftFile) giveUp() {
	if f.claim != nil {
		f.claim.Close()
		f.claim = nil
	}
}

// fileName is the file of d: by when its browser ended, in digits enough
// for the names to sort as the times do.
func (f *draftFile) fileName(d *tui.Draft) string {
	return fmt.Sprintf("%s-%020d.json", f.key, d.Ended.UnixNano())
}

// Keep implements tui.Drafts: beside the others kept; the draft this
// browser was given is kept as it is, given up for the next browser.
func (f *draftFile) Keep(d *tui.Draft) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.holds(d) {
		f.giveUp()
		return nil
	}
	return writeState(filepath.Join(f.dir, f.fileName(d)), d)
}

// Drop implements tui.Drafts: the draft this browser was given goes,
// and no other: not another kept since, nor one another browser holds.
func (f *draftFile) Drop(d *tui.Draft) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.holds(d) {
		return nil
	}
	// Removed while still claimed, so that no other browser claims it
	// in between.
	defer f.giveUp()
	if err := os.Remove(filepath.Join(f.dir, f.name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
