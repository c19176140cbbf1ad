package timelinejs

import (
	"os"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestReadTimelineJS2: TimelineJS2's older shape, {"timeline": {...}} with
// its slides in "date" and dates as "YYYY,MM,DD" strings, maps onto the
// same events: it is recognised and read, at each date's precision.
func TestReadTimelineJS2(t *testing.T) {
	doc, err := os.ReadFile("testdata/timelinejs2.json")
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(doc) {
		t.Error("Detect does not recognise a TimelineJS2 file")
	}
	if !Detect(doc[:120]) {
		t.Error("Detect does not recognise a TimelineJS2 file cut off in its title")
	}
	tl, losses := mustRead(t, string(doc))
	want := model.Header{Title: "A TimelineJS2 timeline", Description: `The older shape: one object under "timeline".`}
	if tl.Header != want {
		t.Errorf("header %+v, want %+v", tl.Header, want)
	}
	var dates []string
	for _, e := range tl.Events {
		dates = append(dates, e.ID+" "+e.Date.String())
	}
	wantDates := []string{
		"dates-as-strings-of-comma-separated-parts 2011-12-10/2011-12-11",
		"a-month 2012-01",
		"years 2012/2013",
		"a-time-of-day 2012-03-04T15:30:20",
		"a-year-as-a-number 1999",
	}
	if !slices.Equal(dates, wantDates) {
		t.Errorf("events\n %q\nwant\n %q", dates, wantDates)
	}
	e := tl.Events[0]
	if e.Summary != "Two days." || !slices.Equal(e.Tags, []string{"Protests"}) {
		t.Errorf("first event %+v", e)
	}
	if m := e.Media; len(e.Quotes) != 0 || len(m) != 1 || m[0].Caption != "What she said." || m[0].Credit != "Jane Roe" || m[0].URL != "https://example.org/report" {
		t.Errorf("quotes %+v, media %+v; want the asset a medium, its caption credited to Jane Roe", e.Quotes, m)
	}
	if q := tl.Events[4].Quotes; len(q) != 1 || q[0].Text != "Words." || q[0].Speaker != "A. Speaker" {
		t.Errorf("blockquote asset read as %+v", q)
	}
	// The title slide's date is TimelineJS2's alone; the era is an era.
	checkLosses(t, losses, map[model.Loss]int{LossTitleField: 1, LossEra: 1})
}

// TestTimelineJS2ZeroMinute: a zero minute or second is that minute, and
// counted as such: "2012,5,6,14,00" was counted as a time without minutes.
func TestTimelineJS2ZeroMinute(t *testing.T) {
	for _, tt := range []struct {
		date, want string
		loss       *model.Loss
	}{
		{"2012,5,6,14,00", "2012-05-06T14:00:00", &TimeNoSeconds},
		{"2012,5,6,14,30,00", "2012-05-06T14:30:00", nil},
		{"2012,5,6,14", "2012-05-06T14:00:00", &TimeNoMinutes},
		{"2012,5,6,0", "2012-05-06", nil},
		{"2012,5,6,0,0", "2012-05-06", nil},
		{"2012,5,6,00,00,00", "2012-05-06", nil},
	} {
		tl, losses := mustRead(t, `{"timeline": {"headline": "T", "date": [{"startDate": "`+tt.date+`", "headline": "M"}]}}`)
		if got := tl.Events[0].Date.String(); got != tt.want {
			t.Errorf("%s: read as %s, want %s", tt.date, got, tt.want)
		}
		for _, l := range []*model.Loss{&TimeNoSeconds, &TimeNoMinutes} {
			want := 0
			if l == tt.loss {
				want = 1
			}
			if got := losses.Count(*l); got != want {
				t.Errorf("%s: %d %q counted, want %d (%s)", tt.date, got, l.Many, want, losses)
			}
		}
	}
}

// TestTimelineJS2Problems: a TimelineJS2 date chrono cannot read is
// reported at its place, saying what shape it reads.
func TestTimelineJS2Problems(t *testing.T) {
	doc := `{"timeline": {"headline": "T", "date": [{"startDate": "1/25/2012", "headline": "Slashes"}, {"startDate": "2012,13", "headline": "Month 13"}]}}`
	_, _, err := readDoc(t, doc)
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		`1:55: event "slashes" (#1): startDate: "1/25/2012": chrono reads TimelineJS2 dates as "YYYY,MM,DD" (with optional ",hh,mm,ss"), or a year`,
		`1:106: event "month-13" (#2): startDate: month 13 out of range (1–12)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
}
