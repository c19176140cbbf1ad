package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// clockTimes are the times chrono prints for changes, which differ at
// every run.
var clockTimes = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?|\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d( [A-Z]{2,5}| [-+]\d{2,4})?`)

// TestCLIAuthoring writes an investigation from nothing on the command
// line, and checks every step's output, including its errors, against
// testdata/TestCLIAuthoring; update with go test -run TestCLIAuthoring
// -update.
func TestCLIAuthoring(t *testing.T) {
	t.Setenv("CHRONO_AUTHOR", "ana")
	tests := []struct {
		name  string
		steps []string // split on "|" into arguments
	}{
		{"build", []string{
			"new|$DB|--title|Bags of cash|--description|NSO and Mobileum",
			"add|--title|NSO offers Mobileum \"bags of cash\"|--date|Aug 2017|--status|alleged|--actor|Omri Lavie|--actor|Gary Miller|--tag|ss7",
			"add|--title|Miller tips off the FBI|--date|Aug 2017 – 2021|--date-text|last year|--date-source|post",
			"source|add|--id|post|--publisher|The Washington Post|--title|Bags of cash|--published|1 Feb 2022",
			"add|--title|Miller tips off the FBI|--date|Aug 2017 – 2021|--date-text|last year|--date-source|post",
			"quote|add|nso-offers-mobileum-bags-of-cash|--text|We drop bags of cash at your office|--speaker|Omri Lavie|--source|post|--stance|asserts",
			"link|miller-tips-off-the-fbi|follows|nso-offers-mobileum-bags-of-cash",
			"note|miller-tips-off-the-fbi|ask Tye for the tip's date",
			"show|miller-tips-off-the-fbi",
			"edit|nso-offers-mobileum-bags-of-cash|--set|date=14 Aug 2017|--set|status=disputed",
			"show|nso-offers-mobileum-bags-of-cash",
			"source|list",
			"log",
		}},
		{"trash_and_undo", []string{
			"new|$DB",
			"add|--title|First",
			"add|--title|Second",
			"link|second|follows|first",
			"rm|first",
			"list",
			"trash",
			"restore|first",
			"list",
			"edit|second|--set|title=Second, renamed",
			"edit|second|--set|summary=a summary",
			"revert|7",
			"edit|second|--set|summary=another summary",
			"revert|8",
			"log|second",
			"undo",
			"undo",
			"show|second",
			"edit|--header|--set|title=Renamed case",
			"rm|first",
			"trash|--empty",
			"trash",
			"undo",
		}},
		{"notes_by_two", []string{
			"new|$DB",
			"add|--title|Miller tips off the FBI",
			"--author|bo|note|miller-tips-off-the-fbi|ask Tye for the tip's date",
			"--author|cy|note|miller-tips-off-the-fbi|--edit|1|ask Tye and Lieu for the tip's date",
			"show|miller-tips-off-the-fbi",
			"--author|cy|note|miller-tips-off-the-fbi|--edit|1|ask Tye and Lieu for the tip's date",
			"--author|bo|note|miller-tips-off-the-fbi|--edit|1|ask Lieu",
			"show|miller-tips-off-the-fbi",
			"log",
			"--author|bo|undo",
			"show|miller-tips-off-the-fbi",
			"--author|bo|revert|4",
			"show|miller-tips-off-the-fbi",
		}},
		{"reimport", []string{
			"import|testdata/import/one-row.csv",
			"edit|ev1|--set|title=Corrected",
			"import|--dry-run|testdata/import/one-row.csv",
			"import|testdata/import/one-row.csv",
			"import|testdata/import/one-row-retitled.csv",
			"import|--dry-run|--prefer|file|testdata/import/one-row-retitled.csv",
			"import|--prefer|file|testdata/import/one-row-retitled.csv",
			"edit|ev1|--set|summary=A summary",
			"log",
			"revert|3",
			"show|ev1",
			"edit|ev1|--set|title=Mine",
			"revert|1",
		}},
		{"errors", []string{
			"new|$DB",
			"new|$DB",
			"add",
			"add|--title|x|--date|Smarch 2017",
			"add|--title|x|--status|rumour",
			"add|--title|Dup|--id|dup",
			"add|--title|Dup|--id|dup",
			"edit|nobody|--set|title=x",
			"edit|dup|--set|colour=blue",
			"edit|dup|--set|staus=alleged",
			"edit|dup|--set|status=aleged",
			"edit|dup|--set|status=Alleged",
			"edit|dup|--set|title",
			"link|dup|likes|dup",
			"link|dup|disputes|nobody",
			"quote|add|dup",
			"quote|add|dup|--text|x|--source|nowhere",
			"quote|rm|dup|3",
			"source|add|--id|post|--publisher|P",
			"quote|add|dup|--text|x|--source|post",
			"quote|add|dup|--text|y|--source|pots",
			"add|--title|z|--date|2020|--date-text|then|--date-source|po",
			"source|rm|post",
			"rm|nobody",
			"restore|dup",
			"revert|99",
			"revert|x",
			"revert|-1",
			"revert|0",
			"quote|rm|dup|-1",
			"note|dup|",
			"note|dup|--delete|0",
			"note|dup|--edit|-1|text",
			"note|dup|--edit|1|--delete|2|text",
			"quote|add|dup|--text|y|--source|post|--at|0",
			"quote|add|dup|--text|y|--source|post|--at|9",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			var steps []string
			var results []result
			for _, step := range tt.steps {
				args := strings.Split(strings.ReplaceAll(step, "$DB", db), "|")
				steps = append(steps, strings.Join(args, " "))
				results = append(results, chrono(t, db, "", args...))
			}
			golden.RequireEqual(t, clockTimes.ReplaceAllString(transcript(db, steps, results), "TIME"))
		})
	}
}

// TestEditInEditor runs chrono edit ID with a scripted editor: a first
// pass that breaks the JSON is reopened with the problems on top, a
// second that fixes it is saved, and an editor that changes nothing
// writes nothing.
func TestEditInEditor(t *testing.T) {
	t.Setenv("CHRONO_AUTHOR", "ana")
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	// Pass 1 breaks the file; pass 2 checks the problems are on top and
	// writes a good title.
	dir := twoPassEditor(t, `sed -i 's/"title": "/"title": 12, "x": "/' "$1"`, `grep -q '^// ' "$1" || exit 3
