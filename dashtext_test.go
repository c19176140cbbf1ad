package main

import (
	"strings"
	"testing"
)

// TestTextThatStartsWithADash: text given as an argument that starts
// with a dash (tag e -1, note e --later) is refused as a usage error that
// says to put -- before it, and nothing is written; after -- it is kept.
// A path (import -x.json) may also be written ./-x.json, which it says
// too. The flag parser's "unknown shorthand flag: '1' in -1" said
// neither.
func TestTextThatStartsWithADash(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--id", "e", "--title", "E")
	const how = "put -- before it: what follows -- is never read as a flag\n"
	for _, c := range []struct {
		args   string
		stderr string
	}{
		{"tag e -1", "chrono: -1 reads as a flag, which tag does not have; to have it read as TAG, " + how},
		{"tag e a -x b", "chrono: -x reads as a flag, which tag does not have; to have it read as TAG, " + how},
		{"untag e --1", "chrono: --1 reads as a flag, which untag does not have; to have it read as TAG, " + how},
		{"note e -1", "chrono: -1 reads as a flag, which note does not have; to have it read as TEXT, " + how},
		{"note e --later", "chrono: --later reads as a flag, which note does not have; to have it read as TEXT, " + how},
		{"note e ---", "chrono: --- reads as a flag, which note does not have; to have it read as TEXT, " + how},
		// A path can also be written ./-x.json.
		{"import -x.json", "chrono: -x.json reads as a flag, which import does not have; to have it read as FILE, write it ./-x.json, or " + how},
		{"import --x.json", "chrono: --x.json reads as a flag, which import does not have; to have it read as FILE, write it ./--x.json, or " + how},
		{"new -x.db", "chrono: -x.db reads as a flag, which new does not have; to have it read as PATH, write it ./-x.db, or " + how},
		// A command that takes no text says what it does take.
		{"show -1", `chrono: show takes the ID of an event (see chrono list); "-1" is not an ID: IDs start with a letter or digit` + "\n"},
	} {
		r := chrono(t, db, "", strings.Fields(c.args)...)
		name := strings.Fields(c.args)[0]
		want := c.stderr + "Run 'chrono " + name + " --help' for usage.\n"
		if r.code != exitUsage || r.stdout != "" || r.stderr != want {
			t.Errorf("chrono %s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", c.args, r.code, r.stdout, r.stderr, exitUsage, want)
		}
	}
	if r := mustChrono(t, db, "log"); strings.Count(r.stdout, "\n#") != 1 {
		t.Errorf("a refused command wrote:\n%s", r.stdout)
	}
	mustChrono(t, db, "tag", "e", "--", "-1")
	mustChrono(t, db, "note", "e", "--", "-1")
	if r := mustChrono(t, db, "show", "e"); !strings.Contains(r.stdout, "#-1") || !strings.Contains(r.stdout, "-1\n") {
		t.Errorf("after --, the tag and note are not kept:\n%s", r.stdout)
	}
}
