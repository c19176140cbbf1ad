package storetest

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/timelinejs"
)

// dateTextPartsDoc is a TimelineJS document whose slides give words for
// the start of a date, for its end, for both, for the whole date, and
// for the whole date beside both ends.
const dateTextPartsDoc = `{"events": [
  {"start_date": {"year": 2017, "month": 8, "display_date": "Summer 2017"}, "end_date": {"year": 2019},
   "text": {"headline": "Start"}, "unique_id": "start"},
  {"start_date": {"year": 2017}, "end_date": {"year": 2019, "month": 3, "display_date": "the spring of 2019"},
   "text": {"headline": "End"}, "unique_id": "end"},
  {"start_date": {"year": 1943, "month": 7, "display_date": "Summer 1943"}, "end_date": {"year": 1946, "display_date": "early 1946"},
   "text": {"headline": "Both"}, "unique_id": "both"},
  {"start_date": {"year": 2021}, "display_date": "last year", "text": {"headline": "Whole"}, "unique_id": "whole"},
  {"start_date": {"year": 1943, "month": 7, "display_date": "Summer 1943"}, "end_date": {"year": 1946, "display_date": "early 1946"},
   "display_date": "The war years", "text": {"headline": "Whole and both"}, "unique_id": "whole-both"}
]}`

// dateTextPartsWant is the part of its date each event's date text names.
var dateTextPartsWant = map[string]model.DateTextPart{
	"start": model.DateTextStart, "end": model.DateTextEnd, "both": model.DateTextEnds, "whole": model.DateTextWhole,
	"whole-both": "whole:13,start:11,end",
}

// testDateTextPartsAreKept: the part of its date an event's date text
// names, read from where a TimelineJS file gave the words, is stored in
// either way of importing, read back by every read and after reopening,
// kept by an edit of another field and on both sides of its journal
// entry, and so the store's export puts each display_date back where
// the file had it.
func testDateTextPartsAreKept(t *testing.T, s *suite) {
	in := func(doc string) model.Input {
		return model.Input{Name: "tl.json", Carries: timelinejs.Carries, Taken: timelinejs.Taken, Read: func(sink model.Sink) error {
			return timelinejs.Read(strings.NewReader(doc), sink, &model.Losses{})
		}}
	}
	eachWay(t, func(t *testing.T, bulk bool) {
		st := s.empty(t)
		if _, err := st.Import([]model.Input{in(dateTextPartsDoc)}, model.ImportOptions{Bulk: bulk}); err != nil {
			t.Fatal(err)
		}
		s.check(t, st)
		read := func(when string) {
			t.Helper()
			for id, want := range dateTextPartsWant {
				if got := StoredEvent(t, st, id).DateTextOf; got != want {
					t.Errorf("%s: Event %s: date_text_of %q, want %q", when, id, got, want)
				}
				if d, err := st.Detail(id); err != nil || d.Event.DateTextOf != want {
					t.Errorf("%s: Detail %s: date_text_of %q (%v), want %q", when, id, d.Event.DateTextOf, err, want)
				}
			}
			for _, e := range AllEvents(t, st) {
				if want := dateTextPartsWant[e.ID]; e.DateTextOf != want {
					t.Errorf("%s: Events: %s has date_text_of %q, want %q", when, e.ID, e.DateTextOf, want)
				}
			}
			var doc bytes.Buffer
			if _, err := timelinejs.Write(&doc, model.Header{}, nil, st.Events(model.Query{}), &model.Losses{}); err != nil {
				t.Fatal(err)
			}
			for _, member := range []string{`"display_date": "Summer 2017"`, `"display_date": "the spring of 2019"`, `"display_date": "Summer 1943"`, `"display_date": "early 1946"`, `"display_date": "The war years"`} {
				if !strings.Contains(doc.String(), member) {
					t.Errorf("%s: the export has no %s:\n%s", when, member, doc.String())
				}
			}
		}
		read("imported")

		was := StoredEvent(t, st, "both")
		edited := was.Clone()
		edited.Title = "Both ends"
		if _, err := st.Write(model.OpEdit, "edited", func(tx model.Tx) error { _, err := model.EditEvent(tx, was, edited); return err }); err != nil {
			t.Fatal(err)
		}
		read("after an edit of the title")
		entries, err := st.Journal(model.JournalQuery{Event: "both", Limit: 1})
		if err != nil || len(entries) != 1 || len(entries[0].Events) != 1 {
			t.Fatalf("the journal's last entry for the event: %+v, %v", entries, err)
		}
		if c := entries[0].Events[0]; c.Before == nil || c.After == nil || c.Before.DateTextOf != model.DateTextEnds || c.After.DateTextOf != model.DateTextEnds {
			t.Errorf("the journal records the edit as %+v", c)
		}
		// The same file again changes nothing.
		res, err := st.Import([]model.Input{in(strings.Replace(dateTextPartsDoc, `"Both"`, `"Both ends"`, 1))}, model.ImportOptions{Bulk: bulk})
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Updated != 0 {
			t.Errorf("the file imported again updated %d events", res[0].Updated)
		}
		read("after the file imported again")
		s.check(t, st)
		if s.h.Reopen != nil {
			st = s.h.Reopen(t, st, "someone-else")
			read("reopened")
		}
	})
}
