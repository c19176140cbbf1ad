package main

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"chrono/model/modeltest"
)

// The hostile fixture holds every kind of control a terminal acts on
// (CSI, OSC 52 and 8, a title, an unterminated OSC, DCS, APC, PM, SOS, C1
// controls, C0 controls, bidirectional overrides and isolates, line and
// paragraph separators) in every text field, JSON-escaped and, where JSON
// allows, raw.
const hostileFixture = "testdata/hostile/hostile.json"

// TestHostileTextNeverReachesTheTerminal runs every command that prints
// the investigation's text, and an import whose errors quote it, and
// checks every byte they print (exports to a terminal are checked in
// TestExportToATerminal): no escape, no control character but
// newline (and tab), no C1 control, no bidirectional control.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", hostileFixture); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"list", "--tag", "bidi\u202etag"}, {"tag", "h1", "bidi\u202etag"}, {"show", "h1"}, {"show", "h2"},
		{"export", "--format", "markdown"},
		{"import", "testdata/hostile/hostile-bad.json"}, {"show", "bad\x1b]52;c;eA==\x07"}, {"tag", "h1", "\x1b[31m"},
		{"list", "--actor", "\x1b]0;owned\x07"},
		{"note", "h1", "\x1b[2J\u202enote"}, {"edit", "h1", "--set", "title=\x1b]0;t\x07"},
		{"log"}, {"log", "--json"}, {"log", "h1"}, {"source", "list"}, {"rm", "h1"}, {"trash"}, {"undo"},
	} {
		r := chrono(t, db, "", args...)
		for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if bad := modeltest.TerminalControl(out, true); bad >= 0 {
				t.Errorf("chrono %q: %s has %q at byte %d: %q", args, name, out[bad:min(bad+8, len(out))], bad, out[max(bad-40, 0):min(bad+20, len(out))])
			}
		}
	}
}

// TestHostileTextIsKeptExactly: what the store shows safely it keeps as it
// came; chrono JSON exports the very strings imported.
func TestHostileTextIsKeptExactly(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", hostileFixture)
	r := chrono(t, db, "", "export")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	want, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	var in, out any
	if err := json.Unmarshal(want, &in); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("the export is not the document imported:\n%s", r.stdout)
	}
}

// The fixture must hold what it says, or the test above proves nothing.
func TestHostileFixtureIsHostile(t *testing.T) {
	b, err := os.ReadFile(hostileFixture)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, want := range []string{`\u001b[2J`, `\u001b]52;`, `\u001b]8;;`, `\u001b]0;`, `\u001bP`, `\u001b_`, `\u001b^`, `\u001bX`,
		`\u009b`, `\u0085`, `\u0000`, `\u0007`, `\b`, `\r`, `\u007f`, `\u202e`, `\u2066`, `\u2028`, "\u009b", "\u202e", "\u2028"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the fixture lacks %q", want)
		}
	}
}
