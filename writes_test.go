package main

import (
	"strings"
	"testing"
)

// TestWriteAfterABrokenChainWarns: a change written to a store whose
// journal was altered outside chrono is kept, chained after the break,
// and each writing command says so; before, they went on without a word,
// and only verify --journal or the browser told. A sound store's writes
// say nothing more.
func TestWriteAfterABrokenChainWarns(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 || r.stderr != "" && args[0] != "import" {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	const warning = "warning: the journal's chain breaks at entry #2 (content); this change is recorded after the break, which stays"
	if r := chrono(t, db, "", "tag", "fbi-tip", "sound"); r.code != 0 || strings.Contains(r.stderr, "warning") {
		t.Errorf("a write to a sound store: %+v", r)
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	for _, args := range [][]string{
		{"tag", "fbi-tip", "again"},
		{"note", "fbi-tip", "a note after the break"},
		{"rm", "fbi-tip"},
		{"restore", "fbi-tip"},
		{"rm", "fbi-tip"},
		{"trash", "--empty"},
		{"import", "timeline.example.json"}, // puts the trashed event back
	} {
		r := chrono(t, db, "", args...)
		if r.code != 0 || !strings.Contains(r.stderr, warning) || strings.Count(r.stderr, "warning:") != 1 ||
			strings.Contains(r.stderr, "chrono undo") { // which refuses it

			t.Errorf("%v after the break: %+v\nwant %q", args, r, warning)
		}
	}
	// Nothing written, nothing more said: the chain is for verify to name.
	chrono(t, db, "", "tag", "fbi-tip", "again")
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "again"}} {
		if r := chrono(t, db, "", args...); r.code != 0 || strings.Contains(r.stderr, "warning") {
			t.Errorf("%v, which changes nothing, after the break: %+v", args, r)
		}
	}
}
