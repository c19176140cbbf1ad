package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeenHeadInDatabase: an investigation in PostgreSQL has its head
// noted as a file's is, under the database's address without its
// password and the investigation's name; one that no longer holds the
// entry noted (another put in its place) is said to, until accepted.
func TestSeenHeadInDatabase(t *testing.T) {
	addr, name := pgDB(t)
	const secret = "s3cret-pw"
	db := withPassword(addr, secret)
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	mustChrono(t, db, "--investigation", name, "import", "timeline.example.json")
	mustChrono(t, db, "--investigation", name, "tag", "nso-denial", "checked")
	if r := mustChrono(t, db, "--investigation", name, "list"); r.stderr != "" {
		t.Errorf("an investigation as seen: stderr %q", r.stderr)
	}

	file := filepath.Join(state, "chrono", "heads.json")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	heads, err := readSeenHeads(file)
	if err != nil {
		t.Fatal(err)
	}
	seen, ok := heads.Stores[seenKey(db, name)]
	if strings.Contains(string(b), secret) || !ok || seen.Seq != 2 {
		t.Fatalf("the note: %s", b)
	}
	// Another investigation's entry #2 in its place.
	seen.Hash = strings.Repeat("0", 64)
	heads.Stores[seenKey(db, name)] = seen
	if err := heads.write(file); err != nil {
		t.Fatal(err)
	}
	r := mustChrono(t, db, "--investigation", name, "list")
	// The investigation is named: one database holds many.
	if !strings.Contains(r.stderr, "journal's entry #2 is not the one this machine saw") || !strings.Contains(r.stderr, "(investigation "+name+")") || strings.Contains(r.stderr, secret) {
		t.Errorf("stderr %q", r.stderr)
	}
	mustChrono(t, db, "--investigation", name, "--accept-rollback", "list")
	if r := mustChrono(t, db, "--investigation", name, "list"); r.stderr != "" {
		t.Errorf("once accepted: stderr %q", r.stderr)
	}
}
