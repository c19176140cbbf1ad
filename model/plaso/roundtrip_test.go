package plaso

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"chrono/model"
	"chrono/model/timesketch"
)

// TestRoundTripToTimesketch reads Plaso's outputs, exports them as
// Timesketch JSONL and CSV, reads those back, and checks that every
// event comes back with the same date, tags and summary.
func TestRoundTripToTimesketch(t *testing.T) {
	writers := []struct {
		name  string
		write func(*bytes.Buffer, []model.Event) error
	}{
		{"jsonl", func(b *bytes.Buffer, events []model.Event) error {
			_, err := timesketch.WriteJSONL(b, model.Header{}, nil, each(events), nil)
			return err
		}},
		{"csv", func(b *bytes.Buffer, events []model.Event) error {
			_, err := timesketch.WriteCSV(b, model.Header{}, nil, each(events), nil)
			return err
		}},
	}
	for _, file := range []string{"testdata/plaso.jsonl", "testdata/l2tcsv.csv"} {
		doc, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		events, problems, _ := read(t, string(doc))
		if problems != "" || len(events) == 0 {
			t.Fatalf("%s: problems %q, %d events", file, problems, len(events))
		}
		for _, w := range writers {
			var buf bytes.Buffer
			if err := w.write(&buf, events); err != nil {
				t.Fatal(err)
			}
			var c model.Collect
			chk := model.NewChecker(&c, nil)
			if err := timesketch.Read(&buf, chk, nil); err != nil {
				t.Fatal(err)
			}
			if err := chk.Done(); err != nil {
				t.Fatalf("%s as Timesketch %s: %v", file, w.name, err)
			}
			back := map[string]model.Event{}
			for _, e := range c.Timeline.Events {
				back[e.ID] = e
			}
			for _, e := range events {
				b, ok := back[e.ID]
				switch {
				case !ok:
					t.Errorf("%s as Timesketch %s: event %s (%s) did not come back", file, w.name, e.ID, e.Date)
				case b.Date.String() != e.Date.String() || b.Summary != e.Summary || !slices.Equal(b.Tags, e.Tags):
					t.Errorf("%s as Timesketch %s: event %s came back as %s %q %q, was %s %q %q", file, w.name, e.ID, b.Date, b.Tags, b.Summary, e.Date, e.Tags, e.Summary)
				}
			}
		}
	}
}

func each(events []model.Event) func(func(model.Event, error) bool) {
	return func(yield func(model.Event, error) bool) {
		for _, e := range events {
			if !yield(e, nil) {
				return
			}
		}
	}
}
