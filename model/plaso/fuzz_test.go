package plaso

import (
	"bytes"
	"os"
	"testing"

	"chrono/model"
	"chrono/model/timesketch"
)

// The seed corpora are in testdata/fuzz/FuzzReadJSONLine and
// testdata/fuzz/FuzzReadL2TCSV; the hand-written fixtures are added too.

func FuzzReadJSONLine(f *testing.F) {
	addFixture(f, "testdata/plaso.jsonl")
	f.Fuzz(fuzzRead)
}

func FuzzReadL2TCSV(f *testing.F) {
	addFixture(f, "testdata/l2tcsv.csv")
	f.Fuzz(fuzzRead)
}

func addFixture(f *testing.F, file string) {
	doc, err := os.ReadFile(file)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc)
}

// fuzzRead checks that no input makes Detect, Variant or Read panic, and
// that whatever Read accepts and the Checker passes goes out as
// Timesketch JSONL and reads back with every dated event's date.
func fuzzRead(t *testing.T, data []byte) {
	Detect(data)
	Variant(data)
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	if err := Read(bytes.NewReader(data), chk, nil); err != nil || chk.Done() != nil {
		return
	}
	var buf bytes.Buffer
	var lost model.Losses
	if _, err := timesketch.WriteJSONL(&buf, model.Header{}, nil, each(c.Timeline.Events), &lost); err != nil {
		t.Fatalf("writing what was read: %v", err)
	}
	var back model.Collect
	chk = model.NewChecker(&back, nil)
	if err := timesketch.Read(&buf, chk, nil); err != nil || chk.Done() != nil {
		t.Fatalf("reading back: %v %v\n%s", err, chk.Done(), buf.String())
	}
	dates := map[string]string{}
	for _, e := range back.Timeline.Events {
		dates[e.ID] = e.Date.String()
	}
	skipped := 0
	for _, e := range c.Timeline.Events {
		d, ok := dates[e.ID]
		switch {
		case !ok:
			skipped++
		case d != e.Date.String():
			t.Errorf("event %s: date %s came back as %s", e.ID, e.Date, d)
		}
	}
	if n := lostEvents(&lost); skipped != n {
		t.Errorf("%d events did not come back; the losses say %d (%s)", skipped, n, lost.String())
	}
}

// lostEvents counts the events the export's losses say were skipped.
func lostEvents(l *model.Losses) int {
	return l.Count(timesketch.Undated) + l.Count(timesketch.OpenStart) + l.Count(timesketch.OutOfRange)
}
