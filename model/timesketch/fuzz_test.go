package timesketch

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
)

// The seed corpora are in testdata/fuzz/FuzzReadJSONL and
// testdata/fuzz/FuzzReadCSV; the hand-written fixtures are added too.

func FuzzReadJSONL(f *testing.F) {
	addFixtures(f, "*.jsonl")
	f.Fuzz(fuzzRead)
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, "*.csv")
	f.Fuzz(fuzzRead)
}

func addFixtures(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no fixtures %s: %v", pattern, err)
	}
	for _, file := range files {
		doc, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(doc)
	}
}

// fuzzRead checks that no input makes Read or Detect panic, and that
// whatever Read accepts and the Checker passes writes out in both formats
// without error and reads back to the same events: all of them but those
// the losses say were skipped.
func fuzzRead(t *testing.T, data []byte) {
	Detect(data)
	var c model.Collect
	var readLost model.Losses
	chk := model.NewChecker(&c, nil)
	if err := Read(bytes.NewReader(data), chk, &readLost); err != nil || chk.Done() != nil {
		return
	}
	tl := c.Timeline
	known := knownIDs{events: map[string]bool{}, sources: map[string]bool{}}
	for _, e := range tl.Events {
		known.events[e.ID] = true
	}
	for _, s := range tl.Sources {
		known.sources[s.ID] = true
	}
	for _, w := range writers {
		buf, n, lost := w.mustWrite(t, tl)
		var kept []model.Event
		for _, e := range tl.Events {
			if _, _, _, ok := earliest(e.Date); ok {
				kept = append(kept, e)
			}
		}
		skipped := lost.Count(Undated) + lost.Count(OpenStart) + lost.Count(OutOfRange)
		if n != len(kept) || n+skipped != len(tl.Events) {
			t.Fatalf("%s: wrote %d of %d events, %d skipped (%s)", w.name, n, len(tl.Events), skipped, lost.String())
		}

		// Read back as into the store the events came from, where links to
		// skipped events resolve.
		var back model.Collect
		var backLost model.Losses
		chk := model.NewChecker(&back, known)
		if err := Read(buf, chk, &backLost); err != nil {
			t.Fatalf("%s: read back: %v\n%s", w.name, err, buf.String())
		}
		if err := chk.Done(); err != nil {
			t.Fatalf("%s: read back: %v\n%s", w.name, err, buf.String())
		}
		if !readBackLosesOnlyWhatWasSaid(&backLost, lost) {
			t.Errorf("%s: reading back lost %s", w.name, backLost.String())
		}
		if len(back.Timeline.Events) != len(kept) {
			t.Fatalf("%s: read back %d events, want %d", w.name, len(back.Timeline.Events), len(kept))
		}
		for i, e := range kept {
			if w.name == "csv" && lost.Count(LineBreaksCSV) > 0 {
				e.Title = strings.ReplaceAll(e.Title, "\r\n", "\n")
				e.Summary = strings.ReplaceAll(e.Summary, "\r\n", "\n")
				e.DateText = strings.ReplaceAll(e.DateText, "\r\n", "\n")
			}
			sameEvent(t, e, back.Timeline.Events[i])
		}
		if got, want := len(back.Timeline.Sources)+lost.Count(SourceLeftOut), len(tl.Sources); got != want {
			t.Errorf("%s: %d sources back and %d counted left out, of %d", w.name, len(back.Timeline.Sources), lost.Count(SourceLeftOut), want)
		}
	}
}

// knownIDs is a model.Known over the ids of what was read first.
type knownIDs struct{ events, sources map[string]bool }

func (k knownIDs) HasEvent(id string) bool  { return k.events[id] }
func (k knownIDs) HasSource(id string) bool { return k.sources[id] }
