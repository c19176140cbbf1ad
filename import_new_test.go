package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
)

// TestFailedImportMakesNoStore: an import into a store that is not there
// yet, which fails, leaves nothing behind: no store, no directory made
// for it, no file of its own. One that succeeds leaves the store alone.
func TestFailedImportMakesNoStore(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"chrono":1,"events":[{"id":"a","title":"x"},]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "new", "case", "case.db")
	r := chrono(t, db, "", "import", broken)
	if r.code == 0 || !strings.Contains(r.stderr, "nothing imported, the store is unchanged") {
		t.Fatalf("import of a broken file: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Lstat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
		t.Errorf("the failed import left %s (%v)", filepath.Join(dir, "new"), err)
	}

	if r := chrono(t, db, "", "import", "timeline.example.json"); r.code != 0 {
		t.Fatalf("import: exit %d, %q", r.code, r.stderr)
	}
	left, err := os.ReadDir(filepath.Dir(db))
	if err != nil || len(left) != 1 || left[0].Name() != "case.db" {
		t.Errorf("after the import the store's directory holds %v (%v), want case.db alone", left, err)
	}
	if r := chrono(t, db, "", "list"); r.code != 0 || !strings.Contains(r.stdout, "fbi-tip") {
		t.Errorf("list after the import: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

// TestChangedPart: a dry run shows a change it would make, even where the
// two values read the same on one line.
func TestChangedPart(t *testing.T) {
	long := strings.Repeat("word ", 20)
	for _, tc := range []struct{ before, after, wantB, wantA string }{
		{"line1\nline2\tTab", "line1 line2 Tab", `"line1\nline2\tTab"`, `"line1 line2 Tab"`},
		{long + "end", long + "END", `…"word word end"`, `…"word word END"`},
	} {
		b, a := changedPart(tc.before, tc.after)
		if b != tc.wantB || a != tc.wantA {
			t.Errorf("changedPart(%q, %q) = %s → %s, want %s → %s", tc.before, tc.after, b, a, tc.wantB, tc.wantA)
		}
	}
}

// TestDryRunShowsWhereValuesDiffer: each changed field a dry run lists
// shows its two values differently, wherever in the value they differ:
// at the start, past what a line holds, in white space alone, or past
// the length a change keeps.
func TestDryRunShowsWhereValuesDiffer(t *testing.T) {
	long := strings.Repeat("word ", 60)
	for _, tc := range []struct{ name, before, after string }{
		{"leading tab", "\t leading tab title", " leading tab title"},
		{"start of a long value", "A" + long, "B" + long},
		{"middle of a long value", long + "old" + long, long + "new" + long},
		{"white space past the line", long + "a\tb" + long, long + "a b" + long},
		{"end of a long value", long + long + "end", long + long + "END"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r model.ImportResult
			r.CountUpdate(&model.Event{ID: "e", Title: tc.before}, &model.Event{ID: "e", Title: tc.after}, true)
			var out strings.Builder
			(&importOptions{cli: &cli{stdout: &out}}).listUpdates(r)
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) != 2 {
				t.Fatalf("listed %q, want the event and its title", out.String())
			}
			before, after, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lines[1]), "title")), " → ")
			if !ok || before == after {
				t.Errorf("listed %q: the two sides read the same", lines[1])
			}
			if strings.ContainsAny(lines[1], "\t\n") {
				t.Errorf("listed %q: a control character reached the terminal", lines[1])
			}
		})
	}
}

// TestImportListsProblemsBeforeAStop: a file that cannot be read on (a
// quoted cell left open) is refused with the problems found before that
// place too, in the file's order, so that all are fixed at once.
func TestImportListsProblemsBeforeAStop(t *testing.T) {
	db := exampleDB(t)
	file := filepath.Join(t.TempDir(), "short.csv")
	os.WriteFile(file, []byte("id,date,title\nc1,2017-08,ok\nc2,2017-08\nc3,2017-08,\"unterminated\n"), 0o600)
	r := chrono(t, db, "", "import", file)
	short, open := strings.Index(r.stderr, "short.csv:3: "), strings.Index(r.stderr, "short.csv:4: a quoted cell is not closed right")
	if r.code == 0 || short < 0 || open < short {
		t.Errorf("import: %+v; want row 3's problem, then row 4's", r)
	}
}

// TestDryRunWithoutAStore: a dry run into a path where no store is yet
// checks the files and reports what they would make, as against an
// empty store, and leaves nothing at the path; it said "no store".
func TestDryRunWithoutAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "not", "yet", "there.db")
	r := chrono(t, db, "", "import", "--dry-run", "timeline.example.json")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "would import 13 events (13 new, 0 updated) from timeline.example.json") {
		t.Errorf("dry run: %+v", r)
	}
	if _, err := os.Stat(filepath.Dir(filepath.Dir(db))); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the dry run made the store's directory: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"chrono": 1, "events": [{"id": "a", "date": "2017-13", "title": "x"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", "--dry-run", bad); r.code != 1 || !strings.Contains(r.stderr, `bad.json:1:38: event "a" (#1): date "2017-13": month 13 out of range`) {
		t.Errorf("dry run of a file with a problem: %+v", r)
	}
}

// TestImportOfWhatIsNotAFile: a path that names nothing, or a directory,
// says so and what to do, rather than the system's "open x: no such
// file or directory", or a directory failing at its first read.
func TestImportOfWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "missing.json: no such file: check the name, or give - to read stdin"},
		{dir, dir + " is a directory: name a file in it"},
		{"", `"": an empty file name`},
	} {
		r := chrono(t, newDB(t), "", "import", tt.path)
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "open ") {
			t.Errorf("import %s: %+v, want %q", tt.path, r, tt.want)
		}
	}
}
