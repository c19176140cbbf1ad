package main

import "testing"

// TestSourceListSaysItHasNone: source list of an investigation with no
// sources says so on stderr, and how to add one; it printed nothing.
func TestSourceListSaysItHasNone(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	r := chrono(t, db, "", "source", "list")
	if want := "no sources in this investigation; add one with chrono source add --publisher P --title T\n"; r.code != 0 || r.stdout != "" || r.stderr != want {
		t.Errorf("source list: exit %d, stdout %q, stderr %q; want stderr %q", r.code, r.stdout, r.stderr, want)
	}
}
