package main

import (
	"fmt"
	"path/filepath"
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
