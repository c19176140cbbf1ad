package main

import (
	"os"
	"strings"
	"testing"
)

// TestTypedWrongExits2: what is wrong with an event or source as typed,
// whatever the store holds (an id no event could have, an empty actor, a
// tag twice, a link to itself), is a usage error, exit 2, as a malformed
// date is; what the store holds or lacks (an id in use, a source not
// added) is a failure, exit 1. Neither changes the store.
func TestTypedWrongExits2(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		args string // split on |
		code int
		want string
	}{
		{"add|--id|a b|--title|x", exitUsage, `event "a b": id "a b": use the letters`},
		{"add|--id|é|--title|x", exitUsage, `id "é": use the letters`},
		{"add|--title|x|--actor|", exitUsage, `event "x": actor #1: empty`},
		{"add|--title|x|--tag|a|--tag|A", exitUsage, `listed twice`},
		{"add|--title|x|--date-source|wapo", exitUsage, `needs date_text`},
		{"edit|fbi-tip|--set|title=", exitUsage, `event "fbi-tip": title: missing`},
		{"edit|fbi-tip|--set|tags=a,a", exitUsage, `tag "a": listed twice`},
		{"link|fbi-tip|disputes|fbi-tip", exitUsage, `an event cannot be linked to itself`},
		{"source|add|--id|a b|--publisher|P", exitUsage, `source "a b": id "a b": use the letters`},
		{"add|--id|fbi-tip|--title|x", exitFailure, `id already in use`},
		{"add|--title|x|--date-text|then|--date-source|nowhere", exitFailure, `no such source`},
		{"link|fbi-tip|disputes|nowhere", exitFailure, `no such event`},
	} {
		before := chrono(t, db, "", "log").stdout
		r := chrono(t, db, "", strings.Split(tt.args, "|")...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("chrono %s: exit %d, %q; want exit %d, %q", strings.ReplaceAll(tt.args, "|", " "), r.code, r.stderr, tt.code, tt.want)
		}
		if after := chrono(t, db, "", "log").stdout; after != before {
			t.Errorf("chrono %s changed the store:\n%s", strings.ReplaceAll(tt.args, "|", " "), after)
		}
	}
}

// TestAddTypedWrongMakesNoStore: an add refused for what was typed
// leaves no new store behind it.
func TestAddTypedWrongMakesNoStore(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "a b", "--title", "x"); r.code != exitUsage || strings.Contains(r.stderr, "started a new investigation") {
		t.Errorf("add --id 'a b': %+v", r)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a store was made at %s: %v", db, err)
	}
}
