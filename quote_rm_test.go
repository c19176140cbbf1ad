package main

import (
	"strings"
	"testing"
)

// TestQuoteRmTakesOnlyANumber: quote rm removes the quote its argument
// numbers, and refuses anything else, removing nothing; "2x" and "1.5"
// removed quotes 2 and 1, and "-1" was taken for an unknown flag.
func TestQuoteRmTakesOnlyANumber(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	before := chrono(t, db, "", "show", "nso-mobileum-call").stdout
	for _, arg := range []string{"2x", "1.5", "0", " 1", "one", "-1"} {
		r := chrono(t, db, "", "quote", "rm", "nso-mobileum-call", arg)
		if r.code != 2 || !strings.Contains(r.stderr, "takes the number of a quote (as chrono show lists them), 1 or more") {
			t.Errorf("quote rm nso-mobileum-call %q: %+v", arg, r)
		}
	}
	if after := chrono(t, db, "", "show", "nso-mobileum-call").stdout; after != before {
		t.Errorf("the quotes changed:\n%s\nwere:\n%s", after, before)
	}
	if r := chrono(t, db, "", "quote", "rm", "nso-mobileum-call", "2"); r.code != 0 {
		t.Errorf("quote rm nso-mobileum-call 2: %+v", r)
	}
}
