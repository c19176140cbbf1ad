package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import's problems read FILE:LINE:COL: … at the start of each line
// into a database as into a file, for editors that jump to them.
func TestImportProblemsInDatabaseStartWithTheirPlace(t *testing.T) {
	addr, name := pgDB(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"chrono":1,"events":[{"id":"a","title":"x","date":"2020-13"},{"id":"b","staus":"confirmed","title":"y"}]}`), 0o600)
	r := chrono(t, addr, "", "--investigation", name, "import", bad)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code == 0 || len(lines) != 3 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, bad+":1:") {
			t.Errorf("a problem does not start with its place: %q", l)
		}
	}
}
