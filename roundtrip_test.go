package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRoundTripKeepsEverything exports the example to each format chrono
// also reads and imports the file back into the same store: an update
// takes only what the format carries, so the chrono JSON export after the
// round trip is the one before it, byte for byte, whatever the format
// could not carry (links and notes in CSV; status, actors, quotes and
// links in TimelineJS).
func TestRoundTripKeepsEverything(t *testing.T) {
	for _, format := range []string{"csv", "timelinejs", "json"} {
		t.Run(format, func(t *testing.T) {
			db := newDB(t)
			chrono(t, db, "", "import", "timeline.example.json") // the example
			// The investigator's work is there too, a summary with white
			// space HTML would collapse among it.
			chrono(t, db, "", "tag", "nso-denial", "verify")
			if r := chrono(t, db, "", "add", "--title", "Spaced", "--date", "2019", "--summary", "Line one.  \nLine two\n\n\n\nThird  para, tab\there "); r.code != 0 {
				t.Fatalf("add: %+v", r)
			}
			before := chrono(t, db, "", "export")
			if before.code != 0 {
				t.Fatalf("export: %+v", before)
			}
			file := filepath.Join(t.TempDir(), "x."+format)
			if r := chrono(t, db, "", "export", "--format", format, "-o", file); r.code != 0 {
				t.Fatalf("export --format %s: %+v", format, r)
			}
			r := chrono(t, db, "", "import", file)
			if r.code != 0 || !strings.Contains(r.stdout, "imported 14 events (0 new, 0 updated") {
				t.Fatalf("import of the %s export: %+v", format, r)
			}
			if strings.Contains(r.stdout, "cleared") {
				t.Errorf("the round trip through %s cleared evidence: %s", format, r.stdout)
			}
			after := chrono(t, db, "", "export")
			if after.stdout != before.stdout {
				t.Errorf("export → %s → import changed the chrono JSON export:\n%s", format, firstDifference(before.stdout, after.stdout))
			}
		})
	}
}

// TestRoundTripTimelineJSKeepsDates exports dates TimelineJS's fields
// cannot show to TimelineJS and imports the file back: chrono reads each
// date from the label it wrote into display_date, so nothing changes.
func TestRoundTripTimelineJSKeepsDates(t *testing.T) {
	db := newDB(t)
	dates := []string{"2017~", "2017?", "2017-XX", "2019-21", "201X", "../2021", "2017-08/..",
		"2020-03-04T10:00:00+02:00", "2021-06-01T00:00:00Z", "2017-08-14T00:00:00", "2021-03/2021"}
	for i, d := range dates {
		if r := chrono(t, db, "", "add", "--title", fmt.Sprintf("Event %d", i), "--date", d); r.code != 0 {
			t.Fatalf("add %s: %+v", d, r)
		}
	}
	if r := chrono(t, db, "", "add", "--title", "With words", "--date", "2021~", "--date-text", "about then"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	before := chrono(t, db, "", "export")
	file := filepath.Join(t.TempDir(), "x.json")
	if r := chrono(t, db, "", "export", "--format", "timelinejs", "-o", file); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	r := chrono(t, db, "", "import", file)
	if want := fmt.Sprintf("(0 new, 0 updated, %d unchanged)", len(dates)+1); r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Fatalf("import of the TimelineJS export: %+v, want %s", r, want)
	}
	if after := chrono(t, db, "", "export"); after.stdout != before.stdout {
		t.Errorf("export → timelinejs → import changed the chrono JSON export:\n%s", firstDifference(before.stdout, after.stdout))
	}
}

