package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOfPartCountsItsLinksOut: an export of part of the timeline
// (--tag) keeps its events' links to the events it leaves out, for an
// import back into this store; it now counts them, saying that the file
// imports only into a store that holds those events (a new store refused
// it, and the export had said nothing). The whole timeline's export keeps
// no such link, and says none.
func TestExportOfPartCountsItsLinksOut(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	part := filepath.Join(dir, "ss7.json")
	r := chrono(t, db, "", "export", "--tag", "ss7", "-o", part)
	if r.code != 0 || !strings.Contains(r.stderr, "link kept to an event not exported: the file imports only into a store that holds it") {
		t.Errorf("export --tag ss7: %+v", r)
	}
	if r := chrono(t, filepath.Join(dir, "new.db"), "", "import", part); r.code == 0 || !strings.Contains(r.stderr, "no such event") {
		t.Errorf("the part imported into a new store: %+v", r)
	}
	if r := chrono(t, db, "", "export", "-o", filepath.Join(dir, "all.json")); r.code != 0 || strings.Contains(r.stderr, "not exported kept") || strings.Contains(r.stderr, "link kept") {
		t.Errorf("export of the whole timeline: %+v", r)
	}
}
