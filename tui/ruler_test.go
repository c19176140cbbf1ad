package tui

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
)

// The example's six events dated 2021 or 2021/2022-02-01 may fall in any
// month of their spans: the ruler spreads them there and shows no spike
// in January 2021, where they only start.
func TestRulerSpreadsTheExample(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	r := rulerLine(d)
	bar := strings.TrimSuffix(strings.TrimPrefix(strings.TrimRight(r, " "), "Aug 2017 "), " Feb 2022")
	cells := []rune(bar)
	// Aug 2017 to Feb 2022 is 55 months over the cells; January 2021 is
	// the 42nd month.
	for c, glyph := range cells {
		if c*55/len(cells) == 41 && glyph == '█' {
			t.Errorf("the ruler peaks in January 2021, where six imprecise events only start:\n%s", r)
			break
		}
	}
	golden.RequireEqual(t, []byte(r+"\n"))
}

// Each event weighs one, spread evenly over the months it may fall in
// and summed per bucket, whatever the buckets' size.
func TestRulerWeights(t *testing.T) {
	month := func(y int64, m, months, n int) model.Period {
		return model.Period{Year: y, Month: m, Months: months, Count: n}
	}
	cases := []struct {
		name    string
		periods []model.Period
		b       bucketing
		want    []float64
	}{
		{"a month's events stay in their month",
			[]model.Period{month(2020, 2, 1, 3)},
			bucketing{first: monthIndex(2020, 1), months: 1, cols: 3},
			[]float64{0, 3, 0}},
		{"a year's event is a twelfth in each month",
			[]model.Period{month(2021, 1, 12, 6)},
			bucketing{first: monthIndex(2021, 1), months: 1, cols: 12},
			[]float64{.5, .5, .5, .5, .5, .5, .5, .5, .5, .5, .5, .5}},
		{"2021/2022-02 over 14 months, in years",
			[]model.Period{month(2021, 1, 14, 7)},
			bucketing{first: monthIndex(2021, 1), months: 12, cols: 2},
			[]float64{6, 1}},
		{"a span over runs of years, whole runs between partial ends",
			[]model.Period{month(2000, 7, 48, 48)}, // Jul 2000 to Jun 2004
			bucketing{first: monthIndex(2000, 1), months: 24, cols: 3},
			[]float64{18, 24, 6}},
		{"open and undated periods are not on the ruler",
			[]model.Period{{Open: true, Count: 4}, month(2020, 1, 1, 1), {Undated: true, Count: 9}},
			bucketing{first: monthIndex(2020, 1), months: 1, cols: 1},
			[]float64{1}},
		{"a span running past the ruler counts only its share on it",
			[]model.Period{month(2019, 11, 4, 4)}, // Nov 2019 to Feb 2020
			bucketing{first: monthIndex(2020, 1), months: 1, cols: 1},
			[]float64{1}},
		{"spans and precise events add up",
			[]model.Period{month(2020, 1, 1, 2), month(2020, 1, 2, 2), month(2020, 2, 1, 1)},
			bucketing{first: monthIndex(2020, 1), months: 1, cols: 3},
			[]float64{3, 2, 0}},
	}
	for _, c := range cases {
		r := ruler{periods: c.periods}
		got := r.weights(c.b)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-9 {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// The ruler runs to the last month an event may fall in, not the last
// one an event starts in.
func TestRulerBoundsReachTheEndOfSpans(t *testing.T) {
	r := ruler{periods: []model.Period{{Year: 2021, Month: 1, Months: 14, Count: 1}}}
	lo, hi, ok := r.bounds()
	if !ok || lo != monthIndex(2021, 1) || hi != monthIndex(2022, 2) {
		t.Errorf("bounds = %d, %d, %v; want Jan 2021 to Feb 2022", lo, hi, ok)
	}
}

// The ruler keeps what it worked out for the periods it was given: a
// view's new periods are drawn as a ruler made for them would be, at the
// same width and at another.
func TestRulerDrawsNewPeriods(t *testing.T) {
	st := NewStyles(true)
	a := []model.Period{{Year: 2019, Month: 1, Months: 3, Count: 1}, {Year: 2019, Month: 6, Months: 1, Count: 2}}
	b := []model.Period{{Year: 2015, Month: 2, Months: 1, Count: 1}, {Year: 2021, Month: 11, Months: 5, Count: 3}}
	none := model.SpanOf(model.Date{}) // no event selected
	var r ruler
	r.setPeriods(a, nil)
	first := r.view(&st, 60, none)
	for _, w := range []int{60, 45} {
		r.setPeriods(b, nil)
		fresh := ruler{periods: b}
		if got, want := r.view(&st, w, none), fresh.view(&st, w, none); got != want {
			t.Errorf("at %d cells, after new periods:\n%q\nwant\n%q", w, got, want)
		}
	}
	if r.setPeriods(a, nil); r.view(&st, 60, none) != first {
		t.Error("the first periods again are not drawn as at first")
	}
	// A filtered view is drawn over the whole investigation's span: its
	// edges, labels and buckets stay, and only the weights change.
	span := []model.Period{{Year: 2019, Month: 2, Months: 1, Count: 3}, {Year: 2019, Month: 11, Months: 1, Count: 3}}
	r.setPeriods(span[:1], span)
	_ = r.view(&st, 60, none)
	r.setPeriods(span[1:], span)
	fresh := ruler{periods: span[1:], span: span}
	if got, want := r.view(&st, 60, none), fresh.view(&st, 60, none); got != want {
		t.Errorf("a filtered view's new periods over the same span:\n%q\nwant\n%q", got, want)
	}
	if r.setPeriods(nil, nil); !strings.Contains(r.view(&st, 60, none), "no dated events") {
		t.Error("no periods: the ruler does not say so")
	}
	// Events open at their start are dated: the ruler says why it has
	// none of them, not that there are no dated events.
	r.setPeriods([]model.Period{{Open: true, Count: 2}, {Undated: true, Count: 1}}, nil)
	if got := r.view(&st, 80, none); strings.Contains(got, "no dated events") || !strings.Contains(got, "known start") {
		t.Errorf("only events open at their start: the ruler says %q", got)
	}
}

// TestRulerLabelsASpanWithinAYear: the year alone names an end of the
// ruler only where the span covers that end of the year; within one
// year both ends name their months, so that January 2019 alone never
// reads "2019 … Jan 2019", as if it were the whole year.
func TestRulerLabelsASpanWithinAYear(t *testing.T) {
	st := NewStyles(true)
	none := model.SpanOf(model.Date{})
	tests := []struct {
		periods     []model.Period
		left, right string
	}{
		{[]model.Period{{Year: 2019, Month: 1, Months: 1, Count: 1}}, "Jan 2019", "Jan 2019"},
		{[]model.Period{{Year: 2019, Month: 1, Months: 3, Count: 1}}, "Jan 2019", "Mar 2019"},
		{[]model.Period{{Year: 2019, Month: 4, Months: 9, Count: 1}}, "Apr 2019", "Dec 2019"},
		{[]model.Period{{Year: 2019, Month: 1, Months: 12, Count: 1}}, "2019", "2019"},
		{[]model.Period{{Year: 2019, Month: 1, Months: 14, Count: 1}}, "2019", "Feb 2020"},
	}
	for _, tt := range tests {
		r := ruler{periods: tt.periods}
		got := strings.TrimSpace(ansi.Strip(r.view(&st, 60, none)))
		if !strings.HasPrefix(got, tt.left+" ") || !strings.HasSuffix(got, " "+tt.right) {
			t.Errorf("%+v: ruler %q, want it from %q to %q", tt.periods, got, tt.left, tt.right)
		}
	}
}
