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

// TestAnEventAlteredInTheDatabaseIsFound: an event's title changed by a
// letter through the database, behind chrono's back, leaves the
// database's pages and the journal's chain sound. check --store and
// verify --journal both find it against the fingerprint the import
// kept, name the event and the entry, exit 1, and say what to do, as
// on a store file.
func TestAnEventAlteredInTheDatabaseIsFound(t *testing.T) {
	addr, name := pgDB(t)
	if r := chrono(t, addr, "", "--investigation", name, "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	if r := chrono(t, addr, "", "--investigation", name, "verify", "--journal"); r.code != 0 || !strings.HasSuffix(r.stdout, "\nevents: all 13 as the journal left them\n") {
		t.Fatalf("verify --journal of the investigation as imported: %+v", r)
	}
	if r := chrono(t, addr, "", "--investigation", name, "check", "--store"); r.code != 0 || strings.Contains(r.stdout, "could not be compared") {
		t.Fatalf("check --store of the investigation as imported: %+v", r)
	}
	c, err := pgx.Connect(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	tag, err := c.Exec(context.Background(), `UPDATE events SET body = overlay(body PLACING 'q'::bytea FROM position('Apple sues NSO Group'::bytea IN body) + 19 FOR 1)
		WHERE id = 'apple-sues-nso' AND inv = (SELECT id FROM investigations WHERE name = $1)`, name)
	if err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("altering the event: %v, %v", tag, err)
	}
	const found = `events, event "apple-sues-nso": its stored bytes are not the version journal entry #1 left: they were changed outside chrono; chrono log apple-sues-nso shows the version the journal holds` + "\n"
	r := chrono(t, addr, "", "--investigation", name, "check", "--store")
	if r.code != 1 || !strings.Contains(r.stdout, found) ||
		!strings.Contains(r.stderr, "chrono log ID shows the version the journal holds of each event named") {
		t.Errorf("check --store: %+v\nwant stdout %q", r, found)
	}
	r = chrono(t, addr, "", "--investigation", name, "verify", "--journal")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "journal: 1 entry, the chain holds;") || !strings.HasSuffix(r.stdout, "\n"+found) ||
		!strings.Contains(r.stderr, "1 event was altered outside chrono, though its journal holds: restore the store from a backup made before") {
		t.Errorf("verify --journal: %+v\nwant the chain holding, then %q", r, found)
	}
}
