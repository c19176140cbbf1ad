package storetest

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
)

// ExtraDoc adds to the example what it lacks, so that ordering, periods
// and counts meet every case: a BCE date, open and unknown starts, two
// events with the same bounds (ordered by id), a second event in an
// example month, an event not assessed, an actor listed twice, a link and
// a quote into the example, notes on an untagged event and on one with a
// quote, and undated events.
const ExtraDoc = `{
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
     "actors": ["Gary Miller"], "notes": [{"text": "ask who else was on the call"}]},
    {"id": "mid-august", "date": "2017-08-14", "title": "A day in the month of the call",
     "status": "reported", "tags": ["whistleblower"], "actors": ["Mobileum"]},
    {"id": "undated-rumour", "title": "A rumour with no date yet", "tags": ["whistleblower"],
     "actors": ["Gary Miller"], "links": [{"rel": "supports", "event": "nso-mobileum-call"}],
     "quotes": [{"text": "they said cash", "speaker": "anonymous", "source": "desk-notes", "stance": "asserts"}],
     "notes": [{"text": "heard twice"}, {"text": "check the second source"}]},
    {"id": "undated-aside", "title": "An aside, disputed, undated", "status": "disputed", "tags": ["context"]}
  ]
}`

// NewEvents is a valid document that adds two events and changes one of
// the example's: in an import that fails, none of it may be kept.
const NewEvents = `{"chrono": 1, "sources": [{"id": "hearing", "title": "Hearing transcript"}], "events": [
  {"id": "hearing-held", "date": "2022-03-01", "title": "A hearing is held", "tags": ["congress"],
   "quotes": [{"text": "we will look into it", "source": "hearing"}]},
  {"id": "follow-up", "title": "A follow-up, undated", "links": [{"rel": "follows", "event": "hearing-held"}]},
  {"id": "nso-denial", "date": "2022-02-01", "title": "NSO denies the claim, again", "status": "denied"}
]}`

// ExampleDoc returns timeline.example.json from the module's root, found
// from the test's directory up, wherever the implementation's package is.
func ExampleDoc(t testing.TB) []byte {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory: cannot find timeline.example.json")
		}
		dir = parent
	}
	doc, err := os.ReadFile(filepath.Join(dir, "timeline.example.json"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// NativeInput is a model.Input reading a native document, as the CLI
// builds them.
func NativeInput(name string, doc []byte) model.Input {
	return model.Input{Name: name, Read: func(sink model.Sink) error { return native.Read(bytes.NewReader(doc), sink) }}
}

// SynthInput is a model.Input reading the synthetic investigation of n
// events that chrono synth writes, held in memory.
func SynthInput(t testing.TB, n int) model.Input {
	t.Helper()
	var doc bytes.Buffer
	if err := native.Write(&doc, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		t.Fatal(err)
	}
	return NativeInput("synth.json", doc.Bytes())
}

// Import imports inputs, failing the test on any error.
func Import(t testing.TB, s model.Store, inputs ...model.Input) []model.ImportResult {
	t.Helper()
	res, err := s.Import(inputs, model.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res
}

// Seed imports the fixture (the example and ExtraDoc) into s.
func Seed(t testing.TB, s model.Store) {
	t.Helper()
	Import(t, s, NativeInput("timeline.example.json", ExampleDoc(t)), NativeInput("extra.json", []byte(ExtraDoc)))
}

// ReadEvents reads native documents without a store or a checker (the
// reader alone stops at any problem): what a store's answers are checked
// against.
func ReadEvents(t testing.TB, docs ...[]byte) []model.Event {
	t.Helper()
	var c model.Collect
	for _, doc := range docs {
		if err := native.Read(bytes.NewReader(doc), &c); err != nil {
			t.Fatal(err)
		}
	}
	return c.Timeline.Events
}

// FixtureEvents are the events Seed imports, as the model reads them.
func FixtureEvents(t testing.TB) []model.Event {
	t.Helper()
	return ReadEvents(t, ExampleDoc(t), []byte(ExtraDoc))
}

// StoredEvent returns an event that must exist.
func StoredEvent(t testing.TB, s model.Reader, id string) model.Event {
	t.Helper()
	e, err := s.Event(id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// AllEvents returns every stored event in timeline order.
func AllEvents(t testing.TB, s model.Reader) []model.Event {
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

// IDs returns the ids of events, in order.
func IDs(events []model.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

// InTimelineOrder returns a copy of events in the chronology's order
// (model.Order).
func InTimelineOrder(events []model.Event) []model.Event {
	ch := model.Order(slices.Clone(events))
	out := make([]model.Event, len(ch.Events))
	for i, p := range ch.Events {
		out[i] = *p.Event
	}
	return out
}

// OrderKeys returns the order key a store keeps each of events under,
// by id: the key model.Order places it by among them.
func OrderKeys(events []model.Event) map[string][]byte {
	ch := model.Order(slices.Clone(events))
	out := make(map[string][]byte, len(ch.Events))
	for i := range ch.Events {
		out[ch.Events[i].Event.ID] = ch.Events[i].OrderKey()
	}
	return out
}

// keyOf reports whether key can be e's order key: it names e, and the
// date e states.
func keyOf(key []byte, e *model.Event) bool {
	earliest, latest, dated := model.OrderKeyBounds(key)
	stated := model.SpanOf(e.Date)
	return model.OrderKeyID(key) == e.ID && dated == !e.Date.IsZero() &&
		(!dated || earliest == stated.Earliest && latest == stated.Latest)
}

// SameEvent reports whether two events are equal as a store keeps them:
// empty lists are nil, and note times are instants (their zone and
// monotonic reading are not kept).
func SameEvent(a, b model.Event) bool {
	return reflect.DeepEqual(normalised(a), normalised(b))
}

func normalised(e model.Event) model.Event {
	e.Actors = nilIfEmpty(e.Actors)
	e.Tags = nilIfEmpty(e.Tags)
	e.Quotes = nilIfEmpty(e.Quotes)
	e.Links = nilIfEmpty(e.Links)
	e.Media = nilIfEmpty(e.Media)
	e.Notes = nilIfEmpty(slices.Clone(e.Notes))
	for i := range e.Notes {
		e.Notes[i].At = e.Notes[i].At.Round(0).UTC()
		e.Notes[i].Edited = e.Notes[i].Edited.Round(0).UTC()
	}
	return e
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// eachWay runs fn as a subtest for an import in one transaction and for
// one in bulk, which stores may write otherwise.
func eachWay(t *testing.T, fn func(t *testing.T, bulk bool)) {
	for _, bulk := range []bool{false, true} {
		name := "in one transaction"
		if bulk {
			name = "in bulk"
		}
		t.Run(name, func(t *testing.T) { fn(t, bulk) })
	}
}
