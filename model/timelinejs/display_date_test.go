package timelinejs

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// TestRoundTripKeepsEveryDate reads a TimelineJS file, exports it, and
// compares each slide's dates as TimelineJS reads them: the same
// start_date and end_date fields, and the same display_date, the slide's
// and each date's own, which chrono keeps as it was and writes only
// where the file had it. Nothing is lost, and nothing is counted.
func TestRoundTripKeepsEveryDate(t *testing.T) {
	doc, err := os.ReadFile("testdata/display_date.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, read := mustRead(t, string(doc))
	if !read.Empty() {
		t.Errorf("import counted %s, want nothing: every display_date is kept", read)
	}
	out, losses := export(t, tl)
	if !losses.Empty() {
		t.Errorf("export counted %s, want nothing: every date is one TimelineJS shows", losses)
	}
	before, after := slidesOf(t, string(doc)), slidesOf(t, out)
	if len(before) != len(after) {
		t.Fatalf("%d slides came back, want %d", len(after), len(before))
	}
	for i, b := range before {
		a := after[i]
		id, _ := stringOf(b["unique_id"])
		for _, field := range []string{"start_date", "end_date"} {
			if got, want := slideDateFields(t, a[field]), slideDateFields(t, b[field]); got != want {
				t.Errorf("%s: %s %s, want %s", id, field, got, want)
			}
			if got, want := dateDisplay(a[field]), dateDisplay(b[field]); got != want {
				t.Errorf("%s: %s's display_date %q, want %q", id, field, got, want)
			}
		}
		want, _ := stringOf(b["display_date"])
		got, _ := stringOf(a["display_date"])
		if got != want {
			t.Errorf("%s: display_date %q, want %q", id, got, want)
		}
	}
}

// dateDisplay is a TimelineJS date's own display_date: "" for none.
func dateDisplay(v jsontext.Value) string {
	if v == nil {
		return ""
	}
	for _, m := range members(v, 0) {
		if m.name == "display_date" {
			s, _ := stringOf(m.value)
			return s
		}
	}
	return ""
}

// slideDateFields writes a TimelineJS date's fields as numbers, as TimelineJS
// reads them, so that "2018" and 2018 compare equal.
func slideDateFields(t *testing.T, v jsontext.Value) string {
	t.Helper()
	if v == nil {
		return "none"
	}
	out := ""
	for _, m := range members(v, 0) {
		if m.name == "display_date" {
			continue
		}
		n, set, msg := wholeNumber(m.value)
		if msg != "" {
			t.Fatalf("%s: %s", m.name, msg)
		}
		if set {
			out += " " + m.name + "=" + strconv.FormatInt(n, 10)
		}
	}
	return out
}

// TestDisplayDateWrittenOnlyForWhatTimelineJSCannotShow: an event's date
// text is written as display_date as it is; without one, display_date is
// written only for a date TimelineJS's fields cannot show, and each such
// slide is counted.
func TestDisplayDateWrittenOnlyForWhatTimelineJSCannotShow(t *testing.T) {
	tests := []struct {
		edtf, text, display string
		loss                *model.Loss
	}{
		{"2017-08/2021", "", "", nil},
		{"2017-08/2021", "Summer 2017 to 2021", "Summer 2017 to 2021", nil},
		{"0900", ".", ".", nil},
		{"2021", "last year", "last year", nil},
		{"2021~", "", "c. 2021", &LossQualifier},
		{"2021~", "about then", "c. 2021 “about then”", &LossDateTextMerged},
		{"2017-08-14T00:00:00", "", "14 Aug 2017 00:00:00", &LossMidnight},
	}
	for _, tt := range tests {
		t.Run(tt.edtf+" "+tt.text, func(t *testing.T) {
			e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf), DateText: tt.text}
			doc, losses := export(t, model.Timeline{Events: []model.Event{e}})
			display, _ := stringOf(slidesOf(t, doc)[0]["display_date"])
			if display != tt.display {
				t.Errorf("display_date %q, want %q", display, tt.display)
			}
			if tt.loss != nil && losses.Count(*tt.loss) != 1 {
				t.Errorf("%q not counted: %s", tt.loss.Many, losses)
			}
			if tt.loss == nil && !losses.Empty() {
				t.Errorf("counted %s, want nothing", losses)
			}
		})
	}
}

