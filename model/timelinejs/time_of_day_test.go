package timelinejs

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestReadTimeWithoutSeconds: a time of day written without seconds, as
// TimelineJS spreadsheets write 14:30, or as an hour alone, is that time
// at second 00 (and minute 00), as TimelineJS reads it, and is counted,
// since chrono then holds it to the second.
func TestReadTimeWithoutSeconds(t *testing.T) {
	tests := []struct {
		name, doc, want string
		counts          map[model.Loss]int
	}{
		{
			"hour and minute",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": "14", "minute": "30"}, "text": {"headline": "Afternoon"}}]}`,
			"2020-01-02T14:30:00", map[model.Loss]int{TimeNoSeconds: 1},
		},
		{
			"hour only",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 9}, "text": {"headline": "Morning"}}]}`,
			"2020-01-02T09:00:00", map[model.Loss]int{TimeNoMinutes: 1},
		},
		{
			"empty second",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 14, "minute": 30, "second": ""}, "text": {"headline": "Afternoon"}}]}`,
			"2020-01-02T14:30:00", map[model.Loss]int{TimeNoSeconds: 1},
		},
		{
			"midnight",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 0, "minute": 0}, "text": {"headline": "Midnight"}}]}`,
			"2020-01-02T00:00:00", map[model.Loss]int{TimeNoSeconds: 1},
		},
		{
			"interval",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 14, "minute": 30},` +
				` "end_date": {"year": 2020, "month": 1, "day": 2, "hour": 16}, "text": {"headline": "Afternoon"}}]}`,
			"2020-01-02T14:30:00/2020-01-02T16:00:00", map[model.Loss]int{TimeNoSeconds: 1, TimeNoMinutes: 1},
		},
		{
			"TimelineJS2 hour and minute",
			`{"timeline": {"headline": "T", "date": [{"startDate": "2012,5,6,13,45", "headline": "Quarter to two"}]}}`,
			"2012-05-06T13:45:00", map[model.Loss]int{TimeNoSeconds: 1},
		},
		{
			"TimelineJS2 hour only",
			`{"timeline": {"headline": "T", "date": [{"startDate": "2012,5,6,13", "headline": "One o'clock"}]}}`,
			"2012-05-06T13:00:00", map[model.Loss]int{TimeNoMinutes: 1},
		},
		{
			"seconds given",
			`{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 14, "minute": 30, "second": 5}, "text": {"headline": "Afternoon"}}]}`,
			"2020-01-02T14:30:05", nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, losses := mustRead(t, tt.doc)
			if got := tl.Events[0].Date.String(); got != tt.want {
				t.Errorf("date %s, want %s", got, tt.want)
			}
			checkLosses(t, losses, tt.counts)
		})
	}
}

// TestTimeWithoutSecondsProblems: a time's fields are still checked, and
// a minute still needs its hour.
func TestTimeWithoutSecondsProblems(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"minute out of range", `{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 14, "minute": 60}}]}`,
			`start_date: minute 60 out of range (0–59)`},
		{"hour out of range", `{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 24}}]}`,
			`start_date: hour 24 out of range (0–23)`},
		{"minute without hour", `{"events": [{"start_date": {"year": 2020, "month": 1, "day": 2, "minute": 30}}]}`,
			`start_date: minute 30 needs an hour`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readDoc(t, tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// TestRoundTripTimeWithoutSeconds: TimelineJS → chrono → TimelineJS keeps
// a time written without seconds, and reading chrono's export back gives
// the same date with nothing counted. The export writes "second": 0,
// which TimelineJS shows as it shows no second (it takes a zero field for
// an absent one), so that its own reading needs nothing filled in.
func TestRoundTripTimeWithoutSeconds(t *testing.T) {
	doc := `{"events": [
	 {"start_date": {"year": 2020, "month": 1, "day": 2, "hour": "14", "minute": "30"}, "text": {"headline": "Afternoon"}},
	 {"start_date": {"year": 2020, "month": 1, "day": 3, "hour": 9}, "text": {"headline": "Morning"}},
	 {"start_date": {"year": 2020, "month": 1, "day": 4, "hour": 0, "minute": 0}, "text": {"headline": "Midnight"}}]}`
	first, _ := mustRead(t, doc)
	out, losses := export(t, first)
	wantStarts := []string{
		`{"year":2020,"month":1,"day":2,"hour":14,"minute":30,"second":0}`,
		`{"year":2020,"month":1,"day":3,"hour":9,"minute":0,"second":0}`,
		`{"year":2020,"month":1,"day":4,"hour":0,"minute":0,"second":0}`,
	}
	for i, s := range slidesOf(t, out) {
		if got := compact(t, s["start_date"]); got != wantStarts[i] {
			t.Errorf("slide %d: start_date %s, want %s", i+1, got, wantStarts[i])
		}
	}
	// TimelineJS shows a time of 00:00 as the day: chrono's label says it.
	checkLosses(t, losses, map[model.Loss]int{LossMidnight: 1})
	second, back := mustRead(t, out)
	if !back.Empty() {
		t.Errorf("reading chrono's own export counted %s", back)
	}
	for i, a := range first.Events {
		if b := second.Events[i]; a.Date != b.Date || a.DateText != b.DateText {
			t.Errorf("%s: date %s %q came back as %s %q", a.ID, a.Date, a.DateText, b.Date, b.DateText)
		}
	}
}
