package main

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// chrono check on an investigation in PostgreSQL checks its links and its
// chronology, as on a file; a database has no file of chrono's, and
// --store checks there what the database cannot vouch for.
func TestCheckInDatabase(t *testing.T) {
	addr, name := pgDB(t)
	if r := chrono(t, addr, "", "--investigation", name, "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	r := chrono(t, addr, "", "--investigation", name, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "links: every link names an event") || !strings.Contains(r.stdout, "chronology: 13 events") {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = chrono(t, addr, "", "--investigation", name, "check", "--store")
	if r.code != 0 || !strings.Contains(r.stdout, "a database keeps its own pages and indexes; the journal's chain holds") || strings.Contains(r.stdout, "chronology:") {
		t.Errorf("check --store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// What the database cannot vouch for is checked: a journal entry
	// altered in it had passed, "links and chronology follow", exit 0.
	c, err := pgx.Connect(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(context.Background(), `UPDATE journal SET body = body || '\x20'::bytea WHERE seq = 1 AND inv = (SELECT id FROM investigations WHERE name = $1)`, name); err != nil {
		t.Fatal(err)
	}
	r = chrono(t, addr, "", "--investigation", name, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "journal: the chain breaks at entry #1 (content)") || !strings.Contains(r.stderr, "chrono verify --journal says what differs") {
		t.Errorf("check of an altered journal: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// A change chrono refuses (a link already there, a revert of what
// changed since) says so in a database as in a file, word for word:
// the database's address is for the database's own errors.
func TestRefusedChangesReadAsInAFile(t *testing.T) {
	addr, name := pgDB(t)
	file := exampleDB(t)
	if r := chrono(t, addr, "", "--investigation", name, "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"link", "fbi-tip", "supports", "pegasus-project"},
		{"link", "fbi-tip", "supports", "pegasus-project"},
		{"revert", "1"},
		{"revert", "99"},
	} {
		inFile := chrono(t, file, "", args...)
		inDB := chrono(t, addr, "", append([]string{"--investigation", name}, args...)...)
		// Where each store is said, it is said once, where the other says it.
		fileSaid := strings.ReplaceAll(inFile.stderr, file, "STORE")
		dbSaid := strings.ReplaceAll(inDB.stderr, addr+" (investigation "+name+")", "STORE")
		if inFile.code != inDB.code || fileSaid != dbSaid {
			t.Errorf("%q: in a file exit %d %q; in a database exit %d %q", args, inFile.code, fileSaid, inDB.code, dbSaid)
		}
	}
}
