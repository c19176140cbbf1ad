package timelinejs

import (
	"testing"

	"chrono/model"
)

// TestRoundTripKeepsSlideEnds reads slides whose end TimelineJS shows
// though its fields give no other date than the start's: an end_date
// whose fields are the start_date's beside a start_date with words of
// its own, which TimelineJS keeps since the two differ in those words. Each reads as
// the date the slide means, with its words, and is exported to the same
// start_date, end_date and display_dates, which read back as the same
// event: TimelineJS shows what it showed, and nothing is counted but
// what TimelineJS cannot draw.
func TestRoundTripKeepsSlideEnds(t *testing.T) {
	tests := []struct {
		name, slide    string
		edtf, text     string
		of             model.DateTextPart
		exportLosses   map[model.Loss]int
		readBackLosses map[model.Loss]int
	}{
		{name: "an end equal to the start beside the start's own words", slide: `"start_date": {"year": 2017, "month": 8, "display_date": "Summer 2017"}, "end_date": {"year": 2017, "month": 8}`,
			edtf: "2017-08/2017-08", text: "Summer 2017", of: model.DateTextStart},
		{name: "an end equal to the start, to the second, beside the start's own words", slide: `"start_date": {"year": 2018, "month": 5, "day": 1, "hour": 9, "minute": 30, "second": 0, "display_date": "the morning"}, "end_date": {"year": 2018, "month": 5, "day": 1, "hour": 9, "minute": 30, "second": 0}`,
			edtf: "2018-05-01T09:30:00/2018-05-01T09:30:00", text: "the morning", of: model.DateTextStart},
		{name: "an end equal to the start beside the start's and the slide's words", slide: `"start_date": {"year": 2017, "display_date": "that year"}, "end_date": {"year": 2017}, "display_date": "The leak"`,
			edtf: "2017/2017", text: "The leak – that year", of: "whole:8,start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `{"events": [{` + tt.slide + `, "text": {"headline": "T"}, "unique_id": "e"}]}`
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
			checkLosses(t, again, tt.readBackLosses)
			if g := back.Events[0]; g.Date != e.Date || g.DateText != e.DateText || g.DateTextOf != e.DateTextOf {
				t.Errorf("read back as %s %q of %q, want %s %q of %q", g.Date, g.DateText, g.DateTextOf, e.Date, e.DateText, e.DateTextOf)
			}
		})
	}
}
