package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestListJSONImports: what chrono list --json prints imports into
// another store, as chrono JSON Lines; a quote's source the other store
// lacks is a problem with its place, as in a chrono JSON document.
func TestListJSONImports(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	lines := chrono(t, db, "", "list", "--json").stdout
	var example map[string]any
	b, err := os.ReadFile("timeline.example.json")
	if err != nil || json.Unmarshal(b, &example) != nil {
		t.Fatal("the example does not read")
	}
	example["events"] = []any{}
	sources, _ := json.Marshal(example)

	empty := newDB(t)
	r := chrono(t, empty, lines, "import", "-")
	if r.code != 1 || !strings.Contains(r.stderr, `stdin:1:70: event "nso-mobileum-call" (#1): date_source "wapo": no such source`+"\n") {
		t.Errorf("into a store without the sources: %+v", r)
	}
	if got := chrono(t, empty, "", "list").stdout; got != "" {
		t.Errorf("a failed import left events:\n%s", got)
	}

	// A store with the sources takes the events, under auto and under
	// --format json alike.
	for _, format := range []string{"auto", "json"} {
		other := newDB(t)
		if r := chrono(t, other, string(sources), "import", "-"); r.code != 0 {
			t.Fatalf("the example's sources: %+v", r)
		}
		r := chrono(t, other, lines, "import", "--format", format, "-")
		if r.code != 0 || !strings.Contains(r.stdout, "imported 13 events (13 new, 0 updated) from stdin") {
			t.Fatalf("--format %s: %+v", format, r)
		}
		if format == "auto" && !strings.Contains(r.stdout, "detected chrono JSON Lines") {
			t.Errorf("the import does not say what it read: %s", r.stdout)
		}
		if again := chrono(t, other, "", "list", "--json").stdout; again != lines {
			t.Errorf("--format %s: the imported events list differently:\n%s\nwant\n%s", format, again, lines)
		}
	}
}
