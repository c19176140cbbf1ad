package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFlagIsOneName: export and backup name the file they write
// --output (-o) alike; backup's old --out still works for scripts, and
// help shows one name.
func TestOutputFlagIsOneName(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	dir := t.TempDir()
	for _, flag := range []string{"--output", "--out", "-o"} {
		copy := filepath.Join(dir, strings.TrimLeft(flag, "-")+".db")
		if r := chrono(t, db, "", "backup", flag, copy); r.code != 0 {
			t.Errorf("backup %s: %+v", flag, r)
		} else if _, err := os.Stat(copy); err != nil {
			t.Errorf("backup %s wrote no copy: %v", flag, err)
		}
	}
	help := chrono(t, db, "", "backup", "--help").stdout
	if !strings.Contains(help, "-o, --output") || strings.Contains(help, "--out ") {
		t.Errorf("backup --help:\n%s", help)
	}
}

// TestUsageLinesNameFlagsOnce: a usage line that names all of a
// command's flags does not end with cobra's "[flags]" as well.
func TestUsageLinesNameFlagsOnce(t *testing.T) {
	root := newRootCmd(&cli{})
	for _, name := range []string{"list", "import", "export", "backup", "check"} {
		cmd, _, err := root.Find([]string{name})
		if err != nil {
			t.Fatal(err)
		}
		if line := cmd.UseLine(); strings.Contains(line, "[flags]") {
			t.Errorf("usage line %q names the flags twice", line)
		}
	}
}
