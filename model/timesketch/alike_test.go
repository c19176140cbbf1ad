package timesketch

import (
	"fmt"
	"testing"

	"chrono/model"
)

// storedAlike is a store holding the events of made ids, for Alike.
type storedAlike map[string]string // id → summary

func (s storedAlike) StoredEvent(id string) (model.Event, error) {
	summary, ok := s[id]
	if !ok {
		return model.Event{}, model.ErrNotFound
	}
	return model.Event{ID: id, Summary: summary}, nil
}

// A record alike the stored ones but holding what none of them holds,
// added to the file after them, takes the next number: every stored id
// taken by its own record already, it was given no id at all, and the
// whole re-import was refused for an event without one.
func TestAlikeNewRecordAfterTheStoredTakesTheNextNumber(t *testing.T) {
	const made = "ts-b0cb3c6c738b"
	a := alikeOf(storedAlike{
		made:        "filename: /home/a.txt",
		made + "-2": "filename: /home/b.txt",
	})
	for _, tt := range []struct{ summary, want string }{
		{"filename: /home/a.txt", made},
		{"filename: /home/b.txt", made + "-2"},
		{"filename: /home/c.txt", made + "-3"},
		{"filename: /home/d.txt", made + "-4"},
	} {
		if got := a.Match(made, &model.Event{Summary: tt.summary}); got != tt.want {
			t.Errorf("%s: id %q, want %q", tt.summary, got, tt.want)
		}
	}
}

// alikeOf is an Alike that was told the store holds a "-2" of a made id.
func alikeOf(r model.StoredEventReader) *Alike {
	var a Alike
	a.Numbered(numberedSink{r}, 0)
	return &a
}

// numberedSink is a sink whose store holds made ids numbered "-2".
type numberedSink struct{ model.StoredEventReader }

func (numberedSink) Header(model.Header) error      { return nil }
func (numberedSink) Source(model.Source, int) error { return nil }
func (numberedSink) Event(model.Event, int) error   { return nil }
func (numberedSink) StoredIDs(string, string) ([]string, error) {
	return []string{"ts-000000000000-2"}, nil
}

// countedReads counts the events read from the store.
type countedReads struct {
	storedAlike
	reads int
}

func (c *countedReads) StoredEvent(id string) (model.Event, error) {
	c.reads++
	return c.storedAlike.StoredEvent(id)
}

// Thousands of records alike (a log's records of one second) each looked
// through the stored ones for their own: a re-import in the reverse order
// read the store a number of times that grew as the square of theirs.
// The stored events of a made id are read once.
func TestAlikeReadsTheStoredOnce(t *testing.T) {
	const made, k = "ts-b0cb3c6c738b", 300
	stored := storedAlike{}
	for n := 1; n <= k; n++ {
		stored[numberedID(made, n)] = fmt.Sprintf("filename: /f%d", n)
	}
	r := &countedReads{storedAlike: stored}
	a := alikeOf(r)
	for n := k; n >= 1; n-- {
		if got, want := a.Match(made, &model.Event{Summary: fmt.Sprintf("filename: /f%d", n)}), numberedID(made, n); got != want {
			t.Fatalf("record %d: id %q, want %q", n, got, want)
		}
	}
	if r.reads > k+1 {
		t.Errorf("%d records alike read the store %d times", k, r.reads)
	}
}

// A record alike to none that took the id of a stored event leaves the
// record of that event another id, not the same one twice.
func TestAlikeTakenIDNotGivenTwice(t *testing.T) {
	const made = "ts-b0cb3c6c738b"
	a := alikeOf(storedAlike{made: "filename: /a", made + "-2": "filename: /b"})
	got := map[string]string{}
	for _, f := range []string{"/c", "/a", "/b"} {
		id := a.Match(made, &model.Event{Summary: "filename: " + f})
		if other, ok := got[id]; ok {
			t.Errorf("%s and %s both took %s", other, f, id)
		}
		got[id] = f
	}
}

// numberedID is made numbered n, as a first import numbers it.
func numberedID(made string, n int) string {
	if n == 1 {
		return made
	}
	return fmt.Sprintf("%s-%d", made, n)
}
