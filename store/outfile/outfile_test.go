package outfile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLeftoverNames(t *testing.T) {
	target := "/d/[a].db"
	tests := []struct {
		name      string
		kind      string
		anyTarget bool
		pid       int
		ok        bool
	}{
		{".[a].db.chrono-import-12-34", Import, false, 12, true},
		{".[a].db.chrono-import-12-34", kindOut, true, 0, false},
		{".a.db.chrono-import-12-34", Import, false, 0, false},
		{".[a].db.chrono-import-12-34.x", Import, false, 0, false},
		{".[a].db.chrono-import-12-", Import, false, 0, false},
		{".[a].db.chrono-import--34", Import, false, 0, false},
		{".[a].db.x.chrono-import-12-34", Import, false, 0, false},
		{".[a].db.chrono-out-5-6", kindOut, false, 5, true},
		{".other.json.chrono-out-5-6", kindOut, true, 5, true},
		{".other.json.chrono-out-5-6", kindOut, false, 0, false},
		{"other.json.chrono-out-5-6", kindOut, true, 0, false},
		{".chrono-out-5-6", kindOut, true, 0, false},
	}
	for _, tt := range tests {
		pid, ok := leftoverPID(tt.name, target, tt.kind, tt.anyTarget)
		if pid != tt.pid || ok != tt.ok {
			t.Errorf("leftoverPID(%q, %s, any %v) = %d, %v; want %d, %v", tt.name, tt.kind, tt.anyTarget, pid, ok, tt.pid, tt.ok)
		}
	}
}

// write creates path with Create, writes text and commits.
func write(path, text string) error {
	f, err := Create(path, 0o666)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write([]byte(text)); err != nil {
		return err
	}
	return f.Commit()
}

func TestCreateRefusesWhatIsNoFile(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, "x"); err == nil || !strings.Contains(err.Error(), dir+" is a directory") {
		t.Errorf("a directory: %v", err)
	}
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no Unix sockets: %v", err)
	}
	defer l.Close()
	if err := write(sock, "x"); err == nil || !strings.Contains(err.Error(), sock+" is a socket") {
		t.Errorf("a socket: %v", err)
	}
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := write(loop, "x"); err == nil || !strings.Contains(err.Error(), loop) {
		t.Errorf("a link to itself: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the refusals left %d files", len(entries)-2)
	}
}

// TestCommitSyncsBeforeAndAfterTheRename: the file is synced before it
// takes the name, and its directory after, so that after a power loss the
// name holds the whole file or the one before.
func TestCommitSyncsBeforeAndAfterTheRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	var synced []string
	defer func(f func(*os.File) error) { syncFile = f }(syncFile)
	syncFile = func(f *os.File) error {
		// What the name holds when each sync is made.
		b, _ := os.ReadFile(path)
		synced = append(synced, filepath.Base(f.Name())+"="+string(b))
		return f.Sync()
	}
	if err := write(path, "new"); err != nil {
		t.Fatal(err)
	}
	if len(synced) != 2 || !strings.HasPrefix(synced[0], ".out.json.chrono-out-") || !strings.HasSuffix(synced[0], "=") ||
		synced[1] != filepath.Base(dir)+"=new" {
		t.Errorf("synced %q; want the temporary file before the rename, the directory after", synced)
	}
}

func TestCreateNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	f, err := CreateNew(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("copy"))
	os.WriteFile(path, []byte("appeared meanwhile"), 0o600)
	if err := f.Commit(); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Commit over a file that appeared: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "appeared meanwhile" {
		t.Errorf("the file that appeared holds %q", b)
	}
	if _, err := CreateNew(path, 0o600); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("CreateNew of an existing file: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files besides", len(entries)-1)
	}
}

