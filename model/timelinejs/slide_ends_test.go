package timelinejs

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"chrono/model"
)

// TestRoundTripKeepsSlideEnds reads slides whose end TimelineJS shows
// though its fields give no other date than the start's: an end_date of
// words alone ("present"), and an end_date whose fields are the
// start_date's beside a start_date with words of its own, which
// TimelineJS keeps since the two differ in those words. Each reads as
// the date the slide means, with its words, and is exported to the same
// start_date, end_date and display_dates, which read back as the same
// event: TimelineJS shows what it showed, and nothing is counted but
// the open end TimelineJS does not draw.
func TestRoundTripKeepsSlideEnds(t *testing.T) {
	for _, tt := range slideEnds {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc()
			tl, read := mustRead(t, doc)
			checkLosses(t, read, nil)
			e := tl.Events[0]
			if e.Date.String() != tt.edtf || e.DateText != tt.text || e.DateTextOf != tt.of {
				t.Errorf("read as %s %q of %q, want %s %q of %q", e.Date, e.DateText, e.DateTextOf, tt.edtf, tt.text, tt.of)
			}
			out, losses := export(t, tl)
			checkLosses(t, losses, tt.exportLosses)
			b, a := slidesOf(t, doc)[0], slidesOf(t, out)[0]
			for _, field := range []string{"start_date", "end_date"} {
				if got, want := slideDateFields(t, a[field]), slideDateFields(t, b[field]); got != want {
					t.Errorf("%s %s, want %s\n%s", field, got, want, out)
				}
				if got, want := dateDisplay(a[field]), dateDisplay(b[field]); got != want {
					t.Errorf("%s's display_date %q, want %q\n%s", field, got, want, out)
				}
			}
			want, _ := stringOf(b["display_date"])
			if got, _ := stringOf(a["display_date"]); got != want {
				t.Errorf("display_date %q, want %q\n%s", got, want, out)
			}
			back, again := mustRead(t, out)
			checkLosses(t, again, nil)
			if g := back.Events[0]; g.Date != e.Date || g.DateText != e.DateText || g.DateTextOf != e.DateTextOf {
				t.Errorf("read back as %s %q of %q, want %s %q of %q", g.Date, g.DateText, g.DateTextOf, e.Date, e.DateText, e.DateTextOf)
			}
		})
	}
}

// TestOpenEndWords exports events with an open end whose date text gives
// the end words of its own: the end_date is those words alone, which
// TimelineJS shows as the end, and reads back as the open end. Words of
// the whole date beside them go to the slide's display_date, after the
// date's label only when alone they would read back as the label and
// words. An end the fields cannot show otherwise (an approximate start,
// an unknown end) keeps the label, with every word after it.
func TestOpenEndWords(t *testing.T) {
	tests := []struct {
		name, edtf, text string
		of               model.DateTextPart
		slide, end       string
		wordsEnd         bool
		// wholeBack: the words come back as words of the whole date,
		// after the label that shows what the fields lose.
		wholeBack bool
	}{
		{name: "end", edtf: "2017-08/..", text: "present", of: model.DateTextEnd, end: "present", wordsEnd: true},
		{name: "start and end", edtf: "2017-08/..", text: "August – today", of: model.DateTextEnds, end: "today", wordsEnd: true},
		{name: "whole and end", edtf: "2017-08/..", text: "The leak – now", of: "whole:8,end", slide: "The leak", end: "now", wordsEnd: true},
		{name: "whole that is the label, and end", edtf: "2017-08/..", text: "since Aug 2017 – now", of: "whole:14,end", slide: "since Aug 2017", end: "now", wordsEnd: true},
		{name: "whole that reads as the label and words, and end", edtf: "2017-08/..", text: "since Aug 2017 “x” – now", of: "whole:22,end",
			slide: "since Aug 2017 “since Aug 2017 “x””", end: "now", wordsEnd: true},
		{name: "an approximate start", edtf: "2017~/..", text: "present", of: model.DateTextEnd, slide: "since c. 2017 “present”", wholeBack: true},
		{name: "an unknown end", edtf: "2017-08/", text: "present", of: model.DateTextEnd, slide: "Aug 2017 – ? “present”", wholeBack: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf), DateText: tt.text, DateTextOf: tt.of}
			if !e.DateTextOf.Valid() || !e.DateTexts().Apart() {
				t.Fatalf("date_text_of %q does not fit %q", tt.of, tt.text)
			}
			doc, losses := export(t, model.Timeline{Events: []model.Event{e}})
			s := slidesOf(t, doc)[0]
			if slide, _ := stringOf(s["display_date"]); slide != tt.slide {
				t.Errorf("slide's display_date %q, want %q", slide, tt.slide)
			}
			if got := dateDisplay(s["end_date"]); got != tt.end {
				t.Errorf("end_date's display_date %q, want %q", got, tt.end)
			}
			if tt.wordsEnd && slideDateFields(t, s["end_date"]) != "" {
				t.Errorf("end_date has fields %s, want words alone", slideDateFields(t, s["end_date"]))
			}
			if n := losses.Count(LossOpenEnd); n != 1 {
				t.Errorf("counted %d open ends, want 1: %s", n, losses)
			}
			back, _ := mustRead(t, doc)
			got := back.Events[0]
			wantOf := tt.of
			if tt.wholeBack {
				wantOf = model.DateTextWhole
			}
			if got.Date != e.Date || got.DateText != tt.text || got.DateTextOf != wantOf {
				t.Errorf("read back as %s %q of %q, want %s %q of %q\n%s", got.Date, got.DateText, got.DateTextOf, e.Date, tt.text, wantOf, doc)
			}
		})
	}
}

