package timelinejs

import (
	"testing"

	"chrono/model"
)

// TestDateTextsOfSeveralParts exports events whose date text gives words
// to the whole date and to its start or end, and reads them back: each
// part's words go to the display_date they came from, and come back as
// they were. Words of the whole date written after the date's label (the
// fields lose what it shows, or alone they would read back as it) are
// counted; nothing else is.
func TestDateTextsOfSeveralParts(t *testing.T) {
	tests := []struct {
		name, edtf, text string
		of               model.DateTextPart
		slide, start     string
		end              string
		merged           bool
		// wholeBack: the words come back as words of the whole date,
		// after the label that shows what the fields lose.
		wholeBack bool
	}{
		{name: "whole, start and end", edtf: "1943-07/1946", text: "The war years – Summer 1943 – early 1946", of: "whole:13,start:11,end",
			slide: "The war years", start: "Summer 1943", end: "early 1946"},
		{name: "whole and start, holding the join", edtf: "2017", text: "Before – the leak – c. – 2017", of: "whole:19,start",
			slide: "Before – the leak", start: "c. – 2017"},
		{name: "whole and end", edtf: "2017/2019-03", text: "Two years – March 2019", of: "whole:9,end",
			slide: "Two years", end: "March 2019"},
		{name: "whole that reads as a label", edtf: "2017", text: "c. 2017 – early 2017", of: "whole:7,start",
			slide: "2017 “c. 2017”", start: "early 2017", merged: true},
		{name: "a date the fields cannot show", edtf: "2017~", text: "then – early 2017", of: "whole:4,start",
			slide: "c. 2017 “then – early 2017”", merged: true, wholeBack: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf), DateText: tt.text, DateTextOf: tt.of}
			if !e.DateTextOf.Valid() || !e.DateTexts().Apart() {
				t.Fatalf("date_text_of %q does not fit %q", tt.of, tt.text)
			}
			doc, losses := export(t, model.Timeline{Events: []model.Event{e}})
			s := slidesOf(t, doc)[0]
			slide, _ := stringOf(s["display_date"])
			if slide != tt.slide {
				t.Errorf("slide's display_date %q, want %q", slide, tt.slide)
			}
			if got := dateDisplay(s["start_date"]); got != tt.start {
				t.Errorf("start_date's display_date %q, want %q", got, tt.start)
			}
			if got := dateDisplay(s["end_date"]); got != tt.end {
				t.Errorf("end_date's display_date %q, want %q", got, tt.end)
			}
			if n := losses.Count(LossDateTextMerged); n != count(tt.merged) {
				t.Errorf("counted %d date texts merged with a label, want %d: %s", n, count(tt.merged), losses)
			}
			back, read := mustRead(t, doc)
			got := back.Events[0]
			wantOf := tt.of
			if tt.wholeBack {
				wantOf = model.DateTextWhole
			}
			if got.Date.String() != tt.edtf || got.DateText != tt.text || got.DateTextOf != wantOf {
				t.Errorf("read back as %s %q of %q, want %s %q of %q", got.Date, got.DateText, got.DateTextOf, tt.edtf, tt.text, wantOf)
			}
			for _, l := range []model.Loss{LossUnknownMember, LossDisplayElsewhere, LossLabelAsText, LossStaleLabel} {
				if n := read.Count(l); n != 0 {
					t.Errorf("import counted %d %s", n, l.Many)
				}
			}
		})
	}
}
