package main

import (
	"strings"
	"testing"
)

// TestASourceIDGivenForAnEvent: a source's id given where an event's
// goes says so, and where the source shows, rather than only that no
// event has it.
func TestASourceIDGivenForAnEvent(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	for _, args := range [][]string{{"show", "wapo"}, {"log", "wapo"}, {"tag", "wapo", "x"}} {
		r := chrono(t, db, "", args...)
		if want := `no such event "wapo"; "wapo" is a source's id, not an event's: chrono source show wapo shows it`; r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: %+v, want %q", strings.Join(args, " "), r, want)
		}
	}
}
