package timelinejs

import (
	"os"
	"strconv"
	"testing"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// TestRoundTripKeepsEveryDate reads a TimelineJS file, exports it, and
// compares each slide's dates as TimelineJS reads them: the same
// start_date and end_date fields, and the same display_date, which chrono
// keeps as it was and writes only where the file had one.
func TestRoundTripKeepsEveryDate(t *testing.T) {
	doc, err := os.ReadFile("testdata/display_date.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, _ := mustRead(t, string(doc))
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
		}
		want, _ := stringOf(b["display_date"])
		got, _ := stringOf(a["display_date"])
		if id == "repeat" {
			// Only chrono's label of the date: TimelineJS shows the date
			// in its own words.
			want = ""
		}
		if got != want {
			t.Errorf("%s: display_date %q, want %q", id, got, want)
		}
	}
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
