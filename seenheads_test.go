package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/store"
	"chrono/tui/sshd"
)

// copyFile copies the file at from to to, replacing it.
func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// mustChrono runs chrono and fails the test unless it exits 0.
func mustChrono(t *testing.T, db string, args ...string) result {
	t.Helper()
	r := chrono(t, db, "", args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
	}
	return r
}

// olderCopyInPlace makes a store of two changes, seen by this machine
// (a state directory of the test's), and puts over it a copy taken after
// the first: its path.
func olderCopyInPlace(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	db := newDB(t)
	older := filepath.Join(t.TempDir(), "older.db")
	mustChrono(t, db, "add", "--id", "a", "--title", "A", "--date", "2017")
	copyFile(t, db, older)
	if r := mustChrono(t, db, "add", "--id", "b", "--title", "B", "--date", "2018"); r.stderr != "" {
		t.Errorf("a store as seen: stderr %q", r.stderr)
	}
	copyFile(t, older, db)
	return db
}

// TestOlderCopyInPlaceIsSaid: a store put back as it was before its last
// change (an older copy over it, both meta pages whole, its chain intact)
// is said to have lost what this machine saw, by every command, reads and
// writes, until --accept-rollback takes it as it is.
func TestOlderCopyInPlaceIsSaid(t *testing.T) {
	db := olderCopyInPlace(t)

	for _, args := range [][]string{{"list"}, {"log", "--head"}, {"show", "a"}} {
		r := mustChrono(t, db, args...)
		for _, want := range []string{"warning: store " + db, "journal ends at entry #1, but this machine saw it at entry #2", "the changes after #1 are gone", "--accept-rollback"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("%v: stderr %q, want %q in it", args, r.stderr, want)
			}
		}
		if n := strings.Count(r.stderr, "warning:"); n != 1 {
			t.Errorf("%v: %d warnings, want one:\n%s", args, n, r.stderr)
		}
	}
	// The chain holds, and verify says what it does not show.
	r := chrono(t, db, "", "verify", "--journal")
	if r.code != 1 || !strings.Contains(r.stdout, "the chain holds") || !strings.Contains(r.stdout, "journal: not as this machine saw it: its journal ends at entry #1") {
		t.Errorf("verify --journal: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = chrono(t, db, "", "verify", "--journal", "--json")
	if r.code != 1 || !strings.Contains(r.stdout, `"not_as_seen":"its journal ends at entry #1`) {
		t.Errorf("verify --journal --json: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ev := filepath.Join(t.TempDir(), "evidence")
	mustChrono(t, db, "export", "--format", "evidence", "-o", ev)
	if b, err := os.ReadFile(filepath.Join(ev, "index.html")); err != nil || !strings.Contains(string(b), "NOT as the machine that exported it last saw it: its journal ends at entry #1") {
		t.Errorf("the evidence does not say the journal is not as seen (%v)", err)
	}
	// A write goes on, and says it builds on what lost the entry; so
	// does every command after it.
	r = mustChrono(t, db, "add", "--id", "c", "--title", "C", "--date", "2019")
	if !strings.Contains(r.stderr, "this machine saw it at entry #2") {
		t.Errorf("a write: stderr %q, want the warning", r.stderr)
	}
	if r := mustChrono(t, db, "list"); !strings.Contains(r.stderr, "journal's entry #2 is not the one this machine saw") {
		t.Errorf("after a write: stderr %q, want the entry seen named", r.stderr)
	}

	r = mustChrono(t, db, "--accept-rollback", "list")
	if !strings.Contains(r.stderr, "taken as it is (--accept-rollback)") {
		t.Errorf("--accept-rollback: stderr %q", r.stderr)
	}
	if r := mustChrono(t, db, "list"); r.stderr != "" || !strings.Contains(r.stdout, "c  C") {
		t.Errorf("once accepted: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if r := mustChrono(t, db, "verify", "--journal"); strings.Contains(r.stdout, "not as this machine saw it") {
		t.Errorf("verify --journal once accepted:\n%s", r.stdout)
	}
}

// TestSeenHeadMovesOn: changes made elsewhere (another machine, another
// user) after the entry seen are not a loss, and are seen in turn; a
// store made anew where one was seen, and a copy of a store at another
// path, say nothing either.
func TestSeenHeadMovesOn(t *testing.T) {
	here, elsewhere := t.TempDir(), t.TempDir()
	db := newDB(t)
	t.Setenv("XDG_STATE_HOME", here)
	mustChrono(t, db, "add", "--id", "a", "--title", "A", "--date", "2017")

	t.Setenv("XDG_STATE_HOME", elsewhere)
	mustChrono(t, db, "add", "--id", "b", "--title", "B", "--date", "2018")
	t.Setenv("XDG_STATE_HOME", here)
	if r := mustChrono(t, db, "list"); r.stderr != "" {
		t.Errorf("changes made elsewhere: stderr %q", r.stderr)
	}
	// A copy at another path is another store: what this machine saw
	// of the store it was copied from says nothing of it.
	dup := filepath.Join(t.TempDir(), "copy.db")
	copyFile(t, db, dup)
	mustChrono(t, db, "add", "--id", "c", "--title", "C", "--date", "2019")
	if r := mustChrono(t, dup, "list"); r.stderr != "" {
		t.Errorf("a copy elsewhere: stderr %q", r.stderr)
	}

	for _, remake := range [][]string{{"new", db}, {"import", "timeline.example.json"}} {
		if err := os.Remove(db); err != nil {
			t.Fatal(err)
		}
		mustChrono(t, db, remake...)
		// The new store's only word is list's own, of having no events.
		const empty = "no events in this investigation; add one with chrono add --title TITLE, or import a file with chrono import FILE\n"
		if r := mustChrono(t, db, "list"); strings.TrimPrefix(r.stderr, empty) != "" {
			t.Errorf("a store made anew by %v: stderr %q", remake, r.stderr)
		}
	}
}

// TestSeenHeadsUnreadable: a file of heads that is not JSON is said to
// be unreadable, and left as it is.
func TestSeenHeadsUnreadable(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	file := filepath.Join(state, "chrono", "heads.json")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	mustChrono(t, db, "add", "--id", "a", "--title", "A", "--date", "2017")
	r := mustChrono(t, db, "list")
	if !strings.Contains(r.stderr, "cannot be read, and are left as they are") || !strings.Contains(r.stderr, file) {
		t.Errorf("stderr %q", r.stderr)
	}
	if b, _ := os.ReadFile(file); string(b) != "{not json" {
		t.Errorf("the file became %q", b)
	}
}

// TestSeenHeadsKeepTheLatest: the file keeps the stores seen last, up
// to mostSeen, and drops a note that names no entry when read.
func TestSeenHeadsKeepTheLatest(t *testing.T) {
	file := filepath.Join(t.TempDir(), "chrono", "heads.json")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	heads := seenHeads{Stores: map[string]seenHead{}}
	for i := range mostSeen + 2 {
		heads.Stores[fmt.Sprintf("/s/%d.db", i)] = seenHead{Seq: 1, Hash: "ab", Seen: start.Add(time.Duration(i) * time.Minute)}
	}
	heads.Stores["/s/none.db"] = seenHead{Seen: start.Add(time.Hour * 1000)}
	if err := heads.write(file); err != nil {
		t.Fatal(err)
	}
	got, err := readSeenHeads(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Stores) != mostSeen-1 {
		t.Errorf("%d stores kept, want %d", len(got.Stores), mostSeen-1)
	}
	for _, gone := range []string{"/s/0.db", "/s/1.db", "/s/2.db", "/s/none.db"} {
		if _, ok := got.Stores[gone]; ok {
			t.Errorf("%s kept", gone)
		}
	}
	if _, ok := got.Stores[fmt.Sprintf("/s/%d.db", mostSeen+1)]; !ok {
		t.Errorf("the store seen last was dropped")
	}
}

// TestSeenHeadOverSSH: a command run over SSH on a store that lost what
// the server saw says so, with advice for the server's admin: the person
// connected gives no flags to the server's chrono.
func TestSeenHeadOverSSH(t *testing.T) {
	db := olderCopyInPlace(t)
	var out, errs bytes.Buffer
	if code := serveExec(sshd.Investigation{Name: "nso", Path: db}, []string{"list"}, &out, &errs); code != 0 {
		t.Fatalf("list over SSH: exit %d\n%s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "this machine saw it at entry #2") || !strings.Contains(errs.String(), "the server's admin can restore it") || strings.Contains(errs.String(), "give the next command") {
		t.Errorf("stderr over SSH: %q", errs.String())
	}
}

// TestReplacedWhileReadIsNotRolledBack: a reader that opened a store
// before another process renamed a newer file over it (a large import)
// reads the old file, whose journal ends before the head that process
// noted: that is not a loss, and nothing says so.
func TestReplacedWhileReadIsNotRolledBack(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	db := newDB(t)
	mustChrono(t, db, "add", "--id", "a", "--title", "A", "--date", "2017")
	reading, err := store.Open(db, store.Options{ReadOnly: true, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reading.Close()

	newer := filepath.Join(t.TempDir(), "newer.db")
	copyFile(t, db, newer)
	mustChrono(t, newer, "add", "--id", "b", "--title", "B", "--date", "2018")
	if err := os.Rename(newer, db); err != nil {
		t.Fatal(err)
	}
	mustChrono(t, db, "list") // notes the new file's head, #2

	var stderr bytes.Buffer
	c := &cli{stderr: &stderr}
	if w := c.checkSeen(reading, db, "", false); w != "" || c.seenLost != "" {
		t.Errorf("the file read before the new one took its place: warned %q", w)
	}
}