sed -i 's/"title": 12, "x": "/"title": "Corrected: /' "$1"`)
	r := chrono(t, db, "", "edit", "nso-denial")
	if r.code != 0 || !strings.Contains(r.stdout, "saved “Corrected: NSO denies do … paying in cash”") {
		t.Fatalf("edit: %+v", r)
	}
	show := chrono(t, db, "", "show", "nso-denial")
	if !strings.Contains(show.stdout, "Corrected: NSO denies") {
		t.Errorf("the edit is not stored:\n%s", show.stdout)
	}
	if n, _ := os.ReadFile(filepath.Join(dir, "n")); strings.TrimSpace(string(n)) != "2" {
		t.Errorf("the editor ran %q times, want 2", n)
	}
	log := chrono(t, db, "", "log", "nso-denial")
	if !strings.Contains(log.stdout, "ana") || !strings.Contains(log.stdout, "changed: title") {
		t.Errorf("log:\n%s", log.stdout)
	}
	t.Setenv("VISUAL", "true")
	if r := chrono(t, db, "", "edit", "nso-denial"); r.code != 0 || !strings.Contains(r.stderr, "no change") {
		t.Errorf("an unchanged file: %+v", r)
	}
}

// TestEditInEditorGivesUp: an editor that leaves the file with its
// problems as it found them ends the edit, keeping what was typed,
// rather than opening it again without end; and the problems on top
// name the lines they are on in the file as reopened.
func TestEditInEditorGivesUp(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // where the kept version goes
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	// Pass 1 misspells a member; pass 2 saves what it is shown, first
	// noting the line the problem names and that line's text.
	dir := twoPassEditor(t, `sed -i 's/"title":/"titel":/' "$1"`, `at=$(grep -o '^//   [0-9]*' "$1" | head -1 | tr -dc 0-9)
