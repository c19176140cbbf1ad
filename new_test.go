package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chrono new refuses, before it makes anything, a path that is empty or
// a directory, and a file name that gives no title.
func TestNewRefusesBeforeMakingAnything(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		path string
		code int
		want string
	}{
		{"", 2, "chrono new needs where to keep the investigation"},
		{dir, 1, "is a directory; give the path of the store file to make, such as " + filepath.Join(dir, "case.db")},
		{filepath.Join(dir, " .db"), 2, "needs a title"},
	} {
		r := chrono(t, filepath.Join(dir, "unused.db"), "", "new", tt.path)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("new %q: %+v, want exit %d and %q", tt.path, r, tt.code, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
