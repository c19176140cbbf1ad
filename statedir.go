package main

import (
	"os"
	"path/filepath"

	"chrono/store/outfile"

	"github.com/go-json-experiment/json"
)

// stateDir is where chrono keeps what it notes of this machine's use of
// its stores, outside them: chrono in the XDG state directory
// ($XDG_STATE_HOME, else ~/.local/state), or "" when there is no home
// to keep it in.
func stateDir() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "chrono")
}

// writeState replaces the file at path in the state directory with v as
// JSON, whole or not at all, readable by its owner only: what chrono
// notes there is no one else's to read.
func writeState(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := outfile.Create(path, 0o600)
	if err != nil {
		return err
	}
	defer f.Abort() // after Commit, nothing to remove
	if _, err := f.Write(append(b, '\n')); err != nil {
		return err
	}
	return f.Commit()
}
