package main

import (
	"strings"
	"testing"
)

// TestSourceJournalsAsTheBrowser: source add and edit journal their
// change as the browser's sources screen does, naming the source by its
// id, the one made too; add without --id wrote "added a source", and
// edit "edited source ID" where the browser writes "saved source ID".
func TestSourceJournalsAsTheBrowser(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	id := strings.TrimSpace(mustChrono(t, db, "source", "add", "--publisher", "The Post", "--title", "Bags").stdout)
	mustChrono(t, db, "source", "add", "--id", "s", "--title", "T")
	if r := mustChrono(t, db, "source", "edit", "s", "--url", "https://example.org"); r.stdout != "saved source s (#4)\n" {
		t.Errorf("source edit: %q", r.stdout)
	}
	log := mustChrono(t, db, "log").stdout
	for _, want := range []string{"  added source " + id + "\n", "  added source s\n", "  saved source s\n"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}
