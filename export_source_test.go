package main

import (
	"strings"
	"testing"
)

// TestExportBySourceAndActor: an export chooses events as chrono list
// does by --source (a quote citing it, or its date's anchor) and by
// --actor; the evidence export, the whole record, refuses both.
func TestExportBySourceAndActor(t *testing.T) {
	db := exampleDB(t)
	for _, c := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--source", "wapo"}, "miller-contacts-lieu", "apple-sues-nso"},
		{[]string{"--actor", "Apple"}, "apple-sues-nso", "nso-denial"},
	} {
		args := append([]string{"export", "--format", "csv"}, c.args...)
		r := chrono(t, db, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) || strings.Contains(r.stdout, c.not) {
			t.Errorf("chrono %q: %+v; want %s and not %s", args, r, c.want, c.not)
		}
		list := chrono(t, db, "", append([]string{"list"}, c.args...)...)
		if n, m := strings.Count(r.stdout, "\n")-1, strings.Count(list.stdout, "\n"); n != m {
			t.Errorf("chrono %q: %d events; chrono list %q: %d", args, n, c.args, m)
		}
	}
	r := chrono(t, db, "", "export", "--format", "evidence", "-o", t.TempDir()+"/ev", "--source", "wapo")
	if r.code == 0 || !strings.Contains(r.stderr, "whole record") {
		t.Errorf("evidence --source: %+v", r)
	}
}
