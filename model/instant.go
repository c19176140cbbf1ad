package model

import (
	"math"
	"time"
)

// Instant is a point on the timeline: seconds and nanoseconds since
// 1970-01-01T00:00:00Z in the proleptic Gregorian calendar. Unlike
// time.Time it has room for EDTF's far years and for the unbounded ends of
// open intervals, and it compares with a single Compare.
type Instant struct {
	sec  int64
	nsec int32
}

// Unbounded instants: the earliest bound of an interval with an open or
// unknown start, and the latest bound of one with an open or unknown end.
var (
	BeginningOfTime = Instant{sec: math.MinInt64}
	EndOfTime       = Instant{sec: math.MaxInt64, nsec: 999_999_999}
)

// Unix returns the instant as seconds and nanoseconds since the Unix epoch.
func (i Instant) Unix() (sec int64, nsec int32) { return i.sec, i.nsec }

// Time returns the instant as a UTC time.Time. It is meaningless for the
// unbounded instants.
func (i Instant) Time() time.Time { return time.Unix(i.sec, int64(i.nsec)).UTC() }

// IsUnbounded reports whether i is BeginningOfTime or EndOfTime.
func (i Instant) IsUnbounded() bool { return i == BeginningOfTime || i == EndOfTime }

// Compare returns -1, 0 or +1 as i is before, equal to or after j.
func (i Instant) Compare(j Instant) int {
	switch {
	case i.sec < j.sec:
		return -1
	case i.sec > j.sec:
		return 1
	case i.nsec < j.nsec:
		return -1
	case i.nsec > j.nsec:
		return 1
	}
	return 0
}

// Before reports whether i is strictly before j.
func (i Instant) Before(j Instant) bool { return i.Compare(j) < 0 }

// daysFromCivil counts days from 1970-01-01 to the given proleptic Gregorian
// date (astronomical year numbering: year 0 is 1 BCE). It is exact for any
// year that fits EDTF's supported range.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400 // [0, 399]
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilInstant returns the instant at the start of the given second of a
// proleptic Gregorian date in UTC.
func civilInstant(y int64, m, d, hh, mm, ss int) Instant {
	days := daysFromCivil(y, m, d)
	return Instant{sec: days*86400 + int64(hh)*3600 + int64(mm)*60 + int64(ss)}
}

// justBefore returns the last nanosecond before i.
func justBefore(i Instant) Instant {
	if i.nsec > 0 {
		return Instant{sec: i.sec, nsec: i.nsec - 1}
	}
	return Instant{sec: i.sec - 1, nsec: 999_999_999}
}

// isLeap reports whether y is a leap year in the proleptic Gregorian calendar.
func isLeap(y int64) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	mp := (5*doy + 2) / 153                                // [0, 11]
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// Civil returns the proleptic Gregorian year, month and day of i in UTC
// (astronomical years: 0 is 1 BCE). It is meaningless for the unbounded
// instants.
func (i Instant) Civil() (year int64, month, day int) {
	days := i.sec / 86400
	if i.sec%86400 < 0 {
		days--
	}
	return civilFromDays(days)
}

// StartOfMonth returns the first instant of a month.
func StartOfMonth(year int64, month int) Instant { return civilInstant(year, month, 1, 0, 0, 0) }
