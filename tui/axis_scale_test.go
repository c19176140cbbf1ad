package tui

import (
	"math"
	"strings"
	"testing"

	"chrono/model"
)

// TestAxisScaleNamesYearsAsTheDatesDo: the scale names a year BCE as
// the dates beside it do ("15 Mar 44 BCE"), at every zoom, never in the
// astronomical numbering ("-0043") a reader takes for 43 BCE, and deep
// time as years ago.
func TestAxisScaleNamesYearsAsTheDatesDo(t *testing.T) {
	tests := []struct {
		date string
		zoom zoom
		want string
	}{
		{"-0043-01", zoomYears, "44 BCE"},
		{"-0043-03", zoomMonths, "Mar 44 BCE"},
		{"-0043-03-15", zoomDays, "15 Mar 44 BCE"},
		{"-0043-03-15", zoomHours, "15 Mar 44 BCE 00:00"},
		{"2017-08-14", zoomDays, "14 Aug 2017"},
		{"2017-08", zoomMonths, "Aug 2017"},
		{"Y-170000002", zoomMonths, "Jan 170.000003 million years ago"},
		{"Y-170000010", zoomDecades, "170.000011 million years ago"},
		// Deep time reads as years ago at every zoom, never as years
		// BCE beside years ago.
		{"Y-13800000001", zoomYears, "13.800000002 billion years ago"},
		{"Y-13800000000", zoomYears, "13.8 billion years ago"},
		{"Y-13800000100", zoomDecades - 1, "13.8000001 billion years ago"},
		// The zooms wider than decades name round years.
		{"-1000", zoomDecades - 1, "1000 BCE"},
		{"-1000", zoomDecades - 2, "1000 BCE"},
		{"2017", zoomDecades - 2, "2000"},
		{"Y-65000000", zoomDecades - 5, "65 million years ago"},
		{"Y-13800000000", 2, "13.8 billion years ago"},
	}
	for _, tt := range tests {
		c := int64(math.Floor(tt.zoom.cellOf(model.MustParseDate(tt.date).Earliest())))
		if got, tick := tt.zoom.tick(c); got != tt.want || !tick {
			t.Errorf("%s at the %v zoom: scale says %q (a division: %v), want %q", tt.date, tt.zoom, got, tick, tt.want)
		}
	}
}

// TestAxisScaleSaysItsZone: where the scale names hours, it says they
// are UTC's, as a time shown as written ("10:00:00 +02:00") is drawn at
// 08:00 on it; in whatever zone the dates are shown.
func TestAxisScaleSaysItsZone(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{{"meeting", "2018-10-02T10:00:00+02:00"}})
	d := newDriver(t, s, 80, 24)
	d.keys("v")
	if strings.Contains(d.screen(), "UTC") {
		t.Errorf("the years zoom names a zone:\n%s", d.screen())
	}
	for _, keys := range [][]string{{"+", "+"}, {"+"}, {"Z"}, {"Z"}} {
		d.keys(keys...)
		var title string
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, "time axis in") {
				title = l
			}
		}
		if !strings.Contains(title, "(UTC)") {
			t.Errorf("after %v the axis does not say its hours are UTC's:\n%s", keys, d.screen())
		}
	}
}
