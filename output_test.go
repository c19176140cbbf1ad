package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// exampleDB is a store holding the example investigation.
func exampleDB(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	return db
}

// TestExportThroughASymlink: -o a link replaces the file it points to,
// and the link stays a link.
func TestExportThroughASymlink(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "out.json")
	os.Mkdir(filepath.Dir(real), 0o755)
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real/out.json", link); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "export", "--force", "-o", link); r.code != 0 {
		t.Fatalf("export -o link: %+v", r)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), `"events"`) {
		t.Errorf("the file the link points to holds %q, want the export", b)
	}
	// A link to a file not there yet creates it.
	dangling := filepath.Join(dir, "new-link.json")
	os.Symlink("real/new.json", dangling)
	if r := chrono(t, db, "", "export", "-o", dangling); r.code != 0 {
		t.Fatalf("export -o a dangling link: %+v", r)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "real", "new.json")); !strings.Contains(string(b), `"events"`) {
		t.Errorf("a link to a new file: it holds %q, want the export", b)
	}
	assertOnly(t, filepath.Join(dir, "real"), "new.json", "out.json")
}

// TestExportOverAHardLink: the file is replaced whole under the name
// given; its other names keep the previous content, never half of each.
// It keeps its mode.
func TestExportOverAHardLink(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	out, other := filepath.Join(dir, "out.json"), filepath.Join(dir, "other.json")
	if err := os.WriteFile(out, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o640)
	if err := os.Link(out, other); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if r := chrono(t, db, "", "export", "--force", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if b, _ := os.ReadFile(other); string(b) != "old" {
		t.Errorf("the other name of the file holds %q, want the previous content", b)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file has mode %v (%v), want the mode it had, -rw-r-----", fi.Mode(), err)
	}
}

// TestOutputErrorsNameThePathGiven: an error says the path asked for, not
// the hidden file written meanwhile.
func TestOutputErrorsNameThePathGiven(t *testing.T) {
	db := exampleDB(t)
	out := filepath.Join(t.TempDir(), "no-such-dir", "x.json")
	for _, args := range [][]string{{"export", "-o", out}, {"backup", "-o", out}} {
		r := chrono(t, db, "", args...)
		if r.code == 0 || !strings.Contains(r.stderr, out) || strings.Contains(r.stderr, ".x.json") {
			t.Errorf("%s -o in a missing directory: exit %d, %q; want an error naming %s", args[0], r.code, r.stderr, out)
		}
	}
	dir := t.TempDir()
	r := chrono(t, db, "", "export", "-o", dir)
	if r.code == 0 || !strings.Contains(r.stderr, dir+" is a directory") {
		t.Errorf("export -o a directory: exit %d, %q", r.code, r.stderr)
	}
}

// deadPID is a process id no process has: above any system's limit.
const deadPID = 1<<31 - 1

// TestOutputsClearDeadLeftovers: export -o and backup -o remove the
// temporary files that killed runs left in the directory, and never those
// of a process still running.
func TestOutputsClearDeadLeftovers(t *testing.T) {
	db := exampleDB(t)
	for _, cmd := range []string{"export", "backup"} {
		dir := t.TempDir()
		dead := []string{
			".out.json.chrono-out-" + strconv.Itoa(deadPID) + "-123",
			".2026-11-24.db.chrono-out-" + strconv.Itoa(deadPID) + "-9", // an earlier backup's
		}
		kept := []string{
			".out.json.chrono-out-" + strconv.Itoa(os.Getppid()) + "-456", // running
			".out.json.chrono-out-" + strconv.Itoa(deadPID) + "-1.x",      // not chrono's naming
			"out.json.chrono-out-" + strconv.Itoa(deadPID) + "-1",         // not hidden
		}
		for _, name := range append(dead, kept...) {
			os.WriteFile(filepath.Join(dir, name), []byte("leftover"), 0o600)
		}
		if r := chrono(t, db, "", cmd, "-o", filepath.Join(dir, "out.json")); r.code != 0 {
			t.Fatalf("%s: %+v", cmd, r)
		}
		assertOnly(t, dir, append(kept, "out.json")...)
	}
}

// assertOnly fails unless dir holds exactly names.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("%s holds %s", dir, e.Name())
		}
		delete(want, e.Name())
	}
	for n := range want {
		t.Errorf("%s lacks %s", dir, n)
	}
}

// TestExportRefusesToOverwrite: -o an existing file is refused, the file
// untouched, unless --force; as backup -o refuses.
func TestExportRefusesToOverwrite(t *testing.T) {
	db := exampleDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chrono(t, db, "", "export", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, out+" already exists") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("export -o an existing file: exit %d, %q; want a refusal naming it and --force", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("the refused file holds %.20q, want it as it was", b)
	}
	// Through a link to an existing file, too.
	link := filepath.Join(dir, "link.json")
	os.Symlink("out.json", link)
	if r := chrono(t, db, "", "export", "-o", link); r.code != 1 {
		t.Errorf("export -o a link to an existing file: exit %d, %q; want a refusal", r.code, r.stderr)
	}
	if r := chrono(t, db, "", "export", "--force", "-o", out); r.code != 0 {
		t.Fatalf("export --force: %+v", r)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), `"events"`) {
		t.Errorf("export --force: the file holds %.20q, want the export", b)
	}
	assertOnly(t, dir, "link.json", "out.json")
}
