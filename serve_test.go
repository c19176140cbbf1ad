package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
	"chrono/tui/sshd"
)

func TestServeExecRunsTheReadOnlyCommands(t *testing.T) {
	db := exampleDB(t)
	inv := sshd.Investigation{Name: "nso", Path: db}
	local := chrono(t, db, "", "list", "--tag", "denial")
	var out, errs bytes.Buffer
	if code := serveExec(inv, []string{"list", "--tag", "denial"}, &out, &errs); code != 0 || out.String() != local.stdout {
		t.Errorf("list over SSH: exit %d, %q, %q; locally %q", code, out.String(), errs.String(), local.stdout)
	}
	other := exampleDB(t)
	written := filepath.Join(t.TempDir(), "out.md")
	for _, args := range [][]string{
		{"list", "--db", other},
		{"export", "--format", "markdown", "-o", written},
		{"tag", "nso-denial", "x"},
		{"serve", "--users", "x"},
		{"import", "timeline.example.json"},
	} {
		out.Reset()
		errs.Reset()
		code := serveExec(inv, args, &out, &errs)
		if code == 0 || out.Len() > 0 || !strings.HasPrefix(errs.String(), "chrono: ") {
			t.Errorf("%q over SSH: exit %d, out %q, err %q", args, code, out.String(), errs.String())
		}
	}
	if _, err := os.Stat(written); err == nil {
		t.Error("export -o wrote a file on the server")
	}
	// The evidence directory needs -o, refused here: its refusal must not
	// ask for it.
	out.Reset()
	errs.Reset()
	if code := serveExec(inv, []string{"export", "--format", "evidence"}, &out, &errs); code == 0 || strings.Contains(errs.String(), "-o DIR") || !strings.Contains(errs.String(), "over SSH") {
		t.Errorf("export --format evidence over SSH: exit %d, err %q", code, errs.String())
	}
	// Nor does the refusal of a format it does not know offer it.
	out.Reset()
	errs.Reset()
	if code := serveExec(inv, []string{"export", "--format", "bogus"}, &out, &errs); code == 0 || strings.Contains(errs.String(), "evidence") || !strings.Contains(errs.String(), `--format "bogus": over SSH, chrono exports json,`) {
		t.Errorf("export --format bogus over SSH: exit %d, err %q", code, errs.String())
	}
	// A negative number for an ID is said as chrono says it locally, not
	// as a flag mistyped.
	out.Reset()
	errs.Reset()
	if code := serveExec(inv, []string{"show", "-1"}, &out, &errs); code != 2 || strings.Contains(errs.String(), "shorthand") || !strings.Contains(errs.String(), "show takes the ID of an event") {
		t.Errorf("show -1 over SSH: exit %d, err %q", code, errs.String())
	}
	if r := chrono(t, db, "", "log"); strings.Contains(r.stdout, "#x") {
		t.Error("a command over SSH tagged")
	}
}

func TestServeSaysWhatItNeeds(t *testing.T) {
	db := exampleDB(t)
	if r := chrono(t, db, "", "serve", "--db", db); r.code != exitUsage || !strings.Contains(r.stderr, "--users FILE") {
		t.Errorf("serve without --users: %+v", r)
	}
	users := filepath.Join(t.TempDir(), "users")
	os.WriteFile(users, []byte("ana writer ssh-ed25519 AAAA\n"), 0o600)
	if r := chrono(t, db, "", "serve", "--db", db, "--users", users, "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "k")); r.code != exitFailure || !strings.Contains(r.stderr, users+":1:5: role \"writer\"") {
		t.Errorf("serve with a bad users file: %+v", r)
	}
	r := chrono(t, db, "", "serve", "--systemd-unit")
	// The unit says how to put the binary where it runs it, and the stores
	// where its user may write them: go install and a copy made as root
	// leave neither so.
	if r.code != 0 || !strings.Contains(r.stdout, "[Service]") || !strings.Contains(r.stdout, "ExecStart=/usr/local/bin/chrono serve") ||
		!strings.Contains(r.stdout, "install -m 755 chrono /usr/local/bin/chrono") || !strings.Contains(r.stdout, "chown -R chrono: /var/lib/chrono") {
		t.Errorf("--systemd-unit: %+v", r)
	}
}

