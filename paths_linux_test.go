package main

import (
	"bytes"
	"chrono/store/storetest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStoreThatIsNotAFile: a named pipe at --db, or a link to one, or a
// device, is refused at once by every command, named for what it is.
func TestStoreThatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for db, want := range map[string]string{fifo: "is a named pipe", link: "is a symbolic link to a named pipe", "/dev/zero": "is a character device"} {
		for _, args := range [][]string{{"list"}, {"tag", "x", "y"}, {"import", "timeline.example.json"}, {}} {
			done := make(chan result, 1)
			go func() { done <- chrono(t, db, "", args...) }()
			select {
			case r := <-done:
				if r.code != 1 || !strings.Contains(r.stderr, db+" "+want) {
					t.Errorf("chrono --db %s %s: exit %d, stderr %q; want it to say it %s", db, strings.Join(args, " "), r.code, r.stderr, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("chrono --db %s %s still running after 5s", db, strings.Join(args, " "))
			}
		}
	}
}

// TestReadOnlyStore: a store the user may not write (a backup on
// write-protected media) is read by list, show, export, log and the
// browser, and each command that would change it says that it is
// read-only and why, and changes nothing.
func TestReadOnlyStore(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	why := storetest.MakeUnwritable(t, db)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"show", "fbi-tip"}, {"export"}, {"log"}, {"trash"}, {}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Errorf("chrono %s on a read-only store: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	for _, args := range [][]string{{"tag", "fbi-tip", "x"}, {"add", "--title", "a call"}, {"import", "timeline.example.json"}, {"rm", "fbi-tip"}, {"undo"}} {
		r := chrono(t, db, "", args...)
		want := "store " + db + " is read-only ("
		if r.code != 1 || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, why) || !strings.Contains(r.stderr, "nothing was changed") {
			t.Errorf("chrono %s on a read-only store: exit %d, stderr %q; want it to say %s%s): nothing was changed", strings.Join(args, " "), r.code, r.stderr, want, why)
		}
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the read-only store changed")
	}
}

// TestReadOnlyDefaultStore: chrono on a default store that cannot be
// written opens it read-only, as the browser does any such store, rather
// than failing to open it for writing; and does not seed it.
func TestReadOnlyDefaultStore(t *testing.T) {
	data := t.TempDir()
	db := filepath.Join(data, "chrono", "chrono.db")
	env := map[string]string{"XDG_DATA_HOME": data}
	if r := runIn(t, env, "add", "--title", "a call"); r.code != 0 {
		t.Fatalf("add: %s", r.stderr)
	}
	storetest.MakeUnwritable(t, db)
	r := runIn(t, env)
	if r.code != 0 || !strings.Contains(r.stdout, "a call") || strings.Contains(r.stderr, "example") {
		t.Errorf("chrono on a read-only default store: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestStoreOfMode0444: a store made read-only with chmod 0444, as the
// README says, is read but never written, by anyone: root too, whom the
// system would let write it. The refusal says how to allow writing.
func TestStoreOfMode0444(t *testing.T) {
	db := exampleDB(t)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "list"); r.code != 0 {
		t.Errorf("list: exit %d: %s", r.code, r.stderr)
	}
	r := chrono(t, db, "", "tag", "fbi-tip", "x")
	if r.code != 1 || !strings.Contains(r.stderr, "store "+db+" is read-only (file mode 0444") || !strings.Contains(r.stderr, "chmod u+w") {
		t.Errorf("tag: exit %d, stderr %q; want it refused as read-only, saying how to allow writing", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the store of mode 0444 changed")
	}
}
