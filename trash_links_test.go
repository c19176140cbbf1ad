package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyTrashKeepsExportsImportable: emptying the trash removes the
// links to the events in it, names them, and records them in the
// journal, and the store's exports still import.
func TestEmptyTrashKeepsExportsImportable(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	if r := chrono(t, db, "", "rm", "nso-denial"); r.code != 0 {
		t.Fatalf("rm: %+v", r)
	}
	roundTrip := func(when string) {
		t.Helper()
		for _, format := range []string{"json", "timesketch"} {
			file := filepath.Join(t.TempDir(), "x."+format)
			r := chrono(t, db, "", "export", "--format", format, "-o", file)
			if r.code != 0 {
				t.Fatalf("%s: export --format %s: %+v", when, format, r)
			}
			if r := chrono(t, newDB(t), "", "import", file); r.code != 0 || !strings.Contains(r.stdout, "imported 12 events (12 new") {
				t.Errorf("%s: import of the %s export into a new store: %+v", when, format, r)
			}
		}
	}

	r := chrono(t, db, "", "trash", "--empty")
	if want := "emptied the trash of 1 event (#3)\nremoved 1 link to it from 1 event:\n  nso-mobileum-call disputed-by nso-denial\n"; r.code != 0 || r.stdout != want {
		t.Errorf("trash --empty: %+v\nwant stdout %q", r, want)
	}
	if r := chrono(t, db, "", "show", "nso-mobileum-call"); r.code != 0 || strings.Contains(r.stdout, "nso-denial") {
		t.Errorf("show after the purge still names nso-denial: %+v", r)
	}
	if r := chrono(t, db, "", "log", "-n", "1"); !strings.Contains(r.stdout, "nso-denial removed for good") || !strings.Contains(r.stdout, "nso-mobileum-call changed: links") {
		t.Errorf("the purge's journal entry: %+v", r)
	}
	roundTrip("purged")
}
