package model

import (
	"testing"
	"time"
)

func TestPeriodSpanShown(t *testing.T) {
	east := ZoneLocal(time.FixedZone("UTC+10", 10*60*60))
	for _, c := range []struct {
		date   string
		zone   Zone
		year   int64
		month  int
		months int
	}{
		{"2017-08-31T22:00:00-04:00", ZoneWritten, 2017, 8, 1},
		{"2017-08-31T22:00:00-04:00", ZoneUTC, 2017, 9, 1},
		{"2017-09-01T01:00:00+05:00", ZoneWritten, 2017, 9, 1},
		{"2017-09-01T01:00:00+05:00", ZoneUTC, 2017, 8, 1},
		{"2017-09-01T01:00:00+05:00", east, 2017, 9, 1},
		{"2017-12-31T23:30:00-01:00", ZoneWritten, 2017, 12, 1},
		{"2017-12-31T23:30:00-01:00", east, 2018, 1, 1},
		{"2017-07-10/2017-08-31T23:00:00-02:00", ZoneWritten, 2017, 7, 2},
		{"2017-07-10/2017-08-31T23:00:00-02:00", ZoneUTC, 2017, 7, 3},
		{"2017-09-01T00:00:00", east, 2017, 9, 1}, // no offset: never converted
		{"2017-08-31", east, 2017, 8, 1},
	} {
		p, months := PeriodSpanShown(MustParseDate(c.date), c.zone)
		y, m := PeriodMonth(p)
		if y != c.year || m != c.month || months != c.months {
			t.Errorf("%s in %s: %d-%02d over %d months, want %d-%02d over %d", c.date, c.zone, y, m, months, c.year, c.month, c.months)
		}
	}
}

func TestMovePeriods(t *testing.T) {
	aug, sep := int64(2017*12+7), int64(2017*12+8)
	got := MovePeriods([]Period{
		{Year: 2017, Month: 8, Months: 1, Count: 2},
		{Year: 2017, Month: 9, Months: 1, Count: 1},
	}, []ShownMove{{From: sep, FromMonths: 1, To: aug, ToMonths: 1}})
	want := []Period{{Year: 2017, Month: 8, Months: 1, Count: 3}}
	if len(got) != len(want) || got[0] != want[0] {
		t.Errorf("MovePeriods = %+v, want %+v", got, want)
	}
}

// The windows a store reads again lie within 14 hours of each month's
// turn, but leave out the month's last nanosecond, where every date
// without a time of day ends; shown in UTC there are none.
func TestShownWindows(t *testing.T) {
	periods := []Period{{Year: 2017, Month: 8, Months: 1, Count: 1}}
	ws := ShownWindows(periods, ZoneWritten)
	aug, sep := StartOfMonth(2017, 8), StartOfMonth(2017, 9)
	for _, c := range []struct {
		at   Instant
		read bool
	}{
		{aug.addSeconds(-maxOffset), true},
		{justBefore(aug), false},
		{justBefore(justBefore(aug)), true},
		{aug, true},
		{aug.addSeconds(maxOffset), true},
		{aug.addSeconds(maxOffset + 1), false},
		{justBefore(sep), false},
		{sep.addSeconds(-3600), true},
	} {
		in := false
		for _, w := range ws {
			in = in || (c.at.Compare(w.Earliest) >= 0 && c.at.Compare(w.Latest) <= 0)
		}
		if in != c.read {
			t.Errorf("an event led by %v is read again: %v, want %v", c.at, in, c.read)
		}
	}
	if ws := ShownWindows(periods, ZoneUTC); len(ws) != 0 {
		t.Errorf("in UTC, %d windows are read again; want none", len(ws))
	}
}
