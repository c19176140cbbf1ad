package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"

	"github.com/charmbracelet/x/exp/golden"
)

// result is what one chrono invocation did.
type result struct {
	stdout, stderr string
	code           int
}

// chrono runs the CLI in-process on a store, with its own environment so
// that the developer's store is never touched.
func chrono(t *testing.T, db, stdin string, args ...string) result {
	t.Helper()
	t.Setenv("CHRONO_DB", db)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{out.String(), errOut.String(), code}
}

// transcript renders invocations the way a terminal shows them, with the
// temporary store path made stable.
func transcript(db string, steps []string, results []result) string {
	var b strings.Builder
	for i, r := range results {
		fmt.Fprintf(&b, "$ chrono %s\n%s", steps[i], r.stdout)
		if r.stderr != "" {
			fmt.Fprintf(&b, "[stderr]\n%s", r.stderr)
		}
		fmt.Fprintf(&b, "[exit %d]\n\n", r.code)
	}
	return strings.ReplaceAll(b.String(), db, "$DB")
}

func newDB(t *testing.T) string { return filepath.Join(t.TempDir(), "chrono.db") }

// TestCLI checks the output of each command against golden files in
// testdata/TestCLI; update them with go test -run TestCLI -update.
func TestCLI(t *testing.T) {
	tests := []struct {
		name  string
		steps []string // each split on spaces; a step "|x" feeds stdin x
	}{
		{"seed", []string{"", ""}},
		{"list", []string{"list", "list --during 2017", "list --during 2022-02-01 --status confirmed", "list --tag doj --tag denial", "list --actor Mobileum --status denied", "list --linked disputed-by", "list --linked supports --linked Follows"}},
		{"list_json", []string{"list --json --tag denial"}},
		{"show", []string{"show nso-mobileum-call", "show nso-denial", "show miller-contacts-lieu"}},
		{"show_sides", []string{"show --sides nso-mobileum-call", "show --sides khashoggi-killed", "show --sides nobody"}},
		{"tag", []string{"tag fbi-tip verify #key", "tag fbi-tip verify", "list --tag verify", "untag fbi-tip key", "untag fbi-tip nope", "tag fbi-tip Été", "tag fbi-tip été", "untag fbi-tip ÉTÉ", "tag nobody verify", "tag fbi-tip bad,tag"}},
		{"import", []string{"import testdata/import/new-events.json", "list --tag whistleblower", "show fbi-tip", "import --dry-run timeline.example.json"}},
		{"reimport", []string{"import --dry-run testdata/import/corrected-title.json", "import testdata/import/corrected-title.json", "show nso-mobileum-call",
			"import --dry-run testdata/import/clears.json", "import --dry-run --replace testdata/import/corrected-title.json", "import --replace testdata/import/corrected-title.json", "show nso-mobileum-call"}},
		{"reimport_replace", []string{"untag nso-mobileum-call ss7", "edit nso-mobileum-call --set title=Retitled", "import --dry-run --replace timeline.example.json",
			"import --replace timeline.example.json", "show nso-mobileum-call", "import --replace timeline.example.json"}},
		{"import_errors", []string{"import testdata/import/bad-event.json", "import testdata/import/syntax-error.json", "import testdata/import/new-events.json testdata/import/bad-event.json", "list --tag whistleblower", "import testdata/import/missing.json", "import - -"}},
		{"import_problems", []string{"import --dry-run testdata/import/bad-event.json", "import testdata/import/no-version.json", "import --format json testdata/import/no-version.json",
			"import testdata/import/misspelt.json", "import testdata/import/dup-ids.csv", "import testdata/import/utf16.csv", "import --format csv testdata/import/utf16.csv"}},
		{"markdown_draft", []string{"import testdata/import/noted.json", "export --format markdown --tag draft", "export --format markdown --notes --tag draft"}},
		{"usage", []string{"bogus", "list extra", "tag fbi-tip", "show", "show fbi-tip nso-denial", "backup -o x extra", "--nope", "list --during 2017-13", "list --status rumour", "list --linked refutes", "export --format xml"}},
		{"interchange", []string{"import testdata/interchange/newsroom.json testdata/interchange/sketch.jsonl testdata/interchange/sheet.csv",
			"list --during 2017", "show sheet-1", "import testdata/interchange/sketch-bad.csv", "import --format csv testdata/interchange/sketch.jsonl",
			"export --format timelinejs --tag ss7", "export --format timesketch --status alleged", "export --format csv --tag verify", "export --format markdown --tag doj",
			"export --format xml", "import --format xml x"}},
		{"check", []string{"check", "import testdata/check/contradictions.json", "check --chronology", "check --store", "check"}},
		// What check --chronology finds, list marks and show says, event
		// by event: the links the dates contradict, a cycle, sources
		// published before or after what they date.
		{"contradictions", []string{"import testdata/check/contradictions.json", "list", "list --tag context", "list --during 2021",
			"show memo-leaked", "show memo-written", "show vote", "show next-year", "show foretold", "show post-publishes"}},
		{"hostile", []string{"import testdata/import/hostile.json", "list --tag x", "show h", "list --json --tag x"}},
		{"missing", []string{"show nso-mobilium-call", "show mobileum", "show NSO-Denial", "tag fbi-tp verify", "note fbi-tp hi", "show nobody",
			"rm fbi-tip", "show fbi-tip", "restore fbi-tp", "restore fbi-tip", "restore fbi-tip", "source rm wapoo", "source rm nope",
			"source show wapoo", "source text wapoo", "source attach wapoo testdata/import/one-row.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			if tt.name != "seed" {
				chrono(t, db, "", "import", "timeline.example.json") // the example
			}
			var results []result
			for _, step := range tt.steps {
				var args []string
				if step != "" {
					args = strings.Split(step, " ")
				}
				results = append(results, chrono(t, db, "", args...))
			}
			golden.RequireEqual(t, transcript(db, tt.steps, results))
		})
	}
}

