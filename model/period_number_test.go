package model

import (
	"fmt"
	"slices"
	"testing"
)

// TestPeriodNumbers: a month's number and back, before year 1 as after,
// and the two ends of the timeline sorting before and after every month.
func TestPeriodNumbers(t *testing.T) {
	for _, tc := range []struct {
		date  string
		num   int64
		year  int64
		month int
	}{
		{"2017-08", 2017*12 + 7, 2017, 8},
		{"0001-01", 12, 1, 1},
		{"0000-12", 11, 0, 12}, // 1 BCE
		{"-0001-01", -12, -1, 1},
		{"-0001-12", -1, -1, 12},
	} {
		d := MustParseDate(tc.date)
		p := PeriodNumber(SpanOf(d).Earliest, true)
		if y, m := PeriodMonth(p); p != tc.num || y != tc.year || m != tc.month {
			t.Errorf("%s: period %d (%d-%02d), want %d (%d-%02d)", tc.date, p, y, m, tc.num, tc.year, tc.month)
		}
	}
	nums := []int64{PeriodNumber(Instant{}, false), PeriodNumber(MustParseDate("2017").Latest(), true), PeriodNumber(BeginningOfTime, true)}
	if !slices.IsSorted([]int64{nums[2], nums[1], nums[0]}) || nums[2] != PeriodOpenStart || nums[0] != PeriodUndated {
		t.Errorf("open start, 2017, undated numbered %v", nums)
	}
}

// TestPeriodSpanOfKey: an event is counted where its date starts, over
// the months it may fall in.
func TestPeriodSpanOfKey(t *testing.T) {
	for date, want := range map[string]string{
		"2017-08-14":   "2017-08 ×1",
		"2017":         "2017-01 ×12",
		"2021/2022-01": "2021-01 ×13",
		"../2021":      "open",
		"":             "undated",
	} {
		var e Event
		if date != "" {
			e.Date = MustParseDate(date)
		}
		p, months := PeriodSpanOfKey(OrderKey(&e))
		var got string
		switch per := PeriodAt(p, months, 1); {
		case per.Open:
			got = "open"
		case per.Undated:
			got = "undated"
		default:
			got = fmt.Sprintf("%04d-%02d ×%d", per.Year, per.Month, per.Months)
		}
		if got != want {
			t.Errorf("%q: counted %s, want %s", date, got, want)
		}
	}
}
