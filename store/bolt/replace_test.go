package bolt

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestBulkImportThroughASymlink: a store opened by a link is rebuilt where
// the link points, and the link stays, so that every later change reaches
// the real store.
func TestBulkImportThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "vault", "chrono.db")
	os.Mkdir(filepath.Dir(real), 0o700)
	writeExampleStore(t, real)
	link := filepath.Join(dir, "chrono.db")
	if err := os.Symlink("vault/chrono.db", link); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, link, Options{})
	if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link became %v (%v)", fi.Mode(), err)
	}
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"after-bulk"}, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	viaReal := openAt(t, real, Options{ReadOnly: true})
	if e := storedEvent(t, viaReal, "fbi-tip"); !e.HasTag("after-bulk") {
		t.Errorf("a change after the bulk import did not reach the store the link points to: tags %v", e.Tags)
	}
	if n, err := viaReal.Count(model.Query{}); err != nil || n != 15 {
		t.Errorf("the store the link points to holds %d events (%v), want the 13 and the 2 imported", n, err)
	}
	for _, d := range []string{dir, filepath.Dir(real)} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != "chrono.db" && e.Name() != "vault" {
				t.Errorf("left in %s: %s", d, e.Name())
			}
		}
	}
}

// TestBulkImportKeepsModeAndOwner: the rebuilt store has the mode, group
// and (as root) the owner of the file it replaces, so that a store shared
// with a group stays shared.
func TestBulkImportKeepsModeAndOwner(t *testing.T) {
	path := storeFile(t)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		uid, gid = 4242, 4343
		if err := os.Chown(path, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	s := openAt(t, path, Options{})
	if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("after a bulk import the store has mode %v, want -rw-r-----", fi.Mode())
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != uid || int(st.Gid) != gid) {
		t.Errorf("after a bulk import the store belongs to %d:%d, want %d:%d", st.Uid, st.Gid, uid, gid)
	}
}

// deadPID is a process id no process has: above any system's limit.
const deadPID = 1<<31 - 1

// TestImportLeftovers: every import (small, bulk, dry run) removes what
// killed imports of this store left, and nothing of another store's,
// whatever characters its name holds, nor of an import still running.
func TestImportLeftovers(t *testing.T) {
	for _, opts := range []model.ImportOptions{{}, {DryRun: true}, {Bulk: true}, {Bulk: true, DryRun: true}} {
		dir := t.TempDir()
		path := filepath.Join(dir, "[a].db")
		s := openAt(t, path, Options{})
		dead := []string{
			".[a].db.chrono-import-" + strconv.Itoa(deadPID) + "-1",
			".[a].db.import-12345", // as chrono named them before
		}
		kept := []string{
			".[a].db.chrono-import-" + strconv.Itoa(os.Getppid()) + "-2", // running
			".a.db.import-12345", // the store a.db's
			".a.db.chrono-import-" + strconv.Itoa(deadPID) + "-3",     // a.db's, for a.db to clear
			".[a].db.chrono-import-" + strconv.Itoa(deadPID) + "-4.x", // not chrono's naming
			".[a].db.import-x.db.import-1",                            // the store [a].db.import-x.db's
		}
		for _, name := range append(dead, kept...) {
			if err := os.Mkdir(filepath.Join(dir, name), 0o700); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, name, "run-0"), []byte("sorted"), 0o600)
		}
		if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, opts); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{"[a].db": true}
		for _, n := range kept {
			want[n] = true
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !want[e.Name()] {
				t.Errorf("%+v: left %s", opts, e.Name())
			}
			delete(want, e.Name())
		}
		for n := range want {
			t.Errorf("%+v: removed %s", opts, n)
		}
	}
}

// leftBeside lists the hidden files named for the store at path beside it.
func leftBeside(path string) []string {
	var left []string
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(path)+".") {
			left = append(left, e.Name())
		}
	}
	return left
}
