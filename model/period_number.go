package model

import "math"

// A period number names one Period of the timeline by a number that sorts
// as the periods do: a calendar month is year*12 + month-1, and the open
// start and the undated sit at either end. The stores count events and
// look them up by it, so both number them alike.
const (
	PeriodOpenStart int64 = math.MinInt64 // events whose start is open or unknown
	PeriodUndated   int64 = math.MaxInt64 // undated events
)

// PeriodNumber returns the number of the period instant i falls in;
// dated false for an undated event.
func PeriodNumber(i Instant, dated bool) int64 {
	switch {
	case !dated:
		return PeriodUndated
	case i == BeginningOfTime:
		return PeriodOpenStart
	}
	y, m, _ := i.Civil()
	return y*12 + int64(m-1)
}

// PeriodMonth returns the year and month (1–12) of period number p, a
// calendar month's.
func PeriodMonth(p int64) (year int64, month int) {
	y, m := p/12, p%12
	if m < 0 {
		y--
		m += 12
	}
	return y, int(m) + 1
}

// PeriodAt returns the Period numbered p, of n events that may each fall
// in months months.
func PeriodAt(p int64, months, n int) Period {
	switch p {
	case PeriodOpenStart:
		return Period{Open: true, Count: n}
	case PeriodUndated:
		return Period{Undated: true, Count: n}
	}
	y, m := PeriodMonth(p)
	return Period{Year: y, Month: m, Months: max(months, 1), Count: n}
}

// PeriodSpanOfKey returns the number of the period an event is counted
// in, by the earliest bound of the date its order key states, and how
// many months it may fall in (MonthsOf); 0 months for the open start and
// the undated.
func PeriodSpanOfKey(order []byte) (int64, int) {
	earliest, latest, dated := OrderKeyBounds(order)
	p := PeriodNumber(earliest, dated)
	if p == PeriodOpenStart || p == PeriodUndated {
		return p, 0
	}
	return p, MonthsOf(earliest, latest)
}
