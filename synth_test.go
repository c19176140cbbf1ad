package main

import (
	"strings"
	"testing"
)

// TestSynthTakesNoStore: synth never touches a store, so --db and the
// other store flags are refused and left out of its help.
func TestSynthTakesNoStore(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"synth", "--events", "1", "--db", "x.db"}, {"--db", "x.db", "synth", "--events", "1"}, {"synth", "--events", "1", "--author", "me"}} {
		r := chrono(t, db, "", args...)
		if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "synth uses no store") {
			t.Errorf("chrono %s: exit %d, %q, %d bytes out; want a usage error", strings.Join(args, " "), r.code, r.stderr, len(r.stdout))
		}
	}
	if r := chrono(t, db, "", "synth", "--events", "1"); r.code != 0 || !strings.Contains(r.stdout, `"events"`) {
		t.Errorf("synth --events 1: %+v", r)
	}
	help := chrono(t, db, "", "synth", "--help").stdout
	if strings.Contains(help, "--db") || strings.Contains(help, "--author") || !strings.Contains(help, "--events") {
		t.Errorf("synth --help offers the store's flags:\n%s", help)
	}
	if help := chrono(t, db, "", "list", "--help").stdout; !strings.Contains(help, "--db") {
		t.Errorf("list --help lost --db:\n%s", help)
	}
}

// TestSynthSaysHowToGiveTheCount: a count given as an argument is
// refused with the flag that takes it.
func TestSynthSaysHowToGiveTheCount(t *testing.T) {
	r := chrono(t, newDB(t), "", "synth", "200000")
	if want := "give the number of events with --events 200000"; r.code != 2 || !strings.Contains(r.stderr, want) {
		t.Errorf("synth 200000: exit %d, stderr %q; want %q in it", r.code, r.stderr, want)
	}
}
