package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditedDateTextNamesTheWholeDate: words a TimelineJS date gave its
// start go back to its start_date on export; once edited by hand they
// are words of the whole date, and once cleared they name nothing.
func TestEditedDateTextNamesTheWholeDate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	in := filepath.Join(dir, "in.json")
	const file = `{"events": [{"unique_id": "s", "start_date": {"year": 2017, "month": 8, "display_date": "Summer 2017"}, "text": {"headline": "Meeting"}}]}`
	if err := os.WriteFile(in, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", in); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	export := func() string {
		t.Helper()
		r := chrono(t, db, "", "export", "--format", "json")
		if r.code != 0 {
			t.Fatalf("export: %+v", r)
		}
		return r.stdout
	}
	if got := export(); !strings.Contains(got, `"date_text_of": "start"`) {
		t.Fatalf("imported: no date_text_of start in\n%s", got)
	}
	if r := chrono(t, db, "", "edit", "s", "--set", "date_text=late summer 2017"); r.code != 0 {
		t.Fatalf("edit: %+v", r)
	}
	if got := export(); strings.Contains(got, "date_text_of") || !strings.Contains(got, `"date_text": "late summer 2017"`) {
		t.Errorf("edited: want the words of the whole date in\n%s", got)
	}
	if r := chrono(t, db, "", "undo"); r.code != 0 {
		t.Fatalf("undo: %+v", r)
	}
	if r := chrono(t, db, "", "edit", "s", "--set", "date_text="); r.code != 0 {
		t.Fatalf("edit: %+v", r)
	}
	if got := export(); strings.Contains(got, "date_text") {
		t.Errorf("cleared: want no date text in\n%s", got)
	}
}
