package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
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

// makeUnwritable makes the file at path one this process may not write,
// and returns what chrono should say of it: mode 0444 for a user, or the
// immutable flag for root, whom a file's mode does not stop.
func makeUnwritable(t *testing.T, path string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		return "file mode 0444"
	}
	if err := setImmutable(path, true); err != nil {
		t.Skipf("running as root, whom mode 0444 does not stop, on a file system that cannot mark %s immutable: %v", path, err)
	}
	t.Cleanup(func() { setImmutable(path, false) })
	return "immutable"
}

// fsImmutable is FS_IMMUTABLE_FL of linux/fs.h.
const fsImmutable = 0x10

// setImmutable sets or clears a file's immutable flag (chattr +i).
func setImmutable(path string, on bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		return err
	}
	if on {
		flags |= fsImmutable
	} else {
		flags &^= fsImmutable
	}
	return unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags))
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
	why := makeUnwritable(t, db)
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
	makeUnwritable(t, db)
	r := runIn(t, env)
	if r.code != 0 || !strings.Contains(r.stdout, "a call") || strings.Contains(r.stderr, "example") {
		t.Errorf("chrono on a read-only default store: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