sed -n "${at}p" "$1" > "$(dirname "$0")/line"`)
	r := chrono(t, db, "", "edit", "nso-denial")
	_, kept, found := strings.Cut(strings.TrimSpace(r.stderr), "nothing saved; your version is kept in ")
	if r.code == 0 || !found {
		t.Fatalf("edit: %+v", r)
	}
	if text, err := os.ReadFile(kept); err != nil || !strings.Contains(string(text), `"titel"`) {
		t.Errorf("the version kept in %q: %q, %v; want what was typed", kept, text, err)
	}
	if n, _ := os.ReadFile(filepath.Join(dir, "n")); strings.TrimSpace(string(n)) != "2" {
		t.Errorf("the editor ran %q times, want 2", n)
	}
	if line, _ := os.ReadFile(filepath.Join(dir, "line")); !strings.Contains(string(line), `"titel"`) {
		t.Errorf("the problem's line in the reopened file is %q, want the misspelt member's", line)
	}
	if show := chrono(t, db, "", "show", "nso-denial"); !strings.Contains(show.stdout, "NSO denies") {
		t.Errorf("the event changed:\n%s", show.stdout)
	}
}

// TestEditInEditorKeepsTheTextOnAnyFailure: a save that fails for
// another reason than a conflict (the store gone, a database down) keeps
// what was typed too.
func TestEditInEditorKeepsTheTextOnAnyFailure(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // where the kept version goes
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	moved := db + ".elsewhere"
	twoPassEditor(t, `sed -i 's/"title": "/"title": "Typed: /' "$1"; mv "`+db+`" "`+moved+`"`, `exit 3`)
	r := chrono(t, db, "", "edit", "nso-denial")
	_, kept, found := strings.Cut(strings.TrimSpace(r.stderr), "your version is kept in ")
	if r.code == 0 || !found {
		t.Fatalf("edit: %+v", r)
	}
	if text, err := os.ReadFile(kept); err != nil || !strings.Contains(string(text), `"Typed: NSO denies`) {
		t.Errorf("the version kept in %q: %q, %v; want what was typed", kept, text, err)
	}
}

// TestAddDatedByWords: a source's words for a date ("last year") given
// as --date are refused, saying to give them as the date text with the
// source that anchors them; given so, the event is added undated, and
// the date the words mean is proposed on stderr, stdout keeping the id.
func TestAddDatedByWords(t *testing.T) {
	db := exampleDB(t)
	r := chrono(t, db, "", "add", "--title", "Lieu hears of it", "--date", "last year")
	if r.code != 2 || !strings.Contains(r.stderr, `--date: "last year" is a source's words, not a date: give them as --date-text, with --date-source`) {
		t.Errorf("--date last year: %+v", r)
	}
	r = chrono(t, db, "", "add", "--title", "Lieu hears of it", "--date-text", "last year", "--date-source", "wapo")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "lieu-hears-of-it" {
		t.Fatalf("add: %+v", r)
	}
	if want := `undated: "last year" read in a source published 1 Feb 2022, proposes 2021; chrono edit lieu-hears-of-it --set date=2021 takes it`; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	// From a source dated in a year only, words of a day say what they lack.
	if r := chrono(t, db, "", "source", "add", "--id", "yearbook", "--published", "2020"); r.code != 0 {
		t.Fatalf("source add: %+v", r)
	}
	r = chrono(t, db, "", "add", "--title", "A fortnight before", "--date-text", "two weeks ago", "--date-source", "yearbook")
	if want := `undated: "two weeks ago" needs a more exact date of publication than yearbook's, 2020; chrono source edit yearbook --published gives it`; r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	// From a source with no date of publication, they say what it lacks.
	if r := chrono(t, db, "", "source", "add", "--id", "nod", "--publisher", "N"); r.code != 0 {
		t.Fatalf("source add: %+v", r)
	}
	r = chrono(t, db, "", "add", "--title", "A year before", "--date-text", "last year", "--date-source", "nod")
	if want := `undated: "last year" hangs on when nod was published, which it does not say; chrono source edit nod --published DATE gives it`; r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	if r := chrono(t, db, "", "edit", "lieu-hears-of-it", "--set", "date=two years ago"); r.code != 2 || !strings.Contains(r.stderr, "give them as --set date_text") || strings.Contains(r.stderr, "proposes") {
		t.Errorf("--set date=two years ago: %+v", r)
	}
	// A date mistyped is said as such, not taken for words.
	if r := chrono(t, db, "", "add", "--title", "x", "--date", "2017-08."); r.code != 2 || strings.Contains(r.stderr, "source's words") {
		t.Errorf("--date 2017-08.: %+v", r)
	}
	// Words that are a date need no source to say what they read as.
	if r := chrono(t, db, "", "add", "--title", "x", "--date-text", "August 2017."); !strings.Contains(r.stderr, `undated: "August 2017." reads as Aug 2017`) {
		t.Errorf("--date-text August 2017.: %+v", r)
	}
}

