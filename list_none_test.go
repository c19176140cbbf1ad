package main

import (
	"bytes"
	"strings"
	"testing"

	"chrono/tui/sshd"
)

// TestListSaysWhyItListsNothing: a list of no events says on stderr why,
// stdout left empty for scripts: the investigation has none (and how to
// add or import some, and what the trash holds), or none matches the
// filter, named as typed. list printed nothing and exited 0 either way.
func TestListSaysWhyItListsNothing(t *testing.T) {
	const empty = "no events in this investigation; add one with chrono add --title TITLE, or import a file with chrono import FILE\n"
	db := newDB(t)
	mustChrono(t, db, "new", db)
	steps := []struct {
		args   []string
		stderr string
	}{
		{[]string{"list"}, empty},
		{[]string{"list", "--json"}, empty},
		{nil, empty}, // chrono with no terminal lists as list does
		{[]string{"add", "--id", "e", "--title", "E", "--date", "2017", "--status", "confirmed"}, ""},
		{[]string{"list", "--during", "Aug 2018", "--status", "confirmed"}, "no events match --during 'Aug 2018' --status confirmed (the investigation has 1 event)\n"},
		{[]string{"list", "--json", "--during", "2019"}, "no events match --during 2019 (the investigation has 1 event)\n"},
		{[]string{"rm", "e"}, ""},
		{[]string{"list"}, "no events in this investigation (1 event in the trash: chrono trash lists it); add one with chrono add --title TITLE, or import a file with chrono import FILE\n"},
	}
	for _, s := range steps {
		r := chrono(t, db, "", s.args...)
		if s.stderr == "" {
			if r.code != 0 {
				t.Fatalf("chrono %s: %+v", strings.Join(s.args, " "), r)
			}
			continue
		}
		if r.code != 0 || r.stdout != "" || r.stderr != s.stderr {
			t.Errorf("chrono %s: exit %d, stdout %q, stderr %q; want stderr %q", strings.Join(s.args, " "), r.code, r.stdout, r.stderr, s.stderr)
		}
	}
	// Over SSH the investigation is read, not added to.
	var stdout, stderr bytes.Buffer
	code := runServed(sshd.Investigation{Name: "case", Path: db}, []string{"list"}, &stdout, &stderr)
	if want := "no events in this investigation yet (1 event in the trash)\n"; code != 0 || stdout.Len() != 0 || stderr.String() != want {
		t.Errorf("list over SSH: exit %d, stdout %q, stderr %q; want stderr %q", code, stdout.String(), stderr.String(), want)
	}
}
