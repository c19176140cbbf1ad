package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimesketchExportImportsWithoutSkippedEvents: a Timesketch export
// skips the events it cannot date (before year 1, an open start, none)
// and leaves out the links other events make to them, saying how many,
// so that it imports into a new store.
func TestTimesketchExportImportsWithoutSkippedEvents(t *testing.T) {
	db := newDB(t)
	in := filepath.Join(t.TempDir(), "in.json")
	doc := `{"chrono":1,"title":"t","sources":[],"events":[
{"id":"e1","date":"2017","title":"later","links":[{"rel":"follows","event":"e3"},{"rel":"follows","event":"e4"},{"rel":"follows","event":"e5"},{"rel":"follows","event":"e2"}]},
{"id":"e2","date":"2016","title":"earlier","links":[{"rel":"precedes","event":"e1"}]},
{"id":"e3","date":"-0044-03-15","title":"ides of March"},
{"id":"e4","date":"../2019","title":"open start"},
{"id":"e5","title":"undated","links":[{"rel":"follows","event":"e2"}]}]}`
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", in); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	for _, format := range []string{"timesketch", "timesketch-csv"} {
		file := filepath.Join(t.TempDir(), "x."+format)
		r := chrono(t, db, "", "export", "--format", format, "-o", file)
		if r.code != 0 || !strings.Contains(r.stderr, "3 links to skipped events left out") {
			t.Errorf("export --format %s: %+v", format, r)
		}
		if r := chrono(t, newDB(t), "", "import", "--format", "timesketch", file); r.code != 0 || !strings.Contains(r.stdout, "imported 2 events (2 new") {
			t.Errorf("import of the %s export into a new store: %+v", format, r)
		}
	}
}
