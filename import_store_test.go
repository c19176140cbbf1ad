package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/store"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// backupOf makes a bbolt store with the fixture and a history of every
// kind, backs it up with chrono backup, and returns what the store holds
// and the backup's path.
func backupOf(t *testing.T) (storetest.Everything, string) {
	t.Helper()
	db := newDB(t)
	s, err := store.Open(db, store.Options{Author: "tester@restore"})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Seed(t, s)
	storetest.History(t, s)
	want := storetest.ReadEverything(t, s)
	s.Close()
	backup := filepath.Join(t.TempDir(), "backup.db")
	if r := chrono(t, db, "", "backup", "-o", backup); r.code != 0 {
		t.Fatalf("backup: %s", r.stderr)
	}
	return want, backup
}

// readStore opens the store at db (an investigation of it) and reads
// everything it holds.
func readStore(t *testing.T, db, investigation string) storetest.Everything {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true, NoCreate: true, Investigation: investigation})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return storetest.ReadEverything(t, s)
}

// verifyHead runs chrono verify --journal and returns the head it names.
func verifyHead(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := chrono(t, db, "", append(args, "verify", "--journal")...)
	if r.code != 0 || !strings.Contains(r.stdout, "the chain holds") {
		t.Fatalf("verify --journal: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	chain, _, _ := strings.Cut(r.stdout, "\n") // a file's events follow
	_, head, _ := strings.Cut(chain, "head ")
	return strings.TrimSpace(head)
}

// A backup imported into a new bbolt file is the store it was made of,
// its journal's chain head the same.
func TestImportBackupIntoNewFile(t *testing.T) {
	want, backup := backupOf(t)
	db := newDB(t)
	r := chrono(t, db, "", "import", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "restored ") || !strings.Contains(r.stdout, "as in the backup") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	storetest.CompareEverything(t, want, readStore(t, db, ""))
	if got, was := verifyHead(t, db), verifyHead(t, backup); got != was {
		t.Errorf("chain head %s, the backup's %s", got, was)
	}
}

// A backup imported into a new investigation in PostgreSQL holds
// everything, and a journal with the backup's chain head; the
// investigation backed up again gives a file with that head too.
func TestImportBackupIntoPostgreSQL(t *testing.T) {
	want, backup := backupOf(t)
	addr, name := pgDB(t)
	r := chrono(t, addr, "", "--investigation", name, "import", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "restored ") || !strings.Contains(r.stdout, "as in the backup") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	storetest.CompareEverything(t, want, readStore(t, addr, name))
	if got, was := verifyHead(t, addr, "--investigation", name), verifyHead(t, backup); got != was {
		t.Errorf("chain head %s, the backup's %s", got, was)
	}
	again := filepath.Join(t.TempDir(), "again.db")
	if r := chrono(t, addr, "", "--investigation", name, "backup", "-o", again); r.code != 0 {
		t.Fatalf("backup: %s", r.stderr)
	}
	if got, was := verifyHead(t, again), verifyHead(t, backup); got != was {
		t.Errorf("backed up from PostgreSQL, chain head %s; the first backup's %s", got, was)
	}

	// Again, into the investigation now in use: merged as an import,
	// saying what was not carried, the journal one entry longer.
	r = chrono(t, addr, "", "--investigation", name, "import", backup)
	if r.code != 0 || !strings.Contains(r.stdout, "journal, trash and snapshots were not carried (to restore the backup whole, import it where no store is yet: a new path, or a new --investigation)") {
		t.Fatalf("second import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after := readStore(t, addr, name)
	if len(after.Events) != len(want.Events) || len(after.Trash) != len(want.Trash) {
		t.Errorf("the merge changed the timeline: %d events, %d trashed", len(after.Events), len(after.Trash))
	}
}

// A damaged backup is refused, named, and the store is left as it was.
func TestImportDamagedBackup(t *testing.T) {
	_, backup := backupOf(t)
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	// Every page past the meta pages and the root is garbled.
	for i := 4 * 4096; i < len(b); i++ {
		b[i] ^= 0x5a
	}
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	if r := chrono(t, db, "", "new", db, "--title", "Kept"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	before := readStore(t, db, "")
	r := chrono(t, db, "", "import", damaged)
	if r.code == 0 || !strings.Contains(r.stderr, damaged) || !strings.Contains(r.stderr, "unchanged") {
		t.Fatalf("import of a damaged backup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	storetest.CompareEverything(t, before, readStore(t, db, ""))

	// A backup goes alone: with another file, nothing is imported.
	other := newDB(t)
	r = chrono(t, other, "", "import", backup, "testdata/import/new-events.json")
	if r.code == 0 || !strings.Contains(r.stderr, "import it alone") {
		t.Errorf("a backup with another file: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("the refused import made a store")
	}
}

// TestRestoreCountsInWords: a restore's line counts its snapshots as it
// counts its events and sources, "1 snapshot" and not "1 snapshots".
func TestRestoreCountsInWords(t *testing.T) {
	db := newDB(t)
	text := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(text, []byte("NSO offered bags of cash.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"add", "--title", "Call", "--date", "2017-08"},
		{"source", "add", "--id", "post", "--publisher", "The Post"},
		{"source", "attach", "post", text},
	} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if r := chrono(t, db, "", "backup", "-o", backup); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	r := chrono(t, newDB(t), "", "import", backup)
	if want := "restored 1 event, 1 source, 1 snapshot, 0 in the trash and a journal of 3 entries from " + backup + " (a chrono store)\n"; r.code != 0 || !strings.HasPrefix(r.stdout, want) {
		t.Errorf("import of the backup: %+v\nwant it to begin %q", r, want)
	}
}

// TestFailedRestoreLeavesNoStore: a restore into a store that was not
// there, refused (here a backup whose snapshot's bytes were altered),
// leaves no
// store behind, as an import that fails does not.
func TestFailedRestoreLeavesNoStore(t *testing.T) {
	db := newDB(t)
	text := filepath.Join(t.TempDir(), "page.txt")
	if err := os.WriteFile(text, []byte("NSO offered bags of cash, the Post reports."), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"source", "attach", "wapo", text}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if r := chrono(t, db, "", "backup", "-o", backup); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	// A snapshot's bytes flipped in the backup: the restore refuses it.
	raw, err := bbolt.Open(backup, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("snapshots"))
		k, v := b.Cursor().Last()
		v = bytes.Clone(v)
		v[len(v)-1] ^= 1
		return b.Put(bytes.Clone(k), v)
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if r := chrono(t, fresh, "", "import", backup); r.code == 0 {
		t.Fatalf("restore of an altered backup: %+v", r)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the failed restore left %s behind: %v", fresh, err)
	}
}
