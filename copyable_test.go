package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewSaysAPathToCopy: the commands chrono new suggests quote a path
// a shell would split, so that they can be copied as they are.
func TestNewSaysAPathToCopy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dir with spaces", "my store.db")
	r := mustChrono(t, db, "new", db)
	if want := "open it with chrono --db '" + db + "'; add events with A there, or chrono --db '" + db + "' add"; !strings.Contains(r.stderr, want) {
		t.Errorf("chrono new: stderr %q, want %q in it", r.stderr, want)
	}
	r = chrono(t, db, "", "new", db)
	if want := "(open this one with chrono --db '" + db + "')"; r.code == 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("chrono new again: exit %d, stderr %q, want %q in it", r.code, r.stderr, want)
	}
}
