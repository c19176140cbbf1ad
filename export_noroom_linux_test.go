package main

import (
	"strings"
	"testing"
)

// TestExportSaysNoRoom: an export that meets a full disk says so, with
// what is left and what to do, in every format, rather than the JSON
// encoder's "jsontext: write error". /dev/full answers every write so.
func TestExportSaysNoRoom(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	for _, format := range []string{"json", "timelinejs", "timesketch", "csv", "markdown"} {
		r := chrono(t, db, "", "export", "--format", format, "-o", "/dev/full")
		if r.code == 0 || !strings.Contains(r.stderr, "no room to write /dev/full") ||
			!strings.Contains(r.stderr, "free some disk space") || strings.Contains(r.stderr, "jsontext") {
			t.Errorf("export --format %s -o /dev/full: exit %d, %q", format, r.code, r.stderr)
		}
	}
}
