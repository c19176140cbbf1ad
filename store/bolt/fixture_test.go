package bolt

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
	"chrono/model/native"

	bbolt "go.etcd.io/bbolt"
)

// extraDoc adds to the example what it lacks, so that ordering, periods
// and counts meet every case: a BCE date, open and unknown starts, two
// events with the same bounds (ordered by id), a second event in an
// example month, an event not assessed, an actor listed twice, a link and
// a quote into the example, and undated events.
const extraDoc = `{
  "chrono": 1,
  "title": "a second title, which the store does not take",
  "sources": [{"id": "desk-notes", "title": "Investigator's desk notes"}],
  "events": [
    {"id": "ides-of-march", "date": "-0043-03-15", "title": "Idus Martiae — Gāius Iūlius Caesar is killed",
     "status": "confirmed", "actors": ["Brutus", "Brutus", "Cassius"], "tags": ["context", "antiquité"]},
    {"id": "open-start", "date": "../2017-06", "title": "SS7 abuse had gone on for years",
     "status": "alleged", "actors": ["NSO Group"], "tags": ["ss7"]},
    {"id": "unknown-start", "date": "/2016", "title": "Some time before 2017, Mobileum sells SS7 security",
     "status": "reported", "actors": ["Mobileum"], "tags": ["ss7", "context"]},
    {"id": "a-same-month", "date": "2017-08", "title": "Same bounds as the call; sorts before it by id",
     "actors": ["Gary Miller"]},
    {"id": "mid-august", "date": "2017-08-14", "title": "A day in the month of the call",
     "status": "reported", "tags": ["whistleblower"], "actors": ["Mobileum"]},
    {"id": "undated-rumour", "title": "A rumour with no date yet", "tags": ["whistleblower"],
     "actors": ["Gary Miller"], "links": [{"rel": "supports", "event": "nso-mobileum-call"}],
     "quotes": [{"text": "they said cash", "speaker": "anonymous", "source": "desk-notes", "stance": "asserts"}]},
    {"id": "undated-aside", "title": "An aside, disputed, undated", "status": "disputed", "tags": ["context"]}
  ]
}`

// exampleDoc returns timeline.example.json from the repository root.
func exampleDoc(t testing.TB) []byte {
	t.Helper()
	doc, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// nativeInput is a model.Input reading a native document, as the CLI builds
// them.
func nativeInput(name string, doc []byte) model.Input {
	return model.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(bytes.NewReader(doc), sink) }}
}

// openAt opens (or creates) the store at path and closes it when the test
// ends.
func openAt(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newEmptyStore opens a new store in the test's temporary directory.
func newEmptyStore(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "chrono.db"), Options{})
}

// newStore opens a new store holding the example and extraDoc.
func newStore(t testing.TB) *Store {
	t.Helper()
	s := newEmptyStore(t)
	importDocs(t, s, nativeInput("timeline.example.json", exampleDoc(t)), nativeInput("extra.json", []byte(extraDoc)))
	return s
}

// importDocs imports inputs, failing the test on any error.
func importDocs(t testing.TB, s *Store, inputs ...model.Input) []model.ImportResult {
	t.Helper()
	res, err := s.Import(inputs, model.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res
}

// readEvents reads native documents without a store or a checker (the
// reader alone stops at any problem): what the store's answers are checked
// against.
func readEvents(t testing.TB, docs ...[]byte) []model.Event {
	t.Helper()
	var c model.Collect
	for _, doc := range docs {
		if err := native.Read(bytes.NewReader(doc), &c); err != nil {
			t.Fatal(err)
		}
	}
	return c.Timeline.Events
}

// fixtureEvents are the events newStore imports, as the model reads them.
func fixtureEvents(t testing.TB) []model.Event {
	t.Helper()
	return readEvents(t, exampleDoc(t), []byte(extraDoc))
}

// storedEvent returns an event that must exist.
func storedEvent(t testing.TB, s *Store, id string) model.Event {
	t.Helper()
	e, err := s.Event(id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// allEventsOf returns every stored event in timeline order.
func allEventsOf(t testing.TB, s *Store) []model.Event {
	t.Helper()
	var out []model.Event
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// ids returns the ids of events, in order.
func ids(events []model.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

// inTimelineOrder returns a sorted copy of events, by the model's order.
func inTimelineOrder(events []model.Event) []model.Event {
	out := slices.Clone(events)
	slices.SortFunc(out, func(a, b model.Event) int { return model.CompareEvents(&a, &b) })
	return out
}

// dump is every key and value of every bucket of a store: two equal dumps
// mean two stores are identical, indexes and counts included, whatever
// bbolt did to its pages.
type dump map[string]map[string]string

func dumpOf(t testing.TB, s *Store) dump {
	t.Helper()
	d := dump{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			m := map[string]string{}
			d[string(name)] = m
			return b.ForEach(func(k, v []byte) error {
				m[string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// assertUnchanged fails the test when the store differs from before.
func assertUnchanged(t testing.TB, s *Store, before dump) {
	t.Helper()
	after := dumpOf(t, s)
	if reflect.DeepEqual(before, after) {
		return
	}
	for bucket := range mergeKeys(before, after) {
		for k := range mergeKeys(before[bucket], after[bucket]) {
			b, inB := before[bucket][k]
			a, inA := after[bucket][k]
			if b != a || inB != inA {
				t.Errorf("store changed: %s/%q: before %q (present %v), after %q (present %v)", bucket, k, b, inB, a, inA)
			}
		}
	}
}

func mergeKeys[V any](a, b map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
