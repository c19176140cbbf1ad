package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model/timesketch"
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

// TestTimesketchRecordsWrittenBack: the same Timesketch record, written
// back by another tool with its time written otherwise, updates the
// event rather than adding it again; and a store holding a record under
// the id an earlier chrono made from its time as written keeps it.
func TestTimesketchRecordsWrittenBack(t *testing.T) {
	dir := t.TempDir()
	file := func(name, when string) string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(`{`+when+`, "timestamp_desc": "x", "message": "same"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	db := newDB(t)
	for i, when := range []string{`"datetime": "2021-06-01T12:00:00Z"`, `"datetime": "2021-06-01T12:00:00+00:00"`, `"timestamp": 1622548800000000`} {
		r := chrono(t, db, "", "import", file(fmt.Sprintf("z%d.jsonl", i), when))
		if want := fmt.Sprintf("(%d new,", 1-min(i, 1)); r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("%s: %+v, want %s", when, r, want)
		}
	}
	if r := chrono(t, db, "", "list"); strings.Count(r.stdout, "same") != 1 {
		t.Errorf("the record is listed more than once:\n%s", r.stdout)
	}

	_, old := timesketch.RecordID("2021-06-01T12:00:00Z", "x", "same")
	db = newDB(t)
	doc := fmt.Sprintf(`{"chrono": 1, "events": [{"id": %q, "date": "2021-06-01T12:00:00Z", "title": "same", "tags": ["mine"]}]}`, old)
	if err := os.WriteFile(filepath.Join(dir, "old.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	chrono(t, db, "", "import", filepath.Join(dir, "old.json"))
	if r := chrono(t, db, "", "import", filepath.Join(dir, "z0.jsonl")); r.code != 0 || !strings.Contains(r.stdout, "(0 new,") {
		t.Errorf("into a store holding the old id: %+v", r)
	}
}
