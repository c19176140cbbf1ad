//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditorFailingIsChronosFailure: an editor that exits with a status
// of its own fails the edit with chrono's exit code for a failure, not
// the editor's (an editor's 2 read as chrono's usage error), and says it.
func TestEditorFailingIsChronosFailure(t *testing.T) {
	db := exampleDB(t)
	ed := filepath.Join(t.TempDir(), "ed")
	if err := os.WriteFile(ed, []byte("#!/bin/sh\nexit 7\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", ed)
	r := chrono(t, db, "", "edit", "fbi-tip")
	if r.code != exitFailure || !strings.Contains(r.stderr, "exit status 7; nothing saved") {
		t.Errorf("an editor exiting 7: exit %d, %q", r.code, r.stderr)
	}
}