// TestRoundTripKeepsChronoDates exports dates TimelineJS's fields cannot
// show, with and without date text, and reads them back: each comes back
// exactly, read from the label chrono wrote into display_date (and
// counted), and the date text comes back apart from the label.
func TestRoundTripKeepsChronoDates(t *testing.T) {
	tests := []struct {
		edtf string
		told bool // the fields alone cannot show it: read from display_date
	}{
		{"2017~", true},
		{"2017?", true},
		{"2017%", true},
		{"2017-XX", true},
		{"2017-XX-XX", true},
		{"2017-08-XX", true},
		{"2019-21", true},
		{"2019-22", true},
		{"2019-23", true},
		{"2019-24", true},
		{"201X", true},
		{"../2021", true},
		{"2017-08/..", true},
		{"2017~/..", true},
		{"/2021", true},
		{"2017-08/", true},
		{"/2017-08-14?", true},
		{"../2017-08-14?", true},
		{"2020-03-04T10:00:00+02:00", true},
		{"2020-03-04T10:00:00-05:30", true},
		{"2020-03-04T10:00:00+02", true},
		{"2021-06-01T00:00:00Z", true},
		{"2021-06-01T00:00:00+01:00", true},
		{"../2021-06-01T00:00:00Z", true},
		{"2017-08-14T10:00:00Z/2017-08-14T12:00:00Z", true},
		{"2017-08-14T15:04:05.5", true},
		{"2017-08-14T15:04:05.123456", true},
		{"2021-03/2021", true},
		{"2021-03-05T10:00:00/2021-03-05", true},
		{"2021~/2022", true},
		{"2021/2022?", true},
		{"2021/2021~", true}, // its ends have the same fields: no end_date
		{"2017-08~/2021", true},
		{"2019-24/2020-03", true},
		{"201X/2021", true},
		{"-0043~", true},
		{"-0043-03-15?", true},
		{"-0043-03-15T10:00:00+02:00", true},
		{"0000~", true},
		{"Y12345~", true},
		{"Y-64999999~", true},
		// Labels that do not read back as their date on their own (a
		// year's unspecified digits as the span they leave, a qualified
		// year before 1000), or once did not (significant digits in
		// words).
		{"20XX", true},
		{"09XX", true},
		{"-01XX", true},
		{"-019X", true},
		{"1950S2", true},
		{"-1950S3", true},
		{"0500?", true},
		{"0050~", true},
		{"0005%", true},
		// A midnight the fields show; display_date only says so.
		{"2017-08-14T00:00:00", false},
		{"2017-08-14T00:00:00/2017-08-20", false},
	}
	for _, tt := range tests {
		for _, text := range []string{"", "about then", "he said “then”"} {
			t.Run(tt.edtf+" "+text, func(t *testing.T) {
				e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf), DateText: text}
				doc, _ := export(t, model.Timeline{Events: []model.Event{e}})
				back, losses := mustRead(t, doc)
				g := back.Events[0]
				if g.Date != e.Date || g.DateText != e.DateText {
					t.Errorf("read back as %s %q, want %s %q\n%s", g.Date, g.DateText, e.Date, e.DateText, doc)
				}
				want := map[model.Loss]int{}
				if tt.told {
					want[LossDateFromDisplay] = 1
				}
				checkLosses(t, losses, want)
			})
		}
	}
}

