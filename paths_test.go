package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs chrono with the environment given (CHRONO_DB, XDG_DATA_HOME
// and HOME, each unset when empty), so that a test can say where the
// default store is.
func runIn(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	for _, k := range []string{"CHRONO_DB", "XDG_DATA_HOME", "HOME"} {
		t.Setenv(k, env[k])
		if env[k] == "" {
			os.Unsetenv(k)
		}
	}
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return result{out.String(), errOut.String(), code}
}

// TestOnlyCreatingCommandsCreateAStore: a mistyped --db given to a
// command that reads or changes a store (chrono itself too, when it only
// prints the listing to a pipe) says there is none there, and leaves
// nothing behind, not even a directory; import and add start a store
// where there is none.
func TestOnlyCreatingCommandsCreateAStore(t *testing.T) {
	example, err := filepath.Abs("timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{}, {"list"}, {"show", "x"}, {"export"}, {"log"}, {"trash"}, {"backup", "-o", filepath.Join(t.TempDir(), "b.db")},
		{"tag", "x", "y"}, {"untag", "x", "y"},
		{"edit", "x", "--set", "title=y"}, {"rm", "x"}, {"restore", "x"}, {"note", "x", "a note"},
		{"link", "x", "supports", "y"}, {"undo"}, {"source", "rm", "x"},
	} {
		dir := filepath.Join(t.TempDir(), "cases")
		db := filepath.Join(dir, "chrono.db")
		r := chrono(t, db, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, "no store at "+db) {
			t.Errorf("chrono %s on a missing store: exit %d, stderr %q; want it to say there is no store at %s", strings.Join(args, " "), r.code, r.stderr, db)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("chrono %s on a missing store made %s (stat: %v)", strings.Join(args, " "), dir, err)
		}
	}
	// A dry run says there is none, and what the files would make in one.
	dir := filepath.Join(t.TempDir(), "cases")
	db := filepath.Join(dir, "chrono.db")
	if r := chrono(t, db, "", "import", "--dry-run", example); r.code != 0 || !strings.HasPrefix(r.stderr, "no store at "+db+" yet") || !strings.HasPrefix(r.stdout, "would import 13 events") {
		t.Errorf("chrono import --dry-run on a missing store: %+v", r)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("chrono import --dry-run on a missing store made %s (stat: %v)", dir, err)
	}
	for _, args := range [][]string{{"import", example}, {"add", "--title", "a call"}} {
		db := filepath.Join(t.TempDir(), "cases", "chrono.db")
		if r := chrono(t, db, "", args...); r.code != 0 || !strings.Contains(r.stderr, "started a new investigation in "+db+": no store was there") {
			t.Errorf("chrono %s on a missing store: exit %d, stderr %q; want it to say it started one", strings.Join(args, " "), r.code, r.stderr)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("chrono %s made no store: %v", strings.Join(args, " "), err)
		}
	}
}

// TestEmptyDBFlag: an empty --db is a mistake to point out, not a way of
// asking for the default store.
func TestEmptyDBFlag(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"--db", "", "list"}, {"--db=", "import", "timeline.example.json"}, {"--db", ""}} {
		r := runIn(t, map[string]string{"XDG_DATA_HOME": data}, args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "--db") {
			t.Errorf("chrono %q: exit %d, stderr %q; want a usage error about --db", args, r.code, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("--db '' made %v in the data directory", entries)
	}
}

// TestRelativeXDGDataHome: the XDG spec says a relative XDG_DATA_HOME is
// to be ignored, so the default store stays in ~/.local/share wherever
// chrono is run from.
func TestRelativeXDGDataHome(t *testing.T) {
	home, work := t.TempDir(), t.TempDir()
	example, err := filepath.Abs("timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	r := runIn(t, map[string]string{"HOME": home, "XDG_DATA_HOME": "data"}, "import", example)
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	want := filepath.Join(home, ".local", "share", "chrono", "chrono.db")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("no store at %s: %v", want, err)
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Errorf("chrono made %v in the current directory", entries)
	}
}

// TestStorePathEndingInASlash: a store path that ends in a slash names a
// directory. The commands that make a store refuse it, saying so, and
// leave nothing behind: not the directory, and no word of an import that
// did not happen.
func TestStorePathEndingInASlash(t *testing.T) {
	example, err := filepath.Abs("timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		db   bool
		args []string
	}{
		{false, []string{"new"}},
		{true, []string{"add", "--title", "a call"}},
		{true, []string{"import", example}},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "case") + "/"
		args := append(c.args, path)
		db := ""
		if c.db {
			args, db = c.args, path
		}
		r := chrono(t, db, "", args...)
		if r.code == 0 || !strings.Contains(r.stderr, "names a directory") || strings.Contains(r.stderr, "imported") {
			t.Errorf("chrono %s with the store %s: exit %d, stderr %q; want it refused as naming a directory", strings.Join(c.args, " "), path, r.code, r.stderr)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("chrono %s with the store %s left %v behind", strings.Join(c.args, " "), path, entries)
		}
	}
}
