package bolt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRefusesAPathEndingInASlash: a new store's path that ends in a
// slash names a directory. Refused before anything is made, it leaves no
// empty directory behind, as making the store's parent directories would.
func TestOpenRefusesAPathEndingInASlash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case") + string(filepath.Separator)
	s, err := Open(path, Options{})
	if err == nil {
		s.Close()
		t.Fatalf("Open(%s) succeeded", path)
	}
	if !strings.Contains(err.Error(), "names a directory") {
		t.Errorf("Open(%s): %v, want it to say the path names a directory", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Open(%s) left %v behind", path, entries)
	}
}
