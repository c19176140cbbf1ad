package csvfmt

import (
	"bytes"
	"reflect"
	"testing"

	"chrono/model"
)

// FuzzRead feeds Read anything (the seeds are in testdata/fuzz/FuzzRead).
// Read must not panic, and whatever it reads cleanly must write back with
// Write and read back to the same events and sources.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, doc string) {
		Detect([]byte(doc))
		first, _, err := readAll(t, doc)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		var lost model.Losses
		if _, err := Write(&buf, first.Header, first.Sources, events(first.Events), &lost); err != nil {
			t.Fatalf("write: %v", err)
		}
		for _, l := range []model.Loss{LostCarriageReturn, TrimmedItem, DroppedItem} {
			if n := lost.Count(l); n > 0 {
				t.Fatalf("what Read returns cannot be written without loss: %d %s", n, l.Many)
			}
		}
		if !Detect(buf.Bytes()) {
			t.Fatalf("Detect does not recognise an export:\n%s", buf.String())
		}
		back, readLost, err := readAll(t, buf.String())
		if err != nil {
			t.Fatalf("read back: %v\n%s", err, buf.String())
		}
		if !readLost.Empty() {
			t.Fatalf("read back lost %s", readLost)
		}
		if !reflect.DeepEqual(back.Events, first.Events) {
			t.Fatalf("round trip changed the events:\n got %#v\nwant %#v", back.Events, first.Events)
		}
		// A row carries only the sources it cites: the others are counted.
		byID := map[string]model.Source{}
		for _, s := range first.Sources {
			byID[s.ID] = s
		}
		for _, s := range back.Sources {
			if s != byID[s.ID] {
				t.Fatalf("source %q came back as %+v, was %+v", s.ID, s, byID[s.ID])
			}
		}
		if lostN := len(first.Sources) - len(back.Sources); lostN != lost.Count(LostUncitedSource) {
			t.Fatalf("%d sources did not come back, %d counted", lostN, lost.Count(LostUncitedSource))
		}
	})
}
