package storetest

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
)

func testImportIsAllOrNothing(t *testing.T, s *suite) {
	tests := []struct {
		name string
		doc  string
		want []string // in the error, besides the file name
	}{
		{"bad date",
			`{"chrono": 1, "events": [{"id": "fine", "title": "Fine"}, {"id": "bad-date", "date": "2017-13", "title": "A bad month"}]}`,
			[]string{`"bad-date"`, "2017-13"}},
		{"unknown source",
			`{"chrono": 1, "events": [{"id": "unsourced", "title": "Quoted", "quotes": [{"text": "words", "source": "nowhere"}]}]}`,
			[]string{`"unsourced"`, `"nowhere"`, "no such source"}},
		{"unknown date source",
			`{"chrono": 1, "events": [{"id": "undated-source", "title": "T", "date": "2021", "date_text": "last year", "date_source": "nowhere"}]}`,
			[]string{`"undated-source"`, `"nowhere"`}},
		{"duplicate id",
			`{"chrono": 1, "events": [{"id": "twice", "title": "One"}, {"id": "twice", "title": "Two"}]}`,
			[]string{`"twice"`, "already used"}},
		{"unknown field",
			`{"chrono": 1, "events": [{"id": "typo", "title": "T", "sumary": "misspelt"}]}`,
			[]string{`"typo"`, `"sumary"`}},
		{"link to no event",
			`{"chrono": 1, "events": [{"id": "dangling", "title": "T", "links": [{"rel": "follows", "event": "nothing-here"}]}]}`,
			[]string{`"dangling"`, `"nothing-here"`, "no such event"}},
		{"bad tag",
			`{"chrono": 1, "events": [{"id": "hashtag", "title": "T", "tags": ["#ss7"]}]}`,
			[]string{`"hashtag"`, "#ss7"}},
		{"syntax error",
			`{"chrono": 1, "events": [{"id": "cut", "title": "T"`,
			[]string{"ends too early"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := s.seeded(t)
			before := s.snapshot(t, st)
			n, err := st.Count(model.Query{})
			if err != nil {
				t.Fatal(err)
			}

			res, err := st.Import([]model.Input{
				NativeInput("first.json", []byte(NewEvents)),
				NativeInput("second.json", []byte(tt.doc)),
			}, model.ImportOptions{})
			if err == nil {
				t.Fatalf("import succeeded: %+v", res)
			}
			msg := err.Error()
			for _, want := range append([]string{"second.json"}, tt.want...) {
				if !strings.Contains(msg, want) {
					t.Errorf("error does not mention %s:\n%s", want, msg)
				}
			}
			if strings.Contains(msg, "first.json") {
				t.Errorf("error blames the valid file:\n%s", msg)
			}

			s.assertUnchanged(t, st, before)
			if got, err := st.Count(model.Query{}); err != nil || got != n {
				t.Errorf("Count = %d, %v; want %d as before", got, err, n)
			}
			if _, err := st.Event("hearing-held"); err == nil {
				t.Error("an event of the valid file was kept")
			}
			if e := StoredEvent(t, st, "nso-denial"); e.Title == "NSO denies the claim, again" {
				t.Error("the update of the valid file was kept")
			}
		})
	}
}