// TestDisplayDateTellsTheDate reads display_dates that are chrono's label
// of a date the fields show less exactly, from chrono or not: the date is
// read from them, and counted when the fields did not show it.
func TestDisplayDateTellsTheDate(t *testing.T) {
	tests := []struct {
		name, slide, edtf, text string
		told                    bool
	}{
		{"season", `"start_date": {"year": 1943}, "display_date": "Summer 1943"`, "1943-22", "", true},
		{"decade", `"start_date": {"year": 1990}, "display_date": "1990s"`, "199X", "", true},
		{"century", `"start_date": {"year": 2000}, "display_date": "2000–2099"`, "20XX", "", true},
		{"significant digits", `"start_date": {"year": 1900}, "display_date": "1950 (to 2 significant digits)"`, "1950S2", "", true},
		{"one significant digit", `"start_date": {"year": 1000}, "display_date": "1950 (to 1 significant digit)"`, "1950S1", "", true},
		{"one significant digit, as labelled before in the plural", `"start_date": {"year": 1000}, "display_date": "1950 (to 1 significant digits)"`, "1950S1", "", true},
		{"uncertain year before 1000", `"start_date": {"year": 500}, "display_date": "500 CE?"`, "0500?", "", true},
		{"uncertain year before 1000, as labelled before its era", `"start_date": {"year": 500}, "display_date": "500?"`, "0500?", "", true},
		{"decade before 1000", `"start_date": {"year": 990}, "display_date": "990s CE"`, "099X", "", true},
		{"decade before 1000, as labelled before its era", `"start_date": {"year": 990}, "display_date": "990s"`, "099X", "", true},
		{"offset", `"start_date": {"year": 2020, "month": 3, "day": 4, "hour": 10, "minute": 0, "second": 0}, "display_date": "4 Mar 2020 10:00:00 +02:00"`, "2020-03-04T10:00:00+02:00", "", true},
		{"open end", `"start_date": {"year": 2017, "month": 8}, "display_date": "since Aug 2017"`, "2017-08/..", "", true},
		{"with words", `"start_date": {"year": 2021}, "display_date": "c. 2021 “about then”"`, "2021~", "about then", true},
		{"start's own", `"start_date": {"year": 2017, "display_date": "c. 2017"}`, "2017~", "", true},
		{"end equal to start", `"start_date": {"year": 2017}, "end_date": {"year": 2017}, "display_date": "2017?"`, "2017?", "", true},
		{"words guarded by the label", `"start_date": {"year": 2021}, "display_date": "2021 “c. 2021”"`, "2021", "c. 2021", false},
		{"midnight", `"start_date": {"year": 2017, "month": 8, "day": 14, "hour": 0, "minute": 0, "second": 0}, "display_date": "14 Aug 2017 00:00:00"`, "2017-08-14T00:00:00", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, losses := mustRead(t, `{"events": [{`+tt.slide+`, "text": {"headline": "T"}}]}`)
			e := tl.Events[0]
			if e.Date.String() != tt.edtf || e.DateText != tt.text {
				t.Errorf("read as %s %q, want %s %q", e.Date, e.DateText, tt.edtf, tt.text)
			}
			if got := losses.Count(LossDateFromDisplay) == 1; got != tt.told {
				t.Errorf("date read from display_date counted: %v, want %v (%s)", got, tt.told, losses)
			}
		})
	}
}

// TestDisplayDateWordsStayText: a display_date that is not chrono's label
// of a date the fields agree with is the event's date text, as it was,
// beside the date the fields show.
func TestDisplayDateWordsStayText(t *testing.T) {
	tests := []struct {
		name, slide, edtf string
	}{
		{"prose", `"start_date": {"year": 1943, "month": 7}, "end_date": {"year": 1946}, "display_date": "Summer 1943 to early 1946"`, "1943-07/1946"},
		{"no date", `"start_date": {"year": 900}, "display_date": "."`, "0900"},
		{"a name", `"start_date": {"year": -44, "month": 3, "day": 15}, "display_date": "The Ides of March"`, "-0043-03-15"},
		{"another spelling", `"start_date": {"year": 2017}, "display_date": "circa 2017"`, "2017"},
		{"EDTF", `"start_date": {"year": 2017}, "display_date": "2017-XX"`, "2017"},
		{"another year", `"start_date": {"year": 2017}, "display_date": "2018"`, "2017"},
		{"another month", `"start_date": {"year": 2017, "month": 8}, "display_date": "March 2017"`, "2017-08"},
		{"another decade", `"start_date": {"year": 2011}, "display_date": "2010s"`, "2011"},
		{"finer than chrono writes", `"start_date": {"year": 2017}, "display_date": "Aug 2017"`, "2017"},
		{"an end the label has not", `"start_date": {"year": 2017, "month": 8}, "end_date": {"year": 2018}, "display_date": "since Aug 2017"`, "2017-08/2018"},
		{"a time the fields have not", `"start_date": {"year": 2020, "month": 3, "day": 4}, "display_date": "4 Mar 2020 10:00:00 +02:00"`, "2020-03-04"},
		{"words after a date the fields show", `"start_date": {"year": 2021}, "display_date": "2021 “last year”"`, "2021"},
		{"spaced words", `"start_date": {"year": 2021}, "display_date": "c. 2021 “ about then ”"`, "2021"},
		{"unclosed words", `"start_date": {"year": 2021}, "display_date": "c. 2021 “about then"`, "2021"},
		{"a date chrono writes no label for", `"start_date": {"year": 2021}, "display_date": "2021 – 2021"`, "2021"},
		{"chrono's label of the date the fields show", `"start_date": {"year": 2022, "month": 2, "day": 1}, "display_date": "1 Feb 2022"`, "2022-02-01"},
		{"a span the fields do not start", `"start_date": {"year": 2001}, "display_date": "2000–2099"`, "2001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, losses := mustRead(t, `{"events": [{`+tt.slide+`, "text": {"headline": "T"}}]}`)
			e := tl.Events[0]
			display := tt.slide[strings.LastIndex(tt.slide, `"display_date": "`)+len(`"display_date": "`) : len(tt.slide)-1]
			if e.Date.String() != tt.edtf || e.DateText != display {
				t.Errorf("read as %s %q, want %s %q", e.Date, e.DateText, tt.edtf, display)
			}
			if n := losses.Count(LossDateFromDisplay); n != 0 {
				t.Errorf("counted %d dates read from display_date, want none", n)
			}
			// A date the fields share no day with is said, not silent:
			// TimelineJS shows one date and places the slide by another.
			elsewhere := strings.HasPrefix(tt.name, "another year") || strings.HasPrefix(tt.name, "another month")
			if n := losses.Count(LossDisplayElsewhere); n != count(elsewhere) {
				t.Errorf("counted %d display_dates naming another date, want %d", n, count(elsewhere))
			}
		})
	}
}

