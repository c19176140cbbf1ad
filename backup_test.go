package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

// TestBackupToStdoutIsRefused: export -o - writes to stdout, but a
// backup is a file read back whole before it is said to be made, so
// backup -o - is refused, rather than a file named "-" made beside the
// shell while a pipe waiting for the copy gets nothing.
func TestBackupToStdoutIsRefused(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	dir := t.TempDir()
	t.Chdir(dir)
	r := chrono(t, db, "", "backup", "-o", "-")
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "backup -o -:") || !strings.Contains(r.stderr, "./-") {
		t.Errorf("backup -o -: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`backup -o - made a file named "-"`)
	}
	// A file named "-" can still be had, by a path that says so.
	if r := chrono(t, db, "", "backup", "-o", "./-"); r.code != 0 {
		t.Errorf("backup -o ./-: %+v", r)
	} else if _, err := os.Stat(filepath.Join(dir, "-")); err != nil {
		t.Errorf("backup -o ./- wrote no copy: %v", err)
	}
}

// TestBackupKeepsABrokenChain: a store whose journal was altered outside
// chrono is evidence of that, to be kept as it is: backup copies it, the
// entries' bytes as found, says on stderr where the chain breaks and that
// the copy keeps the break, and exits 0; verify --journal of the copy
// names the same break as of the store.
func TestBackupKeepsABrokenChain(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"tag", "fbi-tip", "more"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	out := filepath.Join(t.TempDir(), "copy.db")
	r := chrono(t, db, "", "backup", "-o", out)
	if r.code != 0 || !strings.HasPrefix(r.stderr, "backed up "+db+" to "+out+" (") ||
		!strings.Contains(r.stderr, "\nwarning: the journal's chain breaks at entry #2 (content); the backup keeps it as found") {
		t.Fatalf("backup of a store with an altered journal entry: %+v", r)
	}
	if got, want := journalBytes(t, out), journalBytes(t, db); !maps.Equal(got, want) {
		t.Errorf("the backup's journal is not the store's as found")
	}
	was, copied := chrono(t, db, "", "verify", "--journal"), chrono(t, out, "", "verify", "--journal")
	if copied.code != 1 || copied.stdout != was.stdout || !strings.Contains(copied.stdout, "the chain breaks at entry #2 (content)") {
		t.Errorf("verify --journal of the backup: %+v; of the store: %+v", copied, was)
	}
}

// journalBytes is the journal of the store file db as stored, each
// entry's bytes by its key.
func journalBytes(t *testing.T, db string) map[string]string {
	t.Helper()
	raw, err := bbolt.Open(db, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	entries := map[string]string{}
	err = raw.View(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("journal")).ForEach(func(k, v []byte) error {
			entries[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatalf("%s: no journal entries", db)
	}
	return entries
}
