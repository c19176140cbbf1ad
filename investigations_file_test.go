package main

import (
	"strings"
	"testing"
)

// TestInvestigationOfAFile: --investigation NAME chooses an investigation
// of a database; for a store file, which holds one, it is refused rather
// than let an import meant for NAME go into the file's own. default, the
// file's one, is let be.
func TestInvestigationOfAFile(t *testing.T) {
	db := exampleDB(t)
	before := chrono(t, db, "", "list").stdout
	for _, args := range [][]string{
		{"--investigation", "leaks", "import", "timeline.example.json"},
		{"--investigation", "leaks", "list"},
		{"new", newDB(t), "--investigation", "leaks"},
	} {
		r := chrono(t, db, "", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "holds one investigation") {
			t.Errorf("%q: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := chrono(t, db, "", "--investigation", "default", "list"); r.code != 0 || r.stdout != before {
		t.Errorf("--investigation default: exit %d\n%s", r.code, r.stderr)
	}
	t.Setenv("CHRONO_INVESTIGATION", "leaks")
	if r := chrono(t, db, "", "list"); r.code != 0 || r.stdout != before {
		t.Errorf("CHRONO_INVESTIGATION with a file: exit %d\n%s", r.code, r.stderr)
	}
}

// TestEmptyInvestigationIsRefused: --investigation "" went to the default
// investigation without a word, where --db "" is refused.
func TestEmptyInvestigationIsRefused(t *testing.T) {
	db := exampleDB(t)
	for _, name := range []string{"", " "} {
		if r := chrono(t, db, "", "--investigation", name, "list"); r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "--investigation needs a name") {
			t.Errorf("--investigation %q: %+v", name, r)
		}
	}
}
