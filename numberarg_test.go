package main

import (
	"strings"
	"testing"
)

// TestNegativeNumberArgument: a negative number where a command takes an
// ID, or nothing, is refused saying what the command takes, as revert
// says it of its number, and not as a flag the command does not know;
// nothing is written.
func TestNegativeNumberArgument(t *testing.T) {
	db := exampleDB(t)
	before := mustChrono(t, db, "log").stdout
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"show", "-1"}, `show takes the ID of an event (see chrono list); "-1" is not an ID: IDs start with a letter or digit`},
		{[]string{"undo", "-1"}, `undo takes no arguments, got "-1"`},
		{[]string{"revert", "-1"}, `revert takes the number of a change (see chrono log), 1 or more; "-1" is not one`},
		{[]string{"log", "-2"}, `log takes an event's ID, or none for the whole journal; "-2" is not an ID`},
		{[]string{"edit", "-1", "--set", "title=x"}, `edit takes the ID of an event (see chrono list), or --header; "-1" is not an ID`},
		{[]string{"rm", "-1"}, `rm takes the ID of at least one event; "-1" is not an ID`},
		{[]string{"restore", "-1"}, `restore takes the ID of at least one event in the trash (see chrono trash); "-1" is not an ID`},
		{[]string{"link", "fbi-tip", "supports", "-1"}, `link takes an event ID, a relation (`},
		{[]string{"source", "rm", "-1"}, `source rm takes the source's ID (chrono source list); "-1" is not an ID`},
		{[]string{"quote", "add", "-1", "--text", "x"}, `quote add takes the event's ID; "-1" is not an ID`},
		{[]string{"list", "-1"}, `list takes no arguments, got "-1"`},
	}
	for _, tt := range tests {
		r := chrono(t, db, "", tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "unknown shorthand flag") {
			t.Errorf("%s: %+v, want exit 2 and %q", strings.Join(tt.args, " "), r, tt.want)
		}
	}
	// A tag or a note's text may be "-1": for those the answer is --.
	if r := chrono(t, db, "", "tag", "fbi-tip", "-1"); r.code != 2 || !strings.Contains(r.stderr, "put -- before it") {
		t.Errorf("tag fbi-tip -1: %+v", r)
	}
	if after := mustChrono(t, db, "log").stdout; after != before {
		t.Errorf("the journal changed:\n%s\nwas:\n%s", after, before)
	}
}
