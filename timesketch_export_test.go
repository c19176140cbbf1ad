package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimesketchOwnCSVExportImportsBack: the CSV Timesketch's own export
// writes of a timeline chrono made adds its bookkeeping columns (_id,
// _index, __ts_timeline_id, an empty label) and writes lists as Python
// does; imported back into the store it came from, it changes nothing.
// Every event took the columns as lines of its summary, and a list of
// actors so written stopped the import.
func TestTimesketchOwnCSVExportImportsBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustChrono(t, db, "import", "timeline.example.json")
	written := filepath.Join(dir, "chrono.csv")
	mustChrono(t, db, "export", "--format", "timesketch-csv", "-o", written)
	f, err := os.Open(written)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	actors := -1
	for i, name := range rows[0] {
		if name == "actors" {
			actors = i
		}
	}
	if actors < 0 {
		t.Fatalf("no actors column in %q", rows[0])
	}
	rows[0] = append(rows[0], "_id", "_index", "__ts_timeline_id", "label")
	for i, row := range rows[1:] {
		// ["Apple", "NSO Group"] as pandas writes it: ['Apple', 'NSO Group']
		if a := row[actors]; a != "" {
			row[actors] = strings.NewReplacer(`","`, `', '`, `["`, `['`, `"]`, `']`).Replace(a)
		}
		rows[i+1] = append(row, "AZ"+strings.Repeat("x", i), "3f2a9c0b1d4e", "3", "[]")
	}
	exported := filepath.Join(dir, "from-timesketch.csv")
	out, err := os.Create(exported)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	out.Close()
	r := chrono(t, db, "", "import", "--dry-run", exported)
	if r.code != 0 || !strings.Contains(r.stdout, "0 updated, 13 unchanged") || !strings.Contains(r.stdout, "attributes of Timesketch's own") {
		t.Errorf("Timesketch's export of chrono's file: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}