func TestServeInvestigationsFromADirectory(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"nso.db", "leaks.db", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
	}
	invs, err := serveInvestigations([]string{dir})
	if err != nil || len(invs) != 2 || invs[0].Name != "leaks" || invs[1].Name != "nso" {
		t.Errorf("a directory: %v, %v", invs, err)
	}
	// One store named twice, by its directory and by itself, and by two
	// spellings of its path: served once.
	invs, err = serveInvestigations([]string{dir, filepath.Join(dir, "nso.db"), filepath.Join(dir, ".", "nso.db")})
	if err != nil || len(invs) != 2 {
		t.Errorf("nso named three times: %v, %v", invs, err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "nso.db"), nil, 0o600)
	if _, err := serveInvestigations([]string{dir, filepath.Join(other, "nso.db")}); err == nil || !strings.Contains(err.Error(), "two investigations named nso") {
		t.Errorf("two stores named nso: %v", err)
	}
	// A name a person could not give: a command's, one with a space.
	for file, want := range map[string]string{
		"list.db":    "an investigation named list reads as chrono's command list over SSH",
		"my case.db": "may not hold spaces, quotes or backslashes, which the users file and ssh's command line read otherwise; rename the file (my-case.db)",
		"bo's.db":    "rename the file (bo-s.db)",
		".db":        "this one's name is empty; rename the file",
	} {
		path := filepath.Join(t.TempDir(), file)
		os.WriteFile(path, nil, 0o600)
		if _, err := serveInvestigations([]string{path}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", file, err, want)
		}
	}
}

// TestServeRefusesADatabase: chrono serve serves store files; given a
// PostgreSQL address it says so, and never prints the address's password.
func TestServeRefusesADatabase(t *testing.T) {
	const secret = "s3cret-pw"
	_, err := serveInvestigations([]string{"postgres://desk:" + secret + "@db.example/cases"})
	if err == nil || strings.Contains(err.Error(), secret) || !strings.Contains(err.Error(), "store files") {
		t.Errorf("serve --db postgres://…: %v", err)
	}
}

// An id the investigation lacks is answered over SSH with what can be
// run there: the listing by ssh, not chrono's commands, which do not run.
func TestServeExecAdvisesWhatRunsOverSSH(t *testing.T) {
	db := exampleDB(t)
	if r := chrono(t, db, "", "rm", "fbi-tip"); r.code != 0 {
		t.Fatalf("rm: %+v", r)
	}
	inv := sshd.Investigation{Name: "nso", Path: db}
	for _, c := range []struct{ id, want string }{
		{"nosuch", "ssh HOST -- nso list shows the ids"},
		{"fbi-tip", "it is in the trash"},
		{"nso-denail", `did you mean "nso-denial"?`},
	} {
		var out, errs bytes.Buffer
		code := serveExec(inv, []string{"show", c.id}, &out, &errs)
		if code != 1 || !strings.Contains(errs.String(), c.want) || strings.Contains(errs.String(), "chrono list") || strings.Contains(errs.String(), "chrono restore") || strings.Contains(errs.String(), "chrono trash") {
			t.Errorf("show %s over SSH: exit %d, %q; want %q and no chrono command", c.id, code, errs.String(), c.want)
		}
	}
}

// A command called wrongly over SSH names its help as it is asked for
// there.
func TestServeExecNamesHelpAsSSHAsksForIt(t *testing.T) {
	inv := sshd.Investigation{Name: "nso", Path: exampleDB(t)}
	var out, errs bytes.Buffer
	if code := serveExec(inv, []string{"list", "--during"}, &out, &errs); code != exitUsage || !strings.Contains(errs.String(), "Run 'ssh HOST -- nso list --help' for usage.") {
		t.Errorf("list --during over SSH: exit %d, %q", code, errs.String())
	}
}