// TestRoundTripTimelineJSKeepsTimeOfDay imports a TimelineJS slide timed
// as its spreadsheets write it, 14:30 without seconds: chrono holds it at
// second 00 and says so, exports it with the time, and the export read
// back into the same store changes nothing and fills nothing in.
func TestRoundTripTimelineJSKeepsTimeOfDay(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	doc := `{"events":[{"start_date":{"year":2020,"month":1,"day":2,"hour":"14","minute":"30"},"text":{"headline":"Afternoon"}}]}`
	if err := os.WriteFile(in, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	r := chrono(t, db, "", "import", in)
	if r.code != 0 || !strings.Contains(r.stdout, "1 time of day without seconds read at second 00") {
		t.Fatalf("import: %+v, want the time read at second 00 and counted", r)
	}
	if r := chrono(t, db, "", "list", "--json"); !strings.Contains(r.stdout, `"date":"2020-01-02T14:30:00"`) {
		t.Errorf("list --json: %+v, want the date 2020-01-02T14:30:00", r)
	}
	out := filepath.Join(dir, "out.json")
	if r := chrono(t, db, "", "export", "--format", "timelinejs", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	exported, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var flat bytes.Buffer
	if err := json.Compact(&flat, exported); err != nil {
		t.Fatal(err)
	}
	if want := `"start_date":{"year":2020,"month":1,"day":2,"hour":14,"minute":30,"second":0}`; !strings.Contains(flat.String(), want) {
		t.Errorf("export:\n%s\nwant %s", exported, want)
	}
	r = chrono(t, db, "", "import", out)
	if r.code != 0 || !strings.Contains(r.stdout, "(0 new, 0 updated, 1 unchanged)") || strings.Contains(r.stdout, "read at") {
		t.Errorf("re-import of the export: %+v, want 1 unchanged and nothing read at second 00", r)
	}
}

// firstDifference shows the first line where two documents differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("one document is longer: %d and %d lines", len(al), len(bl))
}

// TestReimportedSlideTextUpdates: a slide's text changed in the file is
// taken on the next import, whether it holds a quote of its own (the
// whole text is the summary) or is chrono's export, with a status and a
// quote written after the summary (the summary it holds now); the export
// read back unchanged changes nothing.
func TestReimportedSlideTextUpdates(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		doc := `{"events": [{"unique_id": "raid", "start_date": {"year": 2021, "month": 5, "day": 3}, "text": {"headline": "Police raid", "text": ` + strconv.Quote(text) + `}}]}`
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	summary := func(db, id string) string {
		r := chrono(t, db, "", "list", "--json")
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			var e struct{ ID, Summary string }
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("list --json: %v: %+v", err, r)
			}
			if e.ID == id {
				return e.Summary
			}
		}
		t.Fatalf("no event %s in %s", id, r.stdout)
		return ""
	}

	db := newDB(t)
	for _, f := range []string{
		write("v1.json", "<p>Police raided the office at 6am.</p><blockquote>They took every laptop</blockquote>"),
		write("v2.json", "<p>Police raided the office at 9pm.</p><blockquote>They took every laptop</blockquote>"),
	} {
		if r := chrono(t, db, "", "import", f); r.code != 0 {
			t.Fatalf("import %s: %+v", f, r)
		}
	}
	if got, want := summary(db, "raid"), "Police raided the office at 9pm.\n\nThey took every laptop"; got != want {
		t.Errorf("slide with a quote of its own, changed: summary %q, want %q", got, want)
	}

	db = newDB(t)
	if r := chrono(t, db, "", "add", "--id", "ev", "--title", "T", "--date", "2020", "--summary", "Original summary", "--status", "alleged"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	if r := chrono(t, db, "", "quote", "add", "ev", "--text", "We pay cash", "--speaker", "Omri"); r.code != 0 {
		t.Fatalf("quote add: %+v", r)
	}
	exported := filepath.Join(dir, "export.json")
	if r := chrono(t, db, "", "export", "--format", "timelinejs", "-o", exported); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if r := chrono(t, db, "", "import", exported); r.code != 0 || !strings.Contains(r.stdout, "1 unchanged") {
		t.Fatalf("the export read back: %+v, want it unchanged", r)
	}
	doc, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "changed.json")
	if err := os.WriteFile(changed, bytes.Replace(doc, []byte("Original summary"), []byte("Corrected summary"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", changed); r.code != 0 || !strings.Contains(r.stdout, "1 updated") {
		t.Fatalf("the export changed: %+v, want it updated", r)
	}
	if got := summary(db, "ev"); got != "Corrected summary" {
		t.Errorf("the export's summary changed: summary %q, want %q", got, "Corrected summary")
	}
}
