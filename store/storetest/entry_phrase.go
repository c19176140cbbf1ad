package storetest

import (
	"strings"
	"testing"

	"chrono/model"
)

// testEntrySaysWhatWasDone: a journal entry says what the write did, not
// only what it was asked: a tag added to two events, one of which had it,
// is recorded on one event, and so is its undo; a source made on the spot
// is named by the id the write gave it.
func testEntrySaysWhatWasDone(t *testing.T, s *suite) {
	st := s.seeded(t)
	events := FixtureEvents(t)
	a, b := events[0].ID, events[1].ID
	if _, _, err := (model.Retag{Events: []string{a}, Add: []string{"key"}}).Apply(st); err != nil {
		t.Fatal(err)
	}
	_, undo, err := model.Retag{Events: []string{a, b}, Add: []string{"key"}}.Apply(st)
	if err != nil {
		t.Fatal(err)
	}
	tagged := lastEntry(t, st)
	if want := "tagged #key on 1 event"; tagged.Phrase != want {
		t.Errorf("entry of a tag two events were asked for, one had: %q, want %q", tagged.Phrase, want)
	}
	if _, _, err := undo.Apply(st); err != nil {
		t.Fatal(err)
	}
	if got, want := lastEntry(t, st).Phrase, "tagged #key on 1 event"; !strings.HasSuffix(got, ": "+want) {
		t.Errorf("its undo: %q, want it to name %q", got, want)
	}

	if _, _, err := (model.SaveQuote{Event: b, Quote: model.Quote{Text: "We never met."}, NewSource: &model.Source{Publisher: "Daily Ledger", Title: "Interview"}}).Apply(st); err != nil {
		t.Fatal(err)
	}
	e := StoredEvent(t, st, b)
	made := e.Quotes[len(e.Quotes)-1].Source
	if got, want := lastEntry(t, st).Phrase, "added a quote to "+b+", citing a new source, "+made; made == "" || got != want {
		t.Errorf("entry of a quote citing a source made for it: %q, want %q", got, want)
	}

	if _, _, err := (model.SaveSource{Source: model.Source{Publisher: "Wire Service", Title: "Statement"}}).Apply(st); err != nil {
		t.Fatal(err)
	}
	entry := lastEntry(t, st)
	if len(entry.Sources) != 1 || entry.Phrase != "added source "+entry.Sources[0].ID {
		t.Errorf("entry of a source added without an id: %q, sources %+v", entry.Phrase, entry.Sources)
	}
}