// TestServedCSVExportStopsAtAControl: a CSV export carries text as it
// came, and is not printed to a terminal; over SSH, where chrono cannot
// tell that the client's terminal does not get it, an event's escape
// sequence (a title setting the window's name, a write to the clipboard)
// reached it raw. The export stops before the first such character,
// saying what to do; one with none goes through, whole.
func TestServedCSVExportStopsAtAControl(t *testing.T) {
	db := exampleDB(t)
	inv := sshd.Investigation{Name: "nso", Path: db}
	for _, format := range []string{"csv", "timesketch-csv"} {
		var out, errs bytes.Buffer
		if code := serveExec(inv, []string{"export", "--format", format}, &out, &errs); code != 0 || !strings.Contains(out.String(), "nso-mobileum-call") {
			t.Errorf("%s of text without controls: exit %d, %q", format, code, errs.String())
		}
	}
	if r := chrono(t, db, "", "add", "--title", "Evil \x1b]0;PWNED\x07 \x1b]52;c;SGVsbG8=\x07 end", "--date", "2019-05-05"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	for _, format := range []string{"csv", "timesketch-csv"} {
		var out, errs bytes.Buffer
		code := serveExec(inv, []string{"export", "--format", format}, &out, &errs)
		if code == 0 || bytes.ContainsAny(out.Bytes(), "\x1b\x07") || !strings.Contains(errs.String(), "export as chrono JSON or Timesketch JSONL") {
			t.Errorf("%s over SSH with an escape sequence: exit %d, out %q, err %q", format, code, out.String(), errs.String())
		}
	}
	var out, errs bytes.Buffer
	if code := serveExec(inv, []string{"export", "--format", "json"}, &out, &errs); code != 0 || bytes.ContainsAny(out.Bytes(), "\x1b\x07") {
		t.Errorf("json over SSH: exit %d, raw controls %v, %q", code, bytes.ContainsAny(out.Bytes(), "\x1b\x07"), errs.String())
	}
}

// TestServedJSONExportsEscapeC1Controls: JSON escapes C0 controls and not
// C1's (U+0080–U+009F, CSI and OSC among them), which reached the client's
// terminal raw in chrono JSON, Timesketch JSONL and TimelineJS; a lone
// carriage return, drawing what follows over its line, passed the CSV's
// guard.
func TestServedJSONExportsEscapeC1Controls(t *testing.T) {
	db := exampleDB(t)
	inv := sshd.Investigation{Name: "nso", Path: db}
	if r := chrono(t, db, "", "add", "--title", "C1 \u009d0;OWNED\u009c \u009b41m", "--date", "2019-05-05", "--summary", "REAL TEXT\rFAKE"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	for _, format := range []string{"json", "timesketch", "timelinejs"} {
		var out, errs bytes.Buffer
		code := serveExec(inv, []string{"export", "--format", format}, &out, &errs)
		if code != 0 || bytes.Contains(out.Bytes(), []byte("\u009b41m")) || bytes.Contains(out.Bytes(), []byte("\u009d")) || !strings.Contains(out.String(), `\u009b41m`) {
			t.Errorf("%s over SSH: exit %d, raw C1 %v, %q", format, code, bytes.Contains(out.Bytes(), []byte("\u009b")), errs.String())
		}
	}
	var out, errs bytes.Buffer
	if code := serveExec(inv, []string{"export", "--format", "csv"}, &out, &errs); code == 0 || bytes.Contains(out.Bytes(), []byte("\rFAKE")) {
		t.Errorf("csv over SSH with a lone carriage return: exit %d", code)
	}
	// The refusal names the line it stopped on: the one after those sent.
	if want := fmt.Sprintf("line %d of the CSV (the header is line 1): ", bytes.Count(out.Bytes(), []byte("\n"))+1); !strings.Contains(errs.String(), want) {
		t.Errorf("csv over SSH: %q, want it to name %q", errs.String(), want)
	}
}

// TestNoControlsCutsAtTheFirst: the guard writes what comes before the
// first control, a C1 control split between two writes included.
func TestNoControlsCutsAtTheFirst(t *testing.T) {
	for _, tt := range []struct {
		writes []string
		want   string
	}{
		{[]string{"a,b\tc\r\n", "d"}, "a,b\tc\r\nd"},
		{[]string{"ok ", "bad \x1b[31m"}, "ok bad "},
		{[]string{"caf\xc3\xa9 ", "x\xc2", "\x9b31m"}, "caf\xc3\xa9 x"},
		{[]string{"\xc2\xa0nbsp\x7f"}, "\xc2\xa0nbsp"},
		// A carriage return draws what follows over its line, unless a
		// line feed comes next, in this write or the next.
		{[]string{"REAL TEXT\rFAKE"}, "REAL TEXT"},
		{[]string{"a\r", "\nb"}, "a\r\nb"},
		{[]string{"a\r", "b"}, "a"},
		{[]string{"a\r"}, "a"},
	} {
		var b bytes.Buffer
		n := &noControls{w: &b}
		for _, w := range tt.writes {
			n.Write([]byte(w))
		}
		n.Close()
		if b.String() != tt.want {
			t.Errorf("%q written as %q, want %q", tt.writes, b.String(), tt.want)
		}
	}
}

// TestServeStoreSaysAReadOnlyFile: a store file the server may not write
// is served for reading, and said to be, so that its browsers say so.
func TestServeStoreSaysAReadOnlyFile(t *testing.T) {
	db := exampleDB(t)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	s, readOnly, err := (&serveOptions{cli: &cli{}}).serveStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !errors.Is(readOnly, model.ErrReadOnly) {
		t.Errorf("a file of mode 0444 served with readOnly %v", readOnly)
	}
}

// TestServedHelpOffersWhatWorksThere: over SSH, show's advice named a
// chrono command the person cannot run, and export's help offered -o,
// --force and the evidence directory, each refused there.
func TestServedHelpOffersWhatWorksThere(t *testing.T) {
	inv := sshd.Investigation{Name: "nso", Path: exampleDB(t)}
	var out, errs bytes.Buffer
	if code := serveExec(inv, []string{"show"}, &out, &errs); code != exitUsage || !strings.Contains(errs.String(), "show needs the ID of an event (ssh HOST -- nso list lists them)") {
		t.Errorf("show without an id: exit %d, %q", code, errs.String())
	}
	out.Reset()
	errs.Reset()
	if code := serveExec(inv, []string{"export", "--help"}, &out, &errs); code != 0 {
		t.Fatalf("export --help: exit %d, %q", code, errs.String())
	}
	for _, gone := range []string{"--output", "--force", "evidence"} {
		if strings.Contains(out.String(), gone) {
			t.Errorf("export's help over SSH offers %s:\n%s", gone, out.String())
		}
	}
}

// TestServedCSVExportNamesTheControlsPlace: a served CSV export stopped
// at a control named only the line it stopped on, and a line of a CSV
// is not an event when a cell holds line breaks; the local export names
// a cell it cannot write by its event and column. So does this one, the
// id read past the control when its column comes after it (Timesketch
// CSV's message, before chrono_id).
func TestServedCSVExportNamesTheControlsPlace(t *testing.T) {
	db := exampleDB(t)
	inv := sshd.Investigation{Name: "nso", Path: db}
	if r := chrono(t, db, "", "add", "--id", "bell-rings", "--title", "A bell \a rings", "--date", "1900-01-01", "--summary", "two\nlines"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	for _, tt := range []struct{ format, want string }{
		{"csv", `event "bell-rings" (#1), column title, line 2 of the CSV (the header is line 1): `},
		{"timesketch-csv", `event "bell-rings" (#1), column message, line 2 of the CSV (the header is line 1): `},
	} {
		var out, errs bytes.Buffer
		code := serveExec(inv, []string{"export", "--format", tt.format}, &out, &errs)
		if code == 0 || bytes.ContainsRune(out.Bytes(), '\a') || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("%s over SSH with a bell in a title: exit %d, %q; want %q", tt.format, code, errs.String(), tt.want)
		}
	}
}

// TestNoControlsNamesTheCell: the id is read from its column wherever it
// is, before the control or after it, across writes and quoted cells
// with commas, quotes and line breaks.
func TestNoControlsNamesTheCell(t *testing.T) {
	for _, tt := range []struct {
		writes []string
		want   string
	}{
		{[]string{"id,title\na,ok\nb,\"x,\"\"y\"\"\nz\"\nc,bad\x07\n"}, `event "c" (#3), column title, line 5 of`},
		{[]string{"message,chrono_id\n\"one\ntwo\",a\nbad", "\x1b more\",b", "b\nnext,c\n"}, `event "bb" (#2), column message, line 4 of`},
		// The export ends before the id: the event by its position.
		{[]string{"message,chrono_id\nbad\x07"}, `event #1, column message, line 2 of`},
		{[]string{"id,title\na,lone\r"}, `event "a" (#1), column title, line 2 of`},
	} {
		var b bytes.Buffer
		n := &noControls{w: &b}
		var err error
		for _, w := range tt.writes {
			if _, err = n.Write([]byte(w)); err != nil {
				break
			}
		}
		if cerr := n.Close(); err == nil {
			err = cerr
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v, want it to start %q", tt.writes, err, tt.want)
		}
	}
}