func TestAbortAndRemovePending(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	os.WriteFile(path, []byte("before"), 0o644)
	f, err := Create(path, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()
	g, err := Create(path, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	g.Write([]byte("half"))
	work, err := TempDir(path, Import)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(work, "run"), []byte("x"), 0o600)
	// A store built beside a new one's path, which its maker creates.
	building, err := TempPath(filepath.Join(dir, "new.db"), Store)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(building, []byte("a store"), 0o600)
	RemovePending() // as a signal would
	if err := g.Commit(); err == nil {
		t.Error("Commit after RemovePending succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "before" {
		t.Errorf("the file holds %q, want it as it was", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left %d files beside it", len(entries)-1)
	}
}

func TestReplaceKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "store.db")
	os.WriteFile(path, []byte("old"), 0o600)
	os.Chmod(path, 0o640|fs.ModeSetgid)
	built := filepath.Join(dir, "built")
	os.WriteFile(built, []byte("new"), 0o600)
	if err := Replace(built, path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode()&(fs.ModePerm|fs.ModeSetgid) != 0o640|fs.ModeSetgid {
		t.Errorf("mode %v (%v), want setgid -rw-r-----", fi.Mode(), err)
	}
	if err := Replace(filepath.Join(dir, "gone"), path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Replace of a file not there: %v", err)
	}
}

// TestCreateNoReplace: a file already there is refused, one that appears
// meanwhile kept, and a device written through as Create does.
func TestCreateNoReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	os.WriteFile(path, []byte("there"), 0o600)
	if _, err := CreateNoReplace(path, 0o666); !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path) {
		t.Errorf("CreateNoReplace of an existing file: %v", err)
	}
	link := filepath.Join(dir, "link.json")
	os.Symlink("out.json", link)
	if _, err := CreateNoReplace(link, 0o666); !errors.Is(err, ErrExists) {
		t.Errorf("CreateNoReplace through a link to an existing file: %v", err)
	}
	fresh := filepath.Join(dir, "fresh.json")
	f, err := CreateNoReplace(fresh, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("export"))
	os.WriteFile(fresh, []byte("appeared meanwhile"), 0o600)
	if err := f.Commit(); err == nil {
		t.Errorf("Commit over a file that appeared meanwhile succeeded")
	}
	if b, _ := os.ReadFile(fresh); string(b) != "appeared meanwhile" {
		t.Errorf("the file that appeared holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("left %d files besides", len(entries)-3)
	}
	if f, err := CreateNoReplace(os.DevNull, 0o666); err != nil || f.Through() == nil {
		t.Errorf("CreateNoReplace of %s: %v; want it written through", os.DevNull, err)
	} else {
		f.Abort()
	}
}

// TestRemoveStaleStoreTakesItsImportsDirectory: a store built for a new
// path by a process killed meanwhile leaves, beside it, the working
// directory of the large import that was filling it, named after it;
// both go with the next run's look for leftovers of that path. Those of
// a process still running, and of another path, stay.
func TestRemoveStaleStoreTakesItsImportsDirectory(t *testing.T) {
	dir := t.TempDir()
	const dead = "4194303" // above any process id a system gives out but the last
	if alive(4194303) {
		t.Skip("the process id taken as dead is alive")
	}
	live := strconv.Itoa(os.Getppid())
	store := ".k.db.chrono-store-" + dead + "-1"
	made := []string{
		store,
		"." + store + ".chrono-import-" + dead + "-2",
		".k.db.chrono-store-" + live + "-3",
		"." + ".k.db.chrono-store-" + live + "-3" + ".chrono-import-" + live + "-4",
		".j.db.chrono-store-" + dead + "-5",
	}
	for i, name := range made {
		if i%2 == 1 {
			if err := os.MkdirAll(filepath.Join(dir, name, "runs"), 0o700); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStale(filepath.Join(dir, "k.db"), Store)
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := slices.Sorted(slices.Values(made[2:])); strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("left %q, want %q", left, want)
	}
}

// TestCreateNamesAMissingDirectory: a file in a directory that does not
// exist is refused naming the directory, with what to do, and leaves
// nothing; so is one under a file taken for a directory.
func TestCreateNamesAMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such")
	err := write(filepath.Join(missing, "x.json"), "x")
	if err == nil || !strings.Contains(err.Error(), "directory "+missing+" does not exist") || !strings.Contains(err.Error(), "create it") {
		t.Errorf("in a missing directory: %v", err)
	}
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err = write(filepath.Join(file, "x.json"), "x")
	if err == nil || !strings.Contains(err.Error(), file+" is not a directory") {
		t.Errorf("under a file: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refusals left %d files", len(entries)-1)
	}
}
