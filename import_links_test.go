package main

import (
	"strings"
	"testing"
)

// TestImportSaysWhatToDoOfMissingReferences: JSON Lines of one store
// imported into another lack the sources their quotes cite, and the
// events their links name; the import says what to do of each, the
// sources too, which it named one by one with no advice.
func TestImportSaysWhatToDoOfMissingReferences(t *testing.T) {
	from := newDB(t)
	mustChrono(t, from, "import", "timeline.example.json")
	lines := mustChrono(t, from, "list", "--json", "--tag", "whistleblower").stdout
	r := chrono(t, newDB(t), lines, "import", "-")
	for _, want := range []string{
		`quote #1: source "wapo": no such source`,
		"a source above is neither in the file nor in this store: add it first (chrono source add --id ID --publisher P --title T)",
		"chrono JSON Lines (what chrono list --json prints) carry no sources",
		"a link above names an event neither the import nor this store has",
	} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("the import says no %q: %+v", want, r)
		}
	}
}
