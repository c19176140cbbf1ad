package storetest

import (
	"bytes"
	"maps"
	"testing"

	"chrono/model"
)

// testCitedCountsFollowWrites: the events citing each source, in a quote
// or as the source of their date text, are counted alike by Facets, by
// Count of a view filtered to the source and by Tx.Citing, after every
// kind of write: an import and its update, an event added, edited and
// moved to the trash and back, a quote added and removed, a date's
// source changed, and each undone. The sources screen and the filter by
// source show these counts.
func testCitedCountsFollowWrites(t *testing.T, s *suite) {
	st := s.empty(t)
	doc := ExampleDoc(t)
	Import(t, st, NativeInput("timeline.example.json", doc))
	s.checkCited(t, st, "the import")

	var written []model.Entry
	write := func(what string, op model.Op, fn func(tx model.Tx) error) {
		t.Helper()
		entry, err := st.Write(op, what, fn)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		written = append(written, entry)
		s.checkCited(t, st, what)
	}
	write("an event added", model.OpAdd, func(tx model.Tx) error {
		_, err := model.AddEvent(tx, model.Event{ID: "cites-both", Title: "Cites both", Date: model.MustParseDate("2021-07-20"),
			Status: model.Statuses[0], DateText: "on Tuesday", DateSource: "wapo",
			Quotes: []model.Quote{{Text: "a", Source: "wapo"}, {Text: "b", Source: "occupy-democrats"}, {Text: "c", Source: "wapo"}}})
		return err
	})
	write("a quote added", model.OpEdit, func(tx model.Tx) error {
		_, err := model.AddQuote(tx, "commerce-entity-list", model.Quote{Text: "listed", Source: "wapo"}, 0)
		return err
	})
	write("a quote removed", model.OpEdit, func(tx model.Tx) error {
		_, err := model.RemoveQuote(tx, "fbi-tip", 1)
		return err
	})
	write("a date's source changed", model.OpEdit, func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, "miller-contacts-lieu", func(e *model.Event) error {
			e.DateSource = "occupy-democrats"
			return nil
		})
		return err
	})
	write("an event edited to cite nothing", model.OpEdit, func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, "nso-mobileum-call", func(e *model.Event) error {
			e.Quotes, e.DateText, e.DateSource = nil, "", ""
			return nil
		})
		return err
	})
	write("events moved to the trash", model.OpDelete, func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{"cites-both", "lieu-criminal-referral"})
		return err
	})
	write("an event restored", model.OpRestore, func(tx model.Tx) error {
		return model.RestoreEvents(tx, []string{"cites-both"})
	})
	for i := len(written) - 1; i >= 0; i-- {
		if _, err := model.Revert(st, written[i]); err != nil {
			t.Fatalf("undoing %s: %v", written[i].Phrase, err)
		}
		s.checkCited(t, st, "undoing "+written[i].Phrase)
	}
	// The file again, updating the events its import left; then undone.
	Import(t, st, NativeInput("timeline.example.json", bytes.ReplaceAll(doc, []byte(`"source": "wapo"`), []byte(`"source": "occupy-democrats"`))))
	s.checkCited(t, st, "an import updating events")
	if _, err := model.Undo(st); err != nil {
		t.Fatalf("undo of the import: %v", err)
	}
	s.checkCited(t, st, "the import undone")
}

// checkCited compares the counts of the events citing each source, as
// Facets, Count and Tx.Citing give them, with a recount of the events,
// and runs the implementation's own checks.
func (s *suite) checkCited(t *testing.T, st model.Store, after string) {
	t.Helper()
	var events []model.Event
	for e, err := range st.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	want := citingCounts(events)
	facets, err := st.Facets(model.FacetSources)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range facets {
		got[f.Name] = f.Count
	}
	if !maps.Equal(got, want) {
		t.Errorf("after %s: Facets(sources) = %v, want %v", after, got, want)
	}
	for _, src := range []string{"wapo", "occupy-democrats", "never-cited"} {
		if n, err := st.Count(model.Query{Sources: []string{src}}); err != nil || n != want[src] {
			t.Errorf("after %s: Count(source %s) = %d, %v; want %d", after, src, n, err, want[src])
		}
	}
	checkCiting(t, st, events)
	s.check(t, st)
}
