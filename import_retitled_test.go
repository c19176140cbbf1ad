package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportWarnsOfRetitledSlide: a headline corrected in a TimelineJS
// file whose slides have no unique_id makes a new event; the import says
// so at the slide's line and column, naming the stored event it looks
// like and what to do, once, and
// says nothing of a new slide that merely shares a date.
func TestImportWarnsOfRetitledSlide(t *testing.T) {
	dir := t.TempDir()
	slides := func(name string, headlines ...string) string {
		var parts []string
		for _, h := range headlines {
			parts = append(parts, `{"start_date": {"year": "2017", "month": "8"}, "text": {"headline": "`+h+`", "text": "<p>On a call, `+strings.Fields(h)[0]+`.</p>"}}`)
		}
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte("{\"events\": [\n  "+strings.Join(parts, ",\n  ")+"\n]}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	db := newDB(t)
	if r := chrono(t, db, "", "import", slides("first.json", "NSO offers cash")); r.code != 0 || r.stderr != "" {
		t.Fatalf("import: %+v", r)
	}
	renamed := slides("renamed.json", "Mobileum declines", "NSO offers bags of cash")
	want := `renamed.json:3:3: the slide "NSO offers bags of cash" would become a new event, nso-offers-bags-of-cash, while nso-offers-cash, which the file does not have, has its date and text. If its headline was changed, give that slide "unique_id": "nso-offers-cash" before importing`
	if r := chrono(t, db, "", "import", "--dry-run", renamed); !strings.Contains(r.stderr, want) {
		t.Errorf("dry run: %+v\nwant %s", r, want)
	}
	want = `renamed.json:3:3: the slide "NSO offers bags of cash" became a new event, nso-offers-bags-of-cash, while nso-offers-cash, which the file does not have, has its date and text. If its headline was changed: chrono rm nso-offers-bags-of-cash, give that slide "unique_id": "nso-offers-cash", and import the file again`
	if r := chrono(t, db, "", "import", renamed); r.code != 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("import: %+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "import", renamed); r.code != 0 || r.stderr != "" {
		t.Errorf("the same file again: %+v", r)
	}
	// Another event of the same month, with its own text, is new.
	if r := chrono(t, db, "", "import", slides("more.json", "NSO offers cash", "Mobileum declines")); r.code != 0 || r.stderr != "" {
		t.Errorf("a new slide beside: %+v", r)
	}
	// A slide with a unique_id is its own event, whatever its headline.
	own := filepath.Join(dir, "own.json")
	doc := `{"events": [{"unique_id": "colleague-id", "start_date": {"year": "2017", "month": "8"}, "text": {"headline": "Another word for it", "text": "<p>On a call, Mobileum.</p>"}}]}`
	if err := os.WriteFile(own, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chrono(t, db, "", "import", own); r.code != 0 || r.stderr != "" {
		t.Errorf("a slide with a unique_id: %+v", r)
	}
}

// TestImportSaysHeadlineMatchedAStoredEvent: a slide without a unique_id
// whose headline makes the id of a stored event is taken for it: the
// same file read again, or another file's slide of the same headline,
// which nothing else tells apart. The import says so, and what to do.
func TestImportSaysHeadlineMatchedAStoredEvent(t *testing.T) {
	dir := t.TempDir()
	file := func(name, doc string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	berlin := file("berlin.json", `{"events": [{"start_date": {"year": "2017", "month": "8"}, "text": {"headline": "Meeting", "text": "In Berlin."}}]}`)
	vienna := file("vienna.json", `{"events": [{"start_date": {"year": "2019", "month": "3"}, "text": {"headline": "Meeting", "text": "In Vienna."}}]}`)
	own := file("own.json", `{"events": [{"unique_id": "meeting", "start_date": {"year": "2019", "month": "3"}, "text": {"headline": "Meeting", "text": "In Vienna."}}]}`)
	const said = "1 slide without a unique_id matched to a stored event by the id made from its headline or its place in the file (give slides unique_ids to keep events apart)"
	db := newDB(t)
	if r := chrono(t, db, "", "import", berlin); r.code != 0 || strings.Contains(r.stdout, "unique_id") {
		t.Fatalf("import into a new store: %+v", r)
	}
	if r := chrono(t, db, "", "import", vienna); r.code != 0 || !strings.Contains(r.stdout, said) {
		t.Errorf("another file's slide of the same headline: %+v\nwant %s", r, said)
	}
	if r := chrono(t, db, "", "import", own); r.code != 0 || strings.Contains(r.stdout, "unique_id") {
		t.Errorf("a slide whose unique_id names the stored event: %+v", r)
	}
}