// slideEnds are slides whose end TimelineJS shows though the fields give
// no other date than the start's, with what chrono reads of them and
// what is counted.
type slideEnd struct {
	name, slide  string
	edtf, text   string
	of           model.DateTextPart
	exportLosses map[model.Loss]int
}

var slideEnds = []slideEnd{
	{name: "present", slide: `"start_date": {"year": 2017, "month": 8}, "end_date": {"display_date": "present"}`,
		edtf: "2017-08/..", text: "present", of: model.DateTextEnd,
		exportLosses: map[model.Loss]int{LossOpenEnd: 1}},
	{name: "present, to the day", slide: `"start_date": {"year": 2021, "month": 3, "day": 5}, "end_date": {"display_date": "Present"}`,
		edtf: "2021-03-05/..", text: "Present", of: model.DateTextEnd,
		exportLosses: map[model.Loss]int{LossOpenEnd: 1}},
	{name: "present beside the start's own words", slide: `"start_date": {"year": 2017, "month": 8, "display_date": "Summer 2017"}, "end_date": {"display_date": "present"}`,
		edtf: "2017-08/..", text: "Summer 2017 – present", of: model.DateTextEnds,
		exportLosses: map[model.Loss]int{LossOpenEnd: 1}},
	{name: "present beside the slide's words", slide: `"start_date": {"year": 2017, "month": 8}, "end_date": {"display_date": "present"}, "display_date": "The leak years"`,
		edtf: "2017-08/..", text: "The leak years – present", of: "whole:14,end",
		exportLosses: map[model.Loss]int{LossOpenEnd: 1}},
	{name: "present beside chrono's label of the date", slide: `"start_date": {"year": 2017, "month": 8}, "end_date": {"display_date": "present"}, "display_date": "since Aug 2017"`,
		edtf: "2017-08/..", text: "since Aug 2017 – present", of: "whole:14,end",
		exportLosses: map[model.Loss]int{LossOpenEnd: 1}},
	{name: "an end equal to the start beside the start's own words", slide: `"start_date": {"year": 2017, "month": 8, "display_date": "Summer 2017"}, "end_date": {"year": 2017, "month": 8}`,
		edtf: "2017-08/2017-08", text: "Summer 2017", of: model.DateTextStart},
	{name: "an end equal to the start, to the second, beside the start's own words", slide: `"start_date": {"year": 2018, "month": 5, "day": 1, "hour": 9, "minute": 30, "second": 0, "display_date": "the morning"}, "end_date": {"year": 2018, "month": 5, "day": 1, "hour": 9, "minute": 30, "second": 0}`,
		edtf: "2018-05-01T09:30:00/2018-05-01T09:30:00", text: "the morning", of: model.DateTextStart},
	{name: "an end equal to the start beside the start's and the slide's words", slide: `"start_date": {"year": 2017, "display_date": "that year"}, "end_date": {"year": 2017}, "display_date": "The leak"`,
		edtf: "2017/2017", text: "The leak – that year", of: "whole:8,start"},
}

// doc is a TimelineJS file of the slide alone.
func (tt slideEnd) doc() string {
	return `{"events": [{` + tt.slide + `, "text": {"headline": "T"}, "unique_id": "e"}]}`
}

// TestTimelineJS3ShowsTheSameDates runs TimelineJS3's own code on files
// read and exported again (testdata/display_date.json, and each of
// slideEnds): every slide of the export shows the date the file's
// showed, its end included.
func TestTimelineJS3ShowsTheSameDates(t *testing.T) {
	node, dir := timelineJS3(t)
	tmp := t.TempDir()
	pairs := map[string]string{} // file → its export
	add := func(name, doc string) {
		tl, _ := mustRead(t, doc)
		out, _ := export(t, tl)
		file, exported := filepath.Join(tmp, name+".json"), filepath.Join(tmp, name+".export.json")
		for path, text := range map[string]string{file: doc, exported: out} {
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		pairs[file] = exported
	}
	fixture, err := os.ReadFile("testdata/display_date.json")
	if err != nil {
		t.Fatal(err)
	}
	add("display_date", string(fixture))
	for i, tt := range slideEnds {
		add(fmt.Sprintf("slide-end-%d", i), tt.doc())
	}
	var files []string
	for f, e := range pairs {
		files = append(files, f, e)
	}
	results, stderr := checkTimelineJS3(t, node, dir, files)
	shown := map[string]map[string]string{}
	for _, r := range results {
		if !r.Valid {
			t.Errorf("TimelineJS3 refuses %s: %q", filepath.Base(r.File), r.Errors)
		}
		shown[r.File] = r.Shown
	}
	if len(shown) != len(files) {
		t.Fatalf("check.mjs reported on %d files, want %d\n%s", len(shown), len(files), stderr)
	}
	for f, e := range pairs {
		if len(shown[f]) == 0 {
			t.Errorf("%s: TimelineJS3 showed no slide", filepath.Base(f))
		}
		for id, want := range shown[f] {
			if got := shown[e][id]; got != want {
				t.Errorf("%s: slide %s shows %q, want %q as the file did", filepath.Base(f), id, got, want)
			}
		}
	}
}