// TestAddBeforeAfter: an event "before 2018" is dated up to the end of
// 2017, and "after 2018" from 2019, neither in 2018; add and edit say on
// stderr the date the words read as, which is not the one typed, and
// "until" and "since" keep their date.
func TestAddBeforeAfter(t *testing.T) {
	db := exampleDB(t)
	for i, c := range []struct {
		date, edtf, note string
		in2018           bool
	}{
		{"before 2018", "/2017", `--date: "before 2018" reads as ? – 2017 (EDTF /2017)`, false},
		{"after 2018", "2019/", `--date: "after 2018" reads as 2019 – ? (EDTF 2019/)`, false},
		{"before 14 Aug 2017", "/2017-08-13", `--date: "before 14 Aug 2017" reads as ? – 13 Aug 2017 (EDTF /2017-08-13)`, false},
		{"after Dec 2017", "2018-01/", `--date: "after Dec 2017" reads as Jan 2018 – ? (EDTF 2018-01/)`, true},
		{"until 2018", "../2018", "", true},
		{"since 2018", "2018/..", "", true},
	} {
		id := fmt.Sprintf("ba%d", i)
		r := chrono(t, db, "", "add", "--title", "ba "+c.date, "--date", c.date, "--id", id)
		if r.code != 0 || strings.TrimSpace(r.stdout) != id || strings.TrimSpace(r.stderr) != c.note {
			t.Errorf("add --date %q: %+v, want the note %q", c.date, r, c.note)
		}
		if show := chrono(t, db, "", "show", id); !strings.Contains(show.stdout, "(EDTF "+c.edtf+")") {
			t.Errorf("add --date %q: want %s:\n%s", c.date, c.edtf, show.stdout)
		}
		if r := chrono(t, db, "", "list", "--during", "2018"); strings.Contains(r.stdout, " "+id+" ") != c.in2018 {
			t.Errorf("add --date %q: in 2018 %v, want %v:\n%s", c.date, !c.in2018, c.in2018, r.stdout)
		}
	}
	r := chrono(t, db, "", "edit", "nso-denial", "--set", "date=after 14 Aug 2017")
	if want := `--set date: "after 14 Aug 2017" reads as 15 Aug 2017 – ? (EDTF 2017-08-15/)`; r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("edit --set date=after 14 Aug 2017: %+v, want %q", r, want)
	}
}

// twoPassEditor makes $VISUAL a script that runs first on its first
// pass and then on every later one, on the file it is given ($1), and
// counts its passes in the file n of the directory it returns, where
// the script is.
func twoPassEditor(t *testing.T, first, then string) (dir string) {
	t.Helper()
	dir = t.TempDir()
	script := filepath.Join(dir, "editor")
	os.WriteFile(script, []byte(`#!/bin/sh
n=$(cat "`+dir+`/n" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "`+dir+`/n"
if [ $n = 1 ]; then `+first+`; exit 0; fi
`+then+"\n"), 0o755)
	t.Setenv("VISUAL", script)
	return dir
}

// TestRevertOfATrashMoveWaitsForOthersEdits: undoing a restore moves the
// event back to the trash, one's own edits since going with it; another
// author's edit made since stops it, named, as it did: nobody's work
// goes to the trash unasked.
func TestRevertOfATrashMoveWaitsForOthersEdits(t *testing.T) {
	db := newDB(t)
	steps := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"import", "timeline.example.json"}, 0, ""},
		{[]string{"--author", "alice", "rm", "nso-denial"}, 0, ""},
		{[]string{"--author", "alice", "restore", "nso-denial"}, 0, ""},             // #3
		{[]string{"--author", "alice", "tag", "nso-denial", "checked"}, 0, ""},      // #4
		{[]string{"--author", "alice", "revert", "3"}, 0, ""},                       // alice's tag goes with it
		{[]string{"--author", "alice", "restore", "nso-denial"}, 0, ""},             // #6
		{[]string{"--author", "bob", "note", "nso-denial", "Bob's finding"}, 0, ""}, // #7
		{[]string{"--author", "alice", "revert", "6"}, 1, `#7 added a note to nso-denial by bob`},
	}
	for _, st := range steps {
		r := chrono(t, db, "", st.args...)
		if r.code != st.code || !strings.Contains(r.stderr, st.err) {
			t.Fatalf("%v: %+v; want exit %d saying %q", st.args, r, st.code, st.err)
		}
	}
}
