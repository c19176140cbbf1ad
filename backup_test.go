package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupToStdoutIsRefused: export -o - writes to stdout, but a
// backup is a file read back whole before it is said to be made, so
// backup -o - is refused, rather than a file named "-" made beside the
// shell while a pipe waiting for the copy gets nothing.
func TestBackupToStdoutIsRefused(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	dir := t.TempDir()
	t.Chdir(dir)
	r := chrono(t, db, "", "backup", "-o", "-")
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "backup -o -:") || !strings.Contains(r.stderr, "./-") {
		t.Errorf("backup -o -: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`backup -o - made a file named "-"`)
	}
	// A file named "-" can still be had, by a path that says so.
	if r := chrono(t, db, "", "backup", "-o", "./-"); r.code != 0 {
		t.Errorf("backup -o ./-: %+v", r)
	} else if _, err := os.Stat(filepath.Join(dir, "-")); err != nil {
		t.Errorf("backup -o ./- wrote no copy: %v", err)
	}
}
