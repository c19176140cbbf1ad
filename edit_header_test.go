package main

import (
	"strings"
	"testing"
)

// TestEditHeaderBesideInvestigation: edit's flag for the investigation's
// title and description is --header, so that the root's --investigation
// NAME (which chooses the investigation of a database) means the same on
// edit as on every other command.
func TestEditHeaderBesideInvestigation(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "new", db); r.code != 0 {
		t.Fatalf("new: %+v", r)
	}
	r := chrono(t, db, "", "edit", "--investigation", "default", "--header", "--set", "title=Renamed case")
	if r.code != 0 {
		t.Fatalf("edit --investigation default --header: exit %d: %s", r.code, r.stderr)
	}
	if r := chrono(t, db, "", "log"); !strings.Contains(r.stdout, "titled the investigation “Renamed case”") {
		t.Fatalf("the log does not show the new title:\n%s%s", r.stdout, r.stderr)
	}
}

// TestEditHeaderWithAnID: edit --header given an event's id says that
// the header is the investigation's and how to edit the event; it said
// "edit takes no arguments", which edit does take.
func TestEditHeaderWithAnID(t *testing.T) {
	r := chrono(t, exampleDB(t), "", "edit", "--header", "fbi-tip")
	if r.code != exitUsage || !strings.Contains(r.stderr, "edit --header takes no event ID") || !strings.Contains(r.stderr, "leave --header out") {
		t.Errorf("edit --header ID: exit %d, %q", r.code, r.stderr)
	}
}
