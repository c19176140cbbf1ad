package model

import (
	"strconv"
	"strings"
)

// handDateHint is what ParseDate says of a date written with slashes,
// dots or dashes as people write it by hand or as spreadsheets show it:
// day or month first (14/08/2017, 08/14/2017, 14.08.2017, 14-08-2017,
// 8/2017), year first with slashes or dots (2017/08/14, 2017.08.14), or
// with a year of two digits (14/08/17). EDTF's own messages ("an interval
// has one '/'", "a year needs four digits") would send the writer the
// wrong way. It names the EDTF the text can mean, both readings when the
// day and month could be either. ok is false when s is not so written;
// when it is year first with dashes, which is EDTF's own shape, so that
// EDTF's message says what is wrong; or when it is a year and one or two
// digits that are no month (2017/18), more likely a span of years written
// short, which the interval's own message is right about.
func handDateHint(s string) (hint string, ok bool) {
	sep, ok := handSeparator(s)
	if !ok {
		return "", false
	}
	parts := strings.Split(s, sep)
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
	switch {
	case yearAt < 0 && len(parts) == 3:
		return shortYearHint(parts, others, sep), true
	case yearAt < 0:
		return shortMonthHint(parts, others)
	case sep == "-" && yearAt != len(parts)-1:
		return "", false // 2017-8-14: EDTF's message is about its digits
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
		return iso + ": write " + edtfAndLabel(readings[0]) + " if it is day first, " +
			edtfAndLabel(readings[1]) + " if month first", true
	case len(readings) == 1:
		return iso + ": write " + string(readings[0].appendEDTF(nil)), true
	case len(parts) == 3:
		dayMonth := strings.Join(append(append([]string{}, parts[:yearAt]...), parts[yearAt+1:]...), sep)
		return iso + ", like 2017-08-14; " + dayMonth + " is no day of " + calendarYear(year), true
	}
	return iso + ", like 2017-08-14", true
}

// shortYearHint is handDateHint's message for a day, month and year of
// one or two digits each (14/08/17, 17-08-14). The year is taken to be
// last, and with dashes first too, as ISO 8601 writes it (17-08-14 is
// 2017-08-14 as often as 17 Aug 2014). The century is the writer's to
// say: the message names the year it assumes, the one POSIX strptime's
// %y reads (69 to 99 are 1969 to 1999, 00 to 68 are 2000 to 2068), so
// that the writer sees it and can write another.
func shortYearHint(parts []string, n []int, sep string) string {
	const iso = "chrono reads dates as EDTF (ISO 8601), year first, with its four digits"
	type reading struct {
		p     point
		order string // "day first" or "month first"; "" for the year first
	}
	var readings []reading
	if sep == "-" {
		year := shortYear(parts[0])
		if p := calendarDates([]point{calendarPoint(year, n[1], n[2])}); len(p) == 1 {
			readings = append(readings, reading{p[0], ""})
		}
	}
	year := shortYear(parts[2])
	if p := calendarDates([]point{calendarPoint(year, n[1], n[0])}); len(p) == 1 {
		readings = append(readings, reading{p[0], "day first"})
	}
	if n[0] != n[1] {
		if p := calendarDates([]point{calendarPoint(year, n[0], n[1])}); len(p) == 1 {
			readings = append(readings, reading{p[0], "month first"})
		}
	}
	const yearFirst = " if the year is first"
	ifYear := " if it is " + calendarYear(year)
	switch {
	case len(readings) == 0:
		return iso + ", like 2017-08-14; " + parts[0] + sep + parts[1] + " is no day of a year ending in " + parts[2]
	case len(readings) == 1 && readings[0].order == "":
		return iso + ": write " + string(readings[0].p.appendEDTF(nil)) + yearFirst
	case len(readings) == 1:
		// No order of day and month to tell apart.
		return iso + ": write " + string(readings[0].p.appendEDTF(nil)) + ifYear
	}
	var said []string
	named := false // the year assumed is named once
	for _, r := range readings {
		var when string
		switch {
		case r.order == "":
			when = yearFirst
		case !named:
			when, named = ifYear+" and "+r.order, true
		default:
			when = " if " + r.order
		}
		said = append(said, edtfAndLabel(r.p)+when)
	}
	return iso + ": write " + strings.Join(said, ", ")
}

// shortMonthHint is handDateHint's message for two numbers of one or two
// digits and no year of four (08/17): a month and a year written short,
// when the first can be a month, as cards and forms write them. ok is
// false otherwise, when EDTF's own message says what is wrong.
func shortMonthHint(parts []string, n []int) (string, bool) {
	if len(parts) != 2 || n[0] < 1 || n[0] > 12 || len(parts[1]) != 2 {
		return "", false
	}
	year := shortYear(parts[1])
	p := calendarPoint(year, n[0], 0)
	return "chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write " +
		string(p.appendEDTF(nil)) + " if it is " + p.label(true, false), true
}

// shortYear is the year of two digits as POSIX strptime's %y reads it.
func shortYear(yy string) int64 {
	y, _ := strconv.ParseInt(yy, 10, 64)
	if y >= 69 {
		return 1900 + y
	}
	return 2000 + y
}

// handSeparator is the one separator, '/', '.' or '-', between the digits
// of s; ok is false when s has another character or more than one of them.
func handSeparator(s string) (sep string, ok bool) {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case sep == "" && strings.ContainsRune("/.-", r):
			sep = string(r)
		case sep != string(r):
			return "", false
		}
	}
	return sep, sep != ""
}

// edtfAndLabel is a date in EDTF with its label beside it, as a reading
// among others is named: "2017-08-04 (4 Aug 2017)".
func edtfAndLabel(p point) string {
	return string(p.appendEDTF(nil)) + " (" + p.label(true, false) + ")"
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

// HandWrittenDate reports whether s is a date written with slashes, dots
// or dashes as people write it (14/08/2017, 14.08.2017, 14/08/17), which
// ParseDate refuses with the EDTF to write instead: a reader adding its
// own advice need not give another example.
func HandWrittenDate(s string) bool {
	_, ok := handDateHint(s)
	return ok
}