func testImportDryRunKeepsNothing(t *testing.T, s *suite) {
	st := s.empty(t)
	before := s.snapshot(t, st)
	res, err := st.Import([]model.Input{NativeInput("timeline.example.json", ExampleDoc(t)), NativeInput("extra.json", []byte(ExtraDoc))}, model.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	// The second file's title is not the first's, which the investigation keeps.
	want := []model.ImportResult{{Events: 13, New: 13, Sources: 2}, {Events: 7, New: 7, Sources: 1, HeaderKept: []string{"title"}}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("dry run results = %+v, want %+v", res, want)
	}
	s.assertUnchanged(t, st, before)
	if n, err := st.Count(model.Query{}); err != nil || n != 0 {
		t.Errorf("Count after a dry run = %d, %v; want 0", n, err)
	}
	if h, err := st.Header(); err != nil || h != (model.Header{}) {
		t.Errorf("Header after a dry run = %+v, %v; want none", h, err)
	}

	// On a store that has them, a dry run sees what would be updated.
	Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	before = s.snapshot(t, st)
	res, err = st.Import([]model.Input{NativeInput("new.json", []byte(NewEvents))}, model.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	// The update takes only what the record has: the stored summary,
	// actors, quotes and links stay, and the dry run says what changes.
	want = []model.ImportResult{{Events: 3, New: 2, Updated: 1, Sources: 1, Updates: []model.EventUpdate{{ID: "nso-denial", Changes: []model.FieldChange{
		{Field: "date", Before: "2021/2022-02-01", After: "2022-02-01"},
		{Field: "title", Before: "NSO denies doing business with Mobileum or paying in cash", After: "NSO denies the claim, again"},
		{Field: "status", Before: "disputed", After: "denied"},
	}}}}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("dry run results = %+v, want %+v", res, want)
	}
	s.assertUnchanged(t, st, before)
}

func testImportStoresWhatTheFileSays(t *testing.T, s *suite) {
	st := s.seeded(t)
	s.check(t, st)
	want := InTimelineOrder(FixtureEvents(t))
	got := AllEvents(t, st)
	if len(got) != len(want) {
		t.Fatalf("stored %d events, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("stored event #%d:\n got %+v\nwant %+v", i+1, got[i], want[i])
		}
	}
	// The first header an import brings is kept; later ones do not
	// replace it.
	var c model.Collect
	if err := native.Read(bytes.NewReader(ExampleDoc(t)), &c); err != nil {
		t.Fatal(err)
	}
	if h, err := st.Header(); err != nil || h != c.Timeline.Header {
		t.Errorf("Header = %+v, %v; want the example's %+v", h, err, c.Timeline.Header)
	}
	sources, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	if got := sourceIDs(sources); !slices.Equal(got, []string{"desk-notes", "occupy-democrats", "wapo"}) {
		t.Errorf("sources = %v", got)
	}
}

func testReimportIsIdempotent(t *testing.T, s *suite) {
	st := s.empty(t)
	first := Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	if want := (model.ImportResult{Events: 13, New: 13, Sources: 2}); !reflect.DeepEqual(first[0], want) {
		t.Errorf("first import: %+v, want %+v", first[0], want)
	}
	before := s.snapshot(t, st)
	again := Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	if want := (model.ImportResult{Events: 13, Unchanged: 13, Sources: 2}); !reflect.DeepEqual(again[0], want) {
		t.Errorf("second import: %+v, want %+v", again[0], want)
	}
	s.assertUnchanged(t, st, before)
}

func testReimportKeepsTagsAndNotes(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	if _, err := Retag(st, []string{"fbi-tip", "nso-denial"}, []string{"flagged"}, nil); err != nil {
		t.Fatal(err)
	}
	noteAt := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	if _, err := AddNote(st, "fbi-tip", "ask the FBI press office", noteAt); err != nil {
		t.Fatal(err)
	}
	annotated := s.snapshot(t, st)

	// The original file again: nothing to change.
	res := Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	if want := (model.ImportResult{Events: 13, Unchanged: 13, Sources: 2}); !reflect.DeepEqual(res[0], want) {
		t.Errorf("re-import of the original: %+v, want %+v", res[0], want)
	}
	s.assertUnchanged(t, st, annotated)

	// An export (which carries the tags and notes) imports back unchanged,
	// without doubling the note.
	var export bytes.Buffer
	sources, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	h, err := st.Header()
	if err != nil {
		t.Fatal(err)
	}
	if err := native.Write(&export, h, sources, st.Events(model.Query{})); err != nil {
		t.Fatal(err)
	}
	res = Import(t, st, NativeInput("export.json", export.Bytes()))
	if want := (model.ImportResult{Events: 13, Unchanged: 13, Sources: 2}); !reflect.DeepEqual(res[0], want) {
		t.Errorf("re-import of an export: %+v, want %+v", res[0], want)
	}
	s.assertUnchanged(t, st, annotated)

	// A new version of the file changes a title and a date; the tags and
	// notes stay.
	edited := strings.Replace(string(ExampleDoc(t)),
		`"title": "Miller reports the call to an FBI tip line and gets no response"`,
		`"title": "Miller tips off the FBI"`, 1)
	edited = strings.Replace(edited, `"id": "nso-denial",
      "date": "2021/2022-02-01"`, `"id": "nso-denial",
      "date": "2022-01-31"`, 1)
	if edited == string(ExampleDoc(t)) || strings.Count(edited, "2022-01-31") != 1 {
		t.Fatal("the example changed: update the edits this test makes to it")
	}
	res = Import(t, st, NativeInput("edited.json", []byte(edited)))
	if want := (model.ImportResult{Events: 13, Updated: 2, Unchanged: 11, Sources: 2}); !reflect.DeepEqual(res[0], want) {
		t.Errorf("import of an edited file: %+v, want %+v", res[0], want)
	}
	tip := StoredEvent(t, st, "fbi-tip")
	if tip.Title != "Miller tips off the FBI" {
		t.Errorf("title = %q, want the new one", tip.Title)
	}
	if !tip.HasTag("flagged") || !tip.HasTag("whistleblower") {
		t.Errorf("tags = %v, want the file's and flagged", tip.Tags)
	}
	if len(tip.Notes) != 1 || tip.Notes[0].Text != "ask the FBI press office" || !tip.Notes[0].At.Equal(noteAt) {
		t.Errorf("notes = %+v, want the one note added", tip.Notes)
	}
	denial := StoredEvent(t, st, "nso-denial")
	if denial.Date.String() != "2022-01-31" || !denial.HasTag("flagged") {
		t.Errorf("nso-denial: date %s, tags %v; want 2022-01-31 and flagged kept", denial.Date, denial.Tags)
	}
	if at, err := st.Position("nso-denial"); err != nil || !keyOf(at.Key(), &denial) {
		t.Errorf("Position(nso-denial) = %q, %v; want the key of its new date", at.Key(), err)
	}
	if n, err := st.Count(model.Query{Tags: []string{"flagged"}}); err != nil || n != 2 {
		t.Errorf("Count(flagged) = %d, %v; want 2", n, err)
	}
	s.check(t, st)
}

// testImportFillsTheHeaderOnce: the store takes the first title and
// description it is given, from whichever file of whichever import.
func testImportFillsTheHeaderOnce(t *testing.T, s *suite) {
	titled := func(title, description string) model.Input {
		doc := fmt.Sprintf(`{"chrono": 1, "title": %q, "description": %q, "events": []}`, title, description)
		return NativeInput(title+".json", []byte(doc))
	}
	untitled := NativeInput("untitled.json", []byte(`{"chrono": 1, "events": []}`))
	tests := []struct {
		name    string
		imports [][]model.Input
		want    model.Header
		kept    []string // what the last import's last file said kept
	}{
		{"one file", [][]model.Input{{titled("A", "about A")}}, model.Header{Title: "A", Description: "about A"}, nil},
		{"titled file then untitled, together", [][]model.Input{{titled("A", "about A"), untitled}}, model.Header{Title: "A", Description: "about A"}, nil},
		{"untitled file then titled, together", [][]model.Input{{untitled, titled("B", "about B")}}, model.Header{Title: "B", Description: "about B"}, nil},
		{"two titled files together", [][]model.Input{{titled("A", "about A"), titled("B", "about B")}}, model.Header{Title: "A", Description: "about A"}, []string{"title", "description"}},
		{"a later import", [][]model.Input{{titled("A", "about A")}, {titled("B", "about B")}}, model.Header{Title: "A", Description: "about A"}, []string{"title", "description"}},
		{"a later import fills what is missing", [][]model.Input{{untitled}, {titled("B", "")}, {titled("C", "about C")}}, model.Header{Title: "B", Description: "about C"}, []string{"title"}},
		{"the same header again", [][]model.Input{{titled("A", "about A")}, {titled("A", "about A")}}, model.Header{Title: "A", Description: "about A"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := s.empty(t)
			var res []model.ImportResult
			for _, inputs := range tt.imports {
				res = Import(t, st, inputs...)
			}
			if h, err := st.Header(); err != nil || h != tt.want {
				t.Errorf("Header = %+v, %v; want %+v", h, err, tt.want)
			}
			if got := res[len(res)-1].HeaderKept; !slices.Equal(got, tt.kept) {
				t.Errorf("the last file says it kept %v, want %v", got, tt.kept)
			}
		})
	}
}

// testImportMergesSources: an import fills in what a stored source
// lacks and keeps what it holds, saying which fields the file gives
// otherwise; a field the file leaves out is not emptied. With --prefer
// file or --replace, the file's values are taken where it has them, and
// the fields taken are named.
func testImportMergesSources(t *testing.T, s *suite) {
	doc := `{"chrono": 1, "sources": [{"id": "wapo", "publisher": "The Washington Post", "title": "Corrected headline", "url": "https://www.washingtonpost.com/nso"}], "events": []}`
	const stored = "NSO offered 'bags of cash' for access to U.S. cell network, whistleblower claims"
	for _, tc := range []struct {
		name       string
		opts       model.ImportOptions
		title      string
		kept, took []model.SourceFields
	}{
		{"as it is", model.ImportOptions{}, stored, []model.SourceFields{{ID: "wapo", Fields: []string{"title"}}}, nil},
		{"preferring the file", model.ImportOptions{Prefer: model.PreferFile}, "Corrected headline", nil, []model.SourceFields{{ID: "wapo", Fields: []string{"title"}}}},
		{"replacing", model.ImportOptions{Replace: true}, "Corrected headline", nil, []model.SourceFields{{ID: "wapo", Fields: []string{"title"}}}},
	} {
		for _, bulk := range []bool{false, true} {
			name := tc.name
			if bulk {
				name += ", in bulk"
			}
			t.Run(name, func(t *testing.T) {
				st := s.seeded(t)
				opts := tc.opts
				opts.Bulk = bulk
				res, err := st.Import([]model.Input{NativeInput("sources.json", []byte(doc))}, opts)
				if err != nil {
					t.Fatal(err)
				}
				if want := (model.ImportResult{Sources: 1, SourcesUpdated: 1, SourcesKept: tc.kept, SourcesTook: tc.took}); !reflect.DeepEqual(res[0], want) {
					t.Errorf("result %+v, want %+v", res[0], want)
				}
				sources, err := st.Sources()
				if err != nil {
					t.Fatal(err)
				}
				for _, src := range sources {
					if src.ID == "wapo" && (src.Title != tc.title || src.Author != "Craig Timberg" || src.URL != "https://www.washingtonpost.com/nso") {
						t.Errorf("wapo = %+v, want the title %q, the stored author and the file's URL", src, tc.title)
					}
				}
				if len(sources) != 3 {
					t.Errorf("%d sources, want 3", len(sources))
				}
			})
		}
	}
}

func sourceIDs(sources []model.Source) []string {
	out := make([]string, len(sources))
	for i, s := range sources {
		out[i] = s.ID
	}
	return out
}

// testImportResolvesAgainstTheStore: a long file's references to the
// store's events and sources resolve, wherever they are in the file (a
// store may be writing one part of it while it reads the next), and one
// to nothing is still reported, alone, and keeps nothing.
func testImportResolvesAgainstTheStore(t *testing.T, s *suite) {
	long := func(last string) []byte {
		var b strings.Builder
		b.WriteString(`{"chrono": 1, "events": [`)
		for i := range 2500 {
			fmt.Fprintf(&b, `{"id": "long-%04d", "title": "Event %d", "date": "2019-01-01"},`, i, i)
		}
		b.WriteString(last + `]}`)
		return []byte(b.String())
	}
	st := s.seeded(t)
	before := s.snapshot(t, st)
	_, err := st.Import([]model.Input{NativeInput("dangling.json", long(`{"id": "long-end", "title": "End",
		"links": [{"rel": "follows", "event": "fbi-tip"}, {"rel": "follows", "event": "nothing-here"}]}`))}, model.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `"nothing-here": no such event`) || strings.Contains(err.Error(), "fbi-tip") {
		t.Errorf("a late link to nothing: %v", err)
	}
	s.assertUnchanged(t, st, before)

	res := Import(t, st, NativeInput("long.json", long(`{"id": "long-end", "title": "End",
		"links": [{"rel": "follows", "event": "fbi-tip"}], "quotes": [{"text": "words", "source": "wapo"}]}`)))
	if res[0].New != 2501 {
		t.Errorf("imported %+v, want 2501 new", res[0])
	}
	if e := StoredEvent(t, st, "long-end"); len(e.Links) != 1 || len(e.Quotes) != 1 {
		t.Errorf("the last event stored as %+v", e)
	}
}

// testImportSaysWhereItIs: an import's progress says the events read,
// then, once, that the linked events are being placed, with every event
// read, and only then (a store that builds a new file) the records
// written; a dry run places nothing.
func testImportSaysWhereItIs(t *testing.T, s *suite) {
	inputs := func() []model.Input {
		return []model.Input{NativeInput("timeline.example.json", ExampleDoc(t)), NativeInput("extra.json", []byte(ExtraDoc))}
	}
	for _, opts := range []model.ImportOptions{{}, {Bulk: true}, {DryRun: true}} {
		var said []model.ImportProgress
		opts.Progress = func(p model.ImportProgress) { said = append(said, p) }
		if _, err := s.empty(t).Import(inputs(), opts); err != nil {
			t.Fatal(err)
		}
		placing := slices.IndexFunc(said, func(p model.ImportProgress) bool { return p.Placing })
		switch {
		case opts.DryRun && placing >= 0:
			t.Errorf("a dry run said it placed events: %+v", said)
		case opts.DryRun:
		case placing < 0 || slices.ContainsFunc(said[placing+1:], func(p model.ImportProgress) bool { return p.Placing }):
			t.Errorf("%+v: placing said other than once: %+v", opts, said)
		case said[placing].Events != 20:
			t.Errorf("%+v: placing said with %d events read, want 20", opts, said[placing].Events)
		case slices.ContainsFunc(said[:placing], func(p model.ImportProgress) bool { return p.Total > 0 }):
			t.Errorf("%+v: records written before the events were placed: %+v", opts, said)
		}
	}
}
