package timesketch

import (
	"fmt"
	"strings"
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
		if got := match(a, made, &model.Event{Summary: tt.summary}); got != tt.want {
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
		if got, want := match(a, made, &model.Event{Summary: fmt.Sprintf("filename: /f%d", n)}), numberedID(made, n); got != want {
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
		id := match(a, made, &model.Event{Summary: "filename: " + f})
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

// match is the id Alike gives a record that comes alone in its run.
func match(a *Alike, made string, e *model.Event) string {
	if id, ok := a.Claim(made, e); ok {
		return id
	}
	return a.Next(made)
}

// Of records alike in one run, one the store holds keeps its id though
// a record the store holds none alike of comes before it, when the
// store holds it alone (no "-2" to say its records were numbered) or
// with others.
func TestAlikeNameLetsTheStoredClaimFirst(t *testing.T) {
	const made = "ts-b0cb3c6c738b"
	for _, tt := range []struct {
		name   string
		stored storedAlike
		run    []string // the filenames of the run's records
		want   []string
	}{
		{"stored alone", storedAlike{made: "filename: /a"}, []string{"/b", "/a"}, []string{made + "-2", made}},
		{"stored with another", storedAlike{made: "filename: /a", made + "-2": "filename: /b"}, []string{"/c", "/b", "/a"}, []string{made + "-3", made + "-2", made}},
		{"none stored", storedAlike{}, []string{"/b", "/a"}, []string{made, made + "-2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var a Alike
			sink := listedSink{tt.stored}
			key, _ := madeKey(made + "-2")
			run := make([]Named, len(tt.run))
			for i, f := range tt.run {
				run[i] = Named{Key: key, Made: made, Event: &model.Event{Summary: "filename: " + f}}
			}
			n := 0
			a.Name(sink, run, func(int) string { n++; return numberedID(made, n) })
			for i, r := range run {
				if r.Event.ID != tt.want[i] {
					t.Errorf("%s: id %q, want %q", tt.run[i], r.Event.ID, tt.want[i])
				}
			}
		})
	}
}

// listedSink is a sink whose store lists the made ids numbered "-2" it
// holds.
type listedSink struct{ storedAlike }

func (listedSink) Header(model.Header) error      { return nil }
func (listedSink) Source(model.Source, int) error { return nil }
func (listedSink) Event(model.Event, int) error   { return nil }
func (s listedSink) StoredIDs(prefix, suffix string) ([]string, error) {
	var out []string
	for id := range s.storedAlike {
		if strings.HasPrefix(id, prefix) && strings.HasSuffix(id, suffix) {
			out = append(out, id)
		}
	}
	return out, nil
}