// TestCLIExitCodes pins the contract later tooling relies on.
func TestCLIExitCodes(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	tests := []struct {
		args string
		code int
	}{
		{"list", 0},
		{"show nso-denial", 0},
		{"show nobody", 1},
		{"import testdata/import/bad-event.json", 1},
		{"list --status rumour", 2},
		{"tag", 2},
		{"frobnicate", 2},
	}
	for _, tt := range tests {
		if got := chrono(t, db, "", strings.Fields(tt.args)...).code; got != tt.code {
			t.Errorf("chrono %s: exit %d, want %d", tt.args, got, tt.code)
		}
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	chrono(t, db, "", "tag", "nso-denial", "verify")
	export := chrono(t, db, "", "export")
	if export.code != 0 {
		t.Fatalf("export: %+v", export)
	}
	if !strings.Contains(export.stderr, "exported 13 events to json") {
		t.Errorf("export says %q", export.stderr)
	}
	other := newDB(t)
	if r := chrono(t, other, export.stdout, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "imported 13 events (13 new, 0 updated) from stdin") {
		t.Fatalf("import of the export: %+v", r)
	}
	again := chrono(t, other, "", "export")
	if again.stdout != export.stdout {
		t.Errorf("export → import → export changed the document")
	}
	list := func(db string) string { return chrono(t, db, "", "list", "--json").stdout }
	if list(db) != list(other) {
		t.Errorf("the imported store lists differently")
	}
}

func TestExportToFile(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	out := filepath.Join(t.TempDir(), "out.json")
	if r := chrono(t, db, "", "export", "-o", out); r.code != 0 || r.stdout != "" {
		t.Fatalf("export -o: %+v", r)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var c model.Collect
	if err := native.Read(bytes.NewReader(doc), &c); err != nil || len(c.Timeline.Events) != 13 {
		t.Errorf("exported file reads as %d events, %v", len(c.Timeline.Events), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("export left %d files behind, want only out.json", len(entries))
	}
}

func TestFailedImportLeavesStoreUnchanged(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	before := chrono(t, db, "", "export").stdout
	bytesBefore, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	r := chrono(t, db, "", "import", "testdata/import/new-events.json", "testdata/import/bad-event.json")
	if r.code != 1 {
		t.Fatalf("import of a bad file: %+v", r)
	}
	if after := chrono(t, db, "", "export").stdout; after != before {
		t.Errorf("a failed import changed the store")
	}
	bytesAfter, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytesBefore, bytesAfter) {
		t.Errorf("a failed import changed the store file's bytes")
	}
}

func TestTagIsOnDiskWhenTagExits(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	if r := chrono(t, db, "", "tag", "nso-denial", "verify"); r.code != 0 {
		t.Fatalf("tag: %+v", r)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := s.Event("nso-denial")
	if err != nil || !e.HasTag("verify") {
		t.Errorf("after chrono tag, the stored event has tags %v (%v)", e.Tags, err)
	}
}

func TestStoreInUse(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := chrono(t, db, "", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "store "+db+" is in use by another chrono process") {
		t.Errorf("list while the store is held: %+v", r)
	}
}

func TestDefaultStoreLocation(t *testing.T) {
	data := t.TempDir()
	t.Setenv("CHRONO_DB", "")
	t.Setenv("XDG_DATA_HOME", data)
	var out, errOut bytes.Buffer
	if code := run(nil, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("chrono: exit %d: %s", code, errOut.String())
	}
	want := filepath.Join(data, "chrono", "chrono.db")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("no store at %s: %v", want, err)
	}
	if !strings.Contains(errOut.String(), "created "+want+" with the example investigation (13 events)") {
		t.Errorf("seeding message: %q", errOut.String())
	}
}

// TestExampleQuotesAreVerbatim checks every quote of the example against
// the article it was taken from, when the article is beside the
// repository.
func TestExampleQuotesAreVerbatim(t *testing.T) {
	article, err := os.ReadFile("../shared/seed/nso-bags-of-cash.txt")
	if err != nil {
		t.Skip("the source article is not beside the repository")
	}
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	if err := native.Read(bytes.NewReader(example), chk); err != nil {
		t.Fatal(err)
	}
	if err := chk.Done(); err != nil {
		t.Fatal(err)
	}
	quotes := 0
	for _, e := range c.Timeline.Events {
		for i, q := range e.Quotes {
			quotes++
			if !bytes.Contains(article, []byte(q.Text)) {
				t.Errorf("event %s quote #%d is not verbatim in the article: %q", e.ID, i+1, q.Text)
			}
		}
	}
	if quotes == 0 {
		t.Error("the example has no quotes")
	}
}

// beyondNew is stderr without the line that says a command started the
// store it was given: what a test of other warnings looks at.
func beyondNew(stderr string) string {
	var kept []string
	for _, line := range strings.SplitAfter(stderr, "\n") {
		if !strings.HasPrefix(line, "started a new investigation in ") {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "")
}