// TestStaleLabelKeepsTheQualifier: a slide whose start_date was changed
// by hand, its display_date still chrono's label of the old, qualified
// date, is dated by start_date with the label's qualifier, and the label
// is not kept as date text, which would contradict the date. Words, and
// a label of another precision, are still the date text.
func TestStaleLabelKeepsTheQualifier(t *testing.T) {
	tests := []struct {
		start, display, date, text string
		stale                      int
	}{
		{`{"year": 2020}`, "c. 2019", "2020~", "", 1},
		{`{"year": 2017, "month": 9}`, "Aug 2017?", "2017-09?", "", 1},
		{`{"year": 2020}`, "2019", "2020", "2019", 0}, // no qualifier: someone's words
		{`{"year": 2020, "month": 6}`, "c. 2019", "2020-06", "c. 2019", 0},
		{`{"year": 2020}`, "about 2019", "2020", "about 2019", 0},
		// The event's own words after the label stay its words.
		{`{"year": 2020}`, "c. 2019 “about two years ago”", "2020~", "about two years ago", 1},
	}
	for _, tt := range tests {
		doc := `{"events": [{"unique_id": "m", "start_date": ` + tt.start + `, "display_date": "` + tt.display + `", "text": {"headline": "Meeting"}}]}`
		tl, losses := mustRead(t, doc)
		e := tl.Events[0]
		if e.Date.String() != tt.date || e.DateText != tt.text || losses.Count(LossStaleLabel) != tt.stale {
			t.Errorf("%s beside %s: date %s, text %q, counted %d; want %s, %q, %d", tt.display, tt.start, e.Date, e.DateText, losses.Count(LossStaleLabel), tt.date, tt.text, tt.stale)
		}
	}
}

// TestLabelOfAnotherSpanSaid: chrono's label of an interval or an open
// end beside fields changed by hand is kept as the date text, and said:
// what it held beyond the fields (an approximate start, an open end) is
// not read into the date, and was dropped without a word.
func TestLabelOfAnotherSpanSaid(t *testing.T) {
	for _, tt := range []struct{ fields, display, date string }{
		{`"start_date": {"year": 2017}, "end_date": {"year": 2020}`, "c. 2017 – 2019", "2017/2020"},
		{`"start_date": {"year": 2017, "month": 9}`, "since Aug 2017", "2017-09"},
	} {
		tl, losses := mustRead(t, `{"events": [{`+tt.fields+`, "display_date": "`+tt.display+`", "text": {"headline": "T"}}]}`)
		e := tl.Events[0]
		if e.Date.String() != tt.date || e.DateText != tt.display || losses.Count(LossLabelAsText) != 1 {
			t.Errorf("%s beside %s: %s %q, counted %d", tt.display, tt.fields, e.Date, e.DateText, losses.Count(LossLabelAsText))
		}
	}
}
