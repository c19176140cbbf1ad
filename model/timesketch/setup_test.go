package timesketch

import (
	"bytes"
	"iter"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// read reads a Timesketch file as the command line does: through a
// Checker into a Collect. err holds every problem, the reader's and the
// Checker's.
func read(t *testing.T, doc string) (model.Timeline, *model.Losses, error) {
	return modeltest.ReadFormat(Read, doc)
}

// mustRead is read for input that must have no problems.
func mustRead(t *testing.T, doc string) (model.Timeline, *model.Losses) {
	t.Helper()
	tl, losses, err := read(t, doc)
	if err != nil {
		t.Fatalf("read: %v\ninput:\n%s", err, doc)
	}
	return tl, losses
}

func events(es []model.Event) iter.Seq2[model.Event, error] { return modeltest.Seq(es) }

func example(t testing.TB) model.Timeline { return modeltest.Example(t) }

// writer is WriteJSONL or WriteCSV.
type writer func(w *bytes.Buffer, tl model.Timeline, losses *model.Losses) (int, error)

// namedWriter is a writer with the name of its format.
type namedWriter struct {
	name  string
	write writer
}

// mustWrite writes tl, failing the test on an error, and returns the
// document, how many events it holds and what it lost.
func (w namedWriter) mustWrite(t testing.TB, tl model.Timeline) (doc *bytes.Buffer, n int, lost *model.Losses) {
	t.Helper()
	doc, lost = new(bytes.Buffer), new(model.Losses)
	n, err := w.write(doc, tl, lost)
	if err != nil {
		t.Fatalf("%s: %v", w.name, err)
	}
	return doc, n, lost
}

var writers = []namedWriter{
	{"jsonl", func(w *bytes.Buffer, tl model.Timeline, l *model.Losses) (int, error) {
		return WriteJSONL(w, tl.Header, tl.Sources, events(tl.Events), l)
	}},
	{"csv", func(w *bytes.Buffer, tl model.Timeline, l *model.Losses) (int, error) {
		return WriteCSV(w, tl.Header, tl.Sources, events(tl.Events), l)
	}},
}

// sameEvent reports field by field how got differs from want. Notes'
// times are compared as instants with their offsets, since decoding gives
// a time.Time its own Location value.
func sameEvent(t *testing.T, want, got model.Event) {
	t.Helper()
	check := func(field string, ok bool, w, g any) {
		t.Helper()
		if !ok {
			t.Errorf("event %q: %s: got %#v, want %#v", want.ID, field, g, w)
		}
	}
	check("id", got.ID == want.ID, want.ID, got.ID)
	check("date", got.Date == want.Date, want.Date.String(), got.Date.String())
	check("date precision", got.Date.Precision() == want.Date.Precision(), want.Date.Precision(), got.Date.Precision())
	check("date_text", got.DateText == want.DateText, want.DateText, got.DateText)
	check("date_source", got.DateSource == want.DateSource, want.DateSource, got.DateSource)
	check("title", got.Title == want.Title, want.Title, got.Title)
	check("summary", got.Summary == want.Summary, want.Summary, got.Summary)
	check("status", got.Status == want.Status, want.Status, got.Status)
	check("actors", equalSlices(got.Actors, want.Actors), want.Actors, got.Actors)
	check("tags", equalSlices(got.Tags, want.Tags), want.Tags, got.Tags)
	check("quotes", equalSlices(got.Quotes, want.Quotes), want.Quotes, got.Quotes)
	check("links", equalSlices(got.Links, want.Links), want.Links, got.Links)
	sameNotes := len(got.Notes) == len(want.Notes)
	for i := 0; sameNotes && i < len(got.Notes); i++ {
		g, w := got.Notes[i], want.Notes[i]
		_, goff := g.At.Zone()
		_, woff := w.At.Zone()
		sameNotes = g.Text == w.Text && g.At.Equal(w.At) && goff == woff && g.At.IsZero() == w.At.IsZero()
	}
	check("notes", sameNotes, want.Notes, got.Notes)
}

// equalSlices compares slices of comparable values, nil and empty alike.
func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
