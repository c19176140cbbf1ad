package model

import (
	"strconv"
	"strings"
)

// slashedDateHint is what ParseDate says of a date written with slashes
// as people write it by hand or as spreadsheets show it: day or month
// first (14/08/2017, 08/14/2017, 8/2017) or year first (2017/08/14),
// parts of one or two digits beside one of four. EDTF reads '/' as the
// separator of an interval, so its own message ("an interval has one
// '/'") would send the writer the wrong way. It names the EDTF the text
// can mean, both readings when the day and month could be either. ok is
// false when s is not so written, or when it is a year and one or two
// digits that are no month (2017/18), more likely a span of years
// written short, which the interval's own message is right about.
func slashedDateHint(s string) (hint string, ok bool) {
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return "", false
	}
	yearAt := -1
	var others []int // the parts of one or two digits, in order
	for i, p := range parts {
		switch {
		case len(p) == 0 || len(p) == 3 || len(p) > 4 || !allDigits(p):
			return "", false
		case len(p) == 4 && yearAt >= 0:
			return "", false
		case len(p) == 4:
			yearAt = i
		default:
			v, _ := strconv.Atoi(p)
			others = append(others, v)
		}
	}
	if yearAt < 0 {
		return "", false
	}
	const iso = "chrono reads dates as EDTF (ISO 8601), year first"
	year, _ := strconv.ParseInt(parts[yearAt], 10, 64)
	var readings []point // the dates s can mean, the day-first one first
	switch {
	case len(parts) == 2 && yearAt == 0 && !validMonthDay(year, others[0], 1):
		return "", false // 2017/18
	case len(parts) == 2:
		readings = append(readings, calendarPoint(year, others[0], 0))
	case len(parts) == 3 && yearAt == 0:
		readings = append(readings, calendarPoint(year, others[0], others[1]))
	case len(parts) == 3 && yearAt == 2:
		readings = append(readings, calendarPoint(year, others[1], others[0]))
		if others[0] != others[1] {
			readings = append(readings, calendarPoint(year, others[0], others[1]))
		}
	default:
		return iso + ", like 2017-08-14", true
	}
	readings = calendarDates(readings)
	switch {
	case len(readings) == 2:
		return iso + ": write " + string(readings[0].appendEDTF(nil)) + " (" + readings[0].label(true, false) + ") if it is day first, " +
			string(readings[1].appendEDTF(nil)) + " (" + readings[1].label(true, false) + ") if month first", true
	case len(readings) == 1:
		return iso + ": write " + string(readings[0].appendEDTF(nil)), true
	case len(parts) == 3:
		dayMonth := strings.Join(append(append([]string{}, parts[:yearAt]...), parts[yearAt+1:]...), "/")
		return iso + ", like 2017-08-14; " + dayMonth + " is no day of " + calendarYear(year), true
	}
	return iso + ", like 2017-08-14", true
}

// calendarPoint is the date of a year, month and day; day 0 is the month.
// Its month and day (two digits at most) may be out of range:
// calendarDates drops it then.
func calendarPoint(year int64, month, day int) point {
	return point{year: year, month: uint8(month), day: uint8(day), hasMonth: true, hasDay: day > 0}
}

// calendarDates keeps the points that are dates of the calendar.
func calendarDates(ps []point) []point {
	out := ps[:0]
	for _, p := range ps {
		day := int(p.day)
		if !p.hasDay {
			day = 1
		}
		if validMonthDay(p.year, int(p.month), day) {
			out = append(out, p)
		}
	}
	return out
}

// validMonthDay reports whether a month and day are of year's calendar.
func validMonthDay(year int64, month, day int) bool {
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
}

// SlashedDate reports whether s is a date written with slashes as people
// write it (14/08/2017, 2017/08/14), which ParseDate refuses with the
// EDTF to write instead: a reader adding its own advice need not give
// another example.
func SlashedDate(s string) bool {
	_, ok := slashedDateHint(s)
	return ok
}
