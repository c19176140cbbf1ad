package timelinejs

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// FuzzRead reads arbitrary input. Reading must never panic, and whatever
// reads cleanly and passes the Checker must write back out as a valid
// TimelineJS document that reads back to the same ids, dates, titles and
// tags: nearly everything a read produces is something TimelineJS can
// carry, and the exception is counted.
// The seed corpus is in testdata/fuzz/FuzzRead; the fixtures are added too.
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob("testdata/*.json")
	for _, name := range fixtures {
		doc, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(doc))
	}
	f.Fuzz(func(t *testing.T, doc string) {
		first, read, err := readDoc(t, doc)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		var losses model.Losses
		n, err := Write(&buf, first.Header, first.Sources, seq(first.Events), &losses)
		if err != nil {
			t.Fatalf("what reads cleanly does not write: %v", err)
		}
		if n != len(first.Events) {
			t.Fatalf("wrote %d of %d events: every slide read has a date", n, len(first.Events))
		}
		if bad := validate(buf.Bytes()); len(bad) > 0 {
			t.Fatalf("the export breaks TimelineJS's rules:\n%s\n%s", strings.Join(bad, "\n"), buf.String())
		}
		second, back, err := readDoc(t, buf.String())
		if err != nil {
			t.Fatalf("the export does not read back: %v\n%s", err, buf.String())
		}
		// Dates read from display_date are counted, and so is a date
		// text that contradicts the date, as it was the first time;
		// nothing is lost.
		told := 0
		if back.Count(LossDateFromDisplay) > 0 {
			told++
		}
		if n := back.Count(LossDisplayElsewhere); n > 0 && n == read.Count(LossDisplayElsewhere) {
			told++
		}
		if n := len(back.Lines()); n > told {
			t.Errorf("reading chrono's own export lost %s", back)
		}
		if oneLine(second.Title) != oneLine(first.Title) || oneLine(second.Description) != oneLine(first.Description) {
			t.Errorf("header %+v read back as %+v", first.Header, second.Header)
		}
		for i, a := range first.Events {
			b := second.Events[i]
			if start, _ := a.Date.Start(); a.Date != b.Date && start == b.Date && losses.Count(LossEndBeforeStart) > 0 {
				// An interval TimelineJS would draw ending before it
				// starts, whose label chrono cannot read back, keeps its
				// start and its label.
				text := a.Date.Label()
				if a.DateText != "" {
					text += " “" + a.DateText + "”"
				}
				a.Date, a.DateText = start, text
			}
			if a.ID != b.ID || a.Date != b.Date || a.DateText != b.DateText || a.Title != b.Title || !slices.Equal(a.Tags, b.Tags) {
				t.Errorf("event read back changed:\n %q %s %q %q %q\n %q %s %q %q %q",
					a.ID, a.Date, a.DateText, a.Title, a.Tags, b.ID, b.Date, b.DateText, b.Title, b.Tags)
			}
			if !strings.HasPrefix(oneLine(b.Summary), oneLine(a.Summary)) {
				t.Errorf("summary %q read back as %q", a.Summary, b.Summary)
			}
		}
	})
}
