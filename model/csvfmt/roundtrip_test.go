package csvfmt

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
)

// The NSO example goes to CSV and back: everything the columns carry comes
// back as it was, dates with their precision, and what does not come back
// is exactly what the losses counted.
func TestRoundTripExample(t *testing.T) {
	want := example(t)
	// What the example lacks: notes, a formula-like title, an actor with a
	// semicolon, a CRLF-free multi-line summary.
	want.Events[0].Notes = []model.Note{{Text: "check the call logs"}, {Text: "ask Mobileum"}}
	want.Events[1].Title = "=1+1 is not a formula here"
	want.Events[2].Actors = append(want.Events[2].Actors, "Smith; Jones LLP", `C:\path`)
	want.Events[3].Summary = "First paragraph, \"quoted\".\n\n-second, with a dash"

	var buf bytes.Buffer
	var lost model.Losses
	n, err := Write(&buf, want.Header, want.Sources, events(want.Events), &lost)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(want.Events) {
		t.Fatalf("wrote %d events of %d", n, len(want.Events))
	}
	got, readLost, err := readAll(t, buf.String())
	if err != nil {
		t.Fatalf("the export does not read back: %v", err)
	}
	if !readLost.Empty() {
		t.Errorf("reading back lost %s", readLost)
	}
	if len(got.Events) != len(want.Events) {
		t.Fatalf("read back %d events of %d", len(got.Events), len(want.Events))
	}

	var dateTexts, dateSources, links, notes int
	for i, w := range want.Events {
		g := got.Events[i]
		check := func(field string, got, want any) {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("event %s: %s = %#v, want %#v", w.ID, field, got, want)
			}
		}
		check("id", g.ID, w.ID)
		check("date", g.Date, w.Date)
		check("date precision", g.Date.Precision(), w.Date.Precision())
		check("date label", g.Date.Label(), w.Date.Label())
		check("title", g.Title, w.Title)
		check("summary", g.Summary, w.Summary)
		check("status", g.Status, w.Status)
		check("actors", g.Actors, w.Actors)
		check("tags", g.Tags, w.Tags)
		check("quotes", g.Quotes, w.Quotes)
		check("date_text", g.DateText, w.DateText)
		check("date_source", g.DateSource, w.DateSource)
		if w.DateText != "" {
			dateTexts++
		}
		if w.DateSource != "" {
			dateSources++
		}
		// What CSV cannot carry comes back empty, and was counted.
		check("links", len(g.Links), 0)
		check("notes", len(g.Notes), 0)
		links += len(w.Links)
		notes += len(w.Notes)
	}
	counted := map[model.Loss]int{
		LostTitle: 1, LostDescription: 1,
		LostLink: links, LostNote: notes,
	}
	if dateTexts == 0 || dateSources == 0 {
		t.Errorf("the example has %d date texts and %d date sources: the round trip tests none", dateTexts, dateSources)
	}
	for l, n := range counted {
		if got := lost.Count(l); got != n {
			t.Errorf("%s: counted %d, want %d", l.Many, got, n)
		}
	}
	if len(lost.Lines()) != len(counted) {
		t.Errorf("losses %q: want only %d kinds", lost.Lines(), len(counted))
	}
	if !reflect.DeepEqual(got.Sources, want.Sources) {
		t.Errorf("sources:\n got %+v\nwant %+v", got.Sources, want.Sources)
	}
	if got.Header != (model.Header{}) {
		t.Errorf("CSV carries no header, read %+v", got.Header)
	}
}

// Values at the edges of what the cells hold survive a round trip.
func TestRoundTripEdges(t *testing.T) {
	texts := []string{
		"=", "'", "''", "'=", "''+x", "-", "@", "\t", " leading space", "trailing space ",
		`"`, `""`, ",", "a\nb", "a\rb", "ends in CR\r", `\`, `\;`, ";", "日本語",
	}
	var es []model.Event
	for i, text := range texts {
		es = append(es, model.Event{
			ID: "e" + string(rune('a'+i)), Title: "T", Summary: text,
			Actors: []string{"x" + text + "x", "y"},
		})
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, model.Header{}, nil, events(es), nil); err != nil {
		t.Fatal(err)
	}
	got, _, err := readAll(t, buf.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for i, e := range got.Events {
		if e.Summary != texts[i] {
			t.Errorf("summary %q came back as %q", texts[i], e.Summary)
		}
		if !slices.Equal(e.Actors, es[i].Actors) {
			t.Errorf("actors %q came back as %q", es[i].Actors, e.Actors)
		}
	}
}
