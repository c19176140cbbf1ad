package storetest

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/csvfmt"
	"chrono/model/timesketch"
)

// testReimportMerges checks that an update takes from a record only what
// it carries: a field its format has no place for survives, and so does
// one a chrono JSON record leaves out, while one given empty is cleared;
// with Replace a chrono JSON record's version is taken whole, and of any
// other format the fields it carries (a sheet's columns). Each case runs
// as one transaction and as a bulk import.
func testReimportMerges(t *testing.T, s *suite) {
	const id = "nso-mobileum-call"
	csvInput := func(doc string) model.Input {
		return model.Input{Name: "sheet.csv", Carries: csvfmt.Carries, Read: func(sink model.Sink) error {
			return csvfmt.Read(bytes.NewReader([]byte(doc)), sink, &model.Losses{})
		}}
	}
	corrected := `{"chrono":1,"events":[{"id":"nso-mobileum-call","date":"2017-08","title":"Corrected title"}]}`
	tests := []struct {
		name    string
		input   model.Input
		replace bool
		// want makes the expected event from the stored one.
		want func(e *model.Event)
	}{
		{"an absent JSON field keeps its value", NativeInput("corrected.json", []byte(corrected)), false,
			func(e *model.Event) { e.Title = "Corrected title" }},
		{"an explicit empty clears", NativeInput("clears.json", []byte(`{"chrono":1,"events":[
			{"id":"nso-mobileum-call","title":"Cleared","summary":"","status":"","quotes":[],"links":null,"actors":[],"date":null,"tags":[]}]}`)), false,
			func(e *model.Event) {
				e.Title, e.Summary, e.Status, e.Quotes, e.Links, e.Actors, e.Date = "Cleared", "", "", nil, nil, nil, model.Date{}
			}},
		{"a field the format cannot carry survives", csvInput("id,date,title,status\nnso-mobileum-call,2017-08,From a sheet,\n"), false,
			func(e *model.Event) { e.Title, e.Status = "From a sheet", "" }},
		{"a column the sheet lacks survives", csvInput("id,title\nnso-mobileum-call,Only a title\n"), false,
			func(e *model.Event) { e.Title = "Only a title" }},
		{"replace takes the record whole, but tags and notes", NativeInput("corrected.json", []byte(corrected)), true,
			func(e *model.Event) {
				*e = model.Event{ID: e.ID, Date: e.Date, Title: "Corrected title", Tags: e.Tags, Notes: e.Notes}
			}},
		{"replace takes of a sheet only what it carries", csvInput("id,title,status\nnso-mobileum-call,From a sheet,\n"), true,
			func(e *model.Event) { e.Title, e.Status = "From a sheet", "" }},
	}
	for _, bulk := range []bool{false, true} {
		for _, tt := range tests {
			name := tt.name
			if bulk {
				name += ", in bulk"
			}
			t.Run(name, func(t *testing.T) {
				st := s.empty(t)
				Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
				if _, err := AddNote(st, id, "mine", time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)); err != nil {
					t.Fatal(err)
				}
				stored := StoredEvent(t, st, id)
				want := stored
				want.Tags = append([]string(nil), stored.Tags...)
				tt.want(&want)

				opts := model.ImportOptions{Replace: tt.replace, Bulk: bulk}
				dry, err := st.Import([]model.Input{tt.input}, model.ImportOptions{Replace: tt.replace, Bulk: bulk, DryRun: true})
				if err != nil {
					t.Fatal(err)
				}
				res, err := st.Import([]model.Input{tt.input}, opts)
				if err != nil {
					t.Fatal(err)
				}
				s.check(t, st)
				got := StoredEvent(t, st, id)
				if changes := model.EventChanges(&want, &got); len(changes) > 0 {
					t.Errorf("stored %+v\nwant %+v\n(differs in %+v)", got, want, changes)
				}
				if res[0].Updated != 1 || dry[0].Updated != 1 {
					t.Errorf("results %+v, dry run %+v: want one update", res[0], dry[0])
				}
				if len(dry[0].Updates) != 1 || !reflect.DeepEqual(dry[0].Updates[0].Changes, model.EventChanges(&stored, &got)) {
					t.Errorf("the dry run listed %+v, want the changes the import made: %+v", dry[0].Updates, model.EventChanges(&stored, &got))
				}
				if res[0].Updates != nil {
					t.Errorf("an import that is not a dry run listed %+v", res[0].Updates)
				}
				clears := [3]bool{len(got.Quotes) == 0, len(got.Links) == 0, got.Status == ""}
				if c := [3]int{res[0].ClearsQuotes, res[0].ClearsLinks, res[0].ClearsStatus}; c != [3]int{b2i(clears[0]), b2i(clears[1]), b2i(clears[2])} {
					t.Errorf("clears of quotes, links, status: %v, want %v", c, clears)
				}
			})
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// testReplaceKeepsWhatARecordCannotCarry: a Timesketch record chrono did
// not write carries a date, a title, a summary and tags; an import that
// replaces events takes those, and leaves the status and quote added in
// chrono, which the record has no place for. In one transaction and in
// bulk.
func testReplaceKeepsWhatARecordCannotCarry(t *testing.T, s *suite) {
	line := `{"datetime": "2021-06-01T12:00:00+00:00", "timestamp_desc": "x", "message": "From a log"}` + "\n"
	input := model.Input{Name: "log.jsonl", Carries: timesketch.Carries, Read: func(sink model.Sink) error {
		return timesketch.Read(bytes.NewReader([]byte(line)), sink, &model.Losses{})
	}}
	for _, bulk := range []bool{false, true} {
		st := s.seeded(t)
		Import(t, st, input)
		var e model.Event
		for got, err := range st.Events(model.Query{Text: "From a log"}) {
			if err != nil {
				t.Fatal(err)
			}
			e = got
		}
		edited := e.Clone()
		edited.Status = model.Confirmed
		edited.Quotes = []model.Quote{{Text: "words", Source: "wapo"}}
		if _, err := st.Write(model.OpEdit, "edited", func(tx model.Tx) error { _, err := model.EditEvent(tx, e, edited); return err }); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Import([]model.Input{input}, model.ImportOptions{Replace: true, Bulk: bulk}); err != nil {
			t.Fatal(err)
		}
		if got := StoredEvent(t, st, e.ID); got.Status != model.Confirmed || len(got.Quotes) != 1 {
			t.Errorf("bulk %v: after --replace: status %q, quotes %+v; want chrono's, which the record cannot carry", bulk, got.Status, got.Quotes)
		}
	}
}
