package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chrono new ADDRESS starts the investigation --investigation names, and
// refuses one that exists, leaving it as it was; the password given in
// the address is never printed.
func TestNewInDatabase(t *testing.T) {
	addr, name := pgDB(t)
	const secret = "s3cret-pw"
	db := withPassword(addr, secret)
	noSecret := func(r result) {
		t.Helper()
		if strings.Contains(r.stdout+r.stderr, secret) {
			t.Errorf("the password was printed:\n%s%s", r.stdout, r.stderr)
		}
	}

	r := chrono(t, db, "", "new", db, "--investigation", name, "--title", "Bags of cash")
	noSecret(r)
	if r.code != 0 || !strings.Contains(r.stdout, "investigation "+name) || !strings.Contains(r.stdout, "Bags of cash") {
		t.Fatalf("new: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "--investigation "+name) {
		t.Errorf("new does not say how to open the investigation:\n%s", r.stderr)
	}
	// The command it suggests works when copied: no stand-in for the
	// password, which comes from where the README says, and the address
	// (with ? and &) quoted for the shell.
	if strings.Contains(r.stderr, "xxxxx") || !strings.Contains(r.stderr, "PGPASSWORD") || !strings.Contains(r.stderr, "--db 'postgres") {
		t.Errorf("new suggests a command with a stand-in for the password:\n%s", r.stderr)
	}

	r = chrono(t, db, "", "new", db, "--investigation", name, "--title", "Another")
	noSecret(r)
	if r.code == 0 || !strings.Contains(r.stderr, "already") || !strings.Contains(r.stderr, name) {
		t.Fatalf("new over an existing investigation: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Without a title, the investigation's name is its title; the other
	// investigations keep theirs.
	other := name + "-b"
	if r = chrono(t, db, "", "new", db, "--investigation", other); r.code != 0 {
		t.Fatalf("new %s: exit %d\n%s", other, r.code, r.stderr)
	}
	r = chrono(t, db, "", "investigations")
	noSecret(r)
	for _, want := range []string{name + "\t0 events\tBags of cash\n", other + "\t0 events\t" + other + "\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("investigations lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "default\t") {
		t.Errorf("new touched the default investigation:\n%s", r.stdout)
	}
	// One event is one, not "1 events".
	if r = chrono(t, db, "", "--investigation", other, "add", "--title", "One", "--date", "2020"); r.code != 0 {
		t.Fatalf("add: exit %d\n%s", r.code, r.stderr)
	}
	if r = chrono(t, db, "", "investigations"); !strings.Contains(r.stdout, other+"\t1 event\t") {
		t.Errorf("investigations does not count one event as one:\n%s", r.stdout)
	}
}

// An investigation not in the database: the error says how to start
// it, in a command that can be copied, and never prints the password.
func TestNoInvestigationSaysHowToStartIt(t *testing.T) {
	addr, name := pgDB(t)
	const secret = "s3cret-pw"
	r := chrono(t, withPassword(addr, secret), "", "--investigation", name, "list")
	if r.code == 0 || strings.Contains(r.stdout+r.stderr, secret) || !strings.Contains(r.stderr, "chrono new 'postgres") || !strings.Contains(r.stderr, "--investigation "+name) {
		t.Errorf("list of an investigation not there: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// The name of an investigation is quoted in the command new suggests
// when a shell would split it.
func TestNewSuggestsAQuotedName(t *testing.T) {
	addr, name := pgDB(t)
	spaced := name + " b"
	r := chrono(t, addr, "", "new", addr, "--investigation", spaced)
	if r.code != 0 || !strings.Contains(r.stderr, "--investigation '"+spaced+"'") {
		t.Errorf("new --investigation %q: exit %d\n%s", spaced, r.code, r.stderr)
	}
}

// chrono investigations on a database chrono has not used yet says so,
// and how to start one, on stderr; stdout, for scripts, lists none.
func TestInvestigationsOfAnUnusedDatabase(t *testing.T) {
	addr, _ := pgDB(t)
	unused := strings.Replace(addr, "///chrono?", "///postgres?", 1)
	if unused == addr {
		t.Fatalf("the test server's address %q has no database chrono to swap", addr)
	}
	r := chrono(t, unused, "", "investigations")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no investigations in") || !strings.Contains(r.stderr, "chrono new") {
		t.Errorf("investigations of an unused database: exit %d\nstdout: %q\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

// A command that fails leaves no investigation behind in a database, as
// none is left behind in a file: an import refused into a new one, and
// chrono new refused for a name that gives no title.
func TestAFailedCommandLeavesNoInvestigation(t *testing.T) {
	addr, name := pgDB(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"chrono": 1, "events": [{"id": "x", "title": "", "date": "bogus"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, addr, "", "--investigation", name, "import", bad); r.code != 1 || !strings.Contains(r.stderr, "the store is unchanged") {
		t.Fatalf("import: %+v", r)
	}
	if r := chrono(t, addr, "", "--investigation", "  ", "new", addr); r.code != 2 {
		t.Errorf("new with a blank name: %+v", r)
	}
	if r := chrono(t, addr, "", "investigations"); strings.Contains(r.stdout, name) || strings.Contains(r.stdout, "  \t") {
		t.Errorf("left behind:\n%s", r.stdout)
	}
	if r := chrono(t, addr, "", "new", addr, "--investigation", name); r.code != 0 {
		t.Errorf("new with the name the failed import had: %+v", r)
	}
}
