package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportFormatUnlikeFile: a file --format reads wrongly is refused
// with what it looks like and how to read it as that; a file the format
// fits says nothing more.
func TestImportFormatUnlikeFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "slides.json")
	doc := `{"events": [{"start_date": {"year": "2017"}, "text": {"headline": "NSO offers cash"}}]}`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	for _, format := range []string{"json", "timesketch", "csv"} {
		r := chrono(t, db, "", "import", "--format", format, file)
		if r.code == 0 || !strings.HasSuffix(strings.TrimSpace(r.stderr), "slides.json looks like TimelineJS JSON: leave out --format, or give --format timelinejs") {
			t.Errorf("--format %s: %+v", format, r)
		}
	}
	r := chrono(t, db, "", "import", "--format", "timelinejs", file)
	if r.code != 0 || strings.Contains(r.stderr, "looks like") {
		t.Errorf("--format timelinejs: %+v", r)
	}
	if r := chrono(t, db, "", "import", "--format", "json", "timeline.example.json"); r.code != 0 {
		t.Errorf("--format json of chrono JSON: %+v", r)
	}
}
