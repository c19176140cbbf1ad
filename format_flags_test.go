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

// TestExportNotesOnlyForMarkdown: --notes, which only the Markdown draft
// needs, is refused with any other format, saying what that one does
// with notes, rather than taken and ignored.
func TestExportNotesOnlyForMarkdown(t *testing.T) {
	db := exampleDB(t)
	for _, format := range []string{"csv", "json", "timelinejs", "timesketch"} {
		r := chrono(t, db, "", "export", "--format", format, "--notes")
		if r.code != 2 || !strings.Contains(r.stderr, "--notes: only the Markdown draft leaves the notes out unless asked") || r.stdout != "" {
			t.Errorf("--format %s --notes: %+v", format, r)
		}
	}
	if r := chrono(t, db, "", "export", "--format", "markdown", "--notes"); r.code != 0 {
		t.Errorf("--format markdown --notes: %+v", r)
	}
}
