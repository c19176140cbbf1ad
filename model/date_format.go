package model

import (
	"strconv"
	"strings"
)

var monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var seasonNames = [4]string{"Spring", "Summer", "Autumn", "Winter"}

// String returns d in canonical EDTF; ParseDate(d.String()) == d.
// Undated is the empty string.
func (d Date) String() string {
	switch d.form {
	case formSingle:
		return string(d.start.appendEDTF(nil))
	case formInterval:
		b := appendEnd(nil, d.startEnd, d.start)
		b = append(b, '/')
		return string(appendEnd(b, d.endEnd, d.end))
	}
	return ""
}

// MarshalText encodes d as EDTF.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes EDTF; the empty string is undated.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func appendEnd(b []byte, bd bound, p point) []byte {
	switch bd {
	case boundOpen:
		return append(b, ".."...)
	case boundUnknown:
		return b
	}
	return p.appendEDTF(b)
}

// appendMonthOrDay appends -MM or -DD, or -XX when its digits are
// unspecified.
func appendMonthOrDay(b []byte, v int64, unspecified bool) []byte {
	b = append(b, '-')
	if unspecified {
		return append(b, "XX"...)
	}
	return appendPadded(b, v, 2)
}

func appendPadded(b []byte, v int64, width int) []byte {
	s := strconv.FormatInt(v, 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

func (p point) appendEDTF(b []byte) []byte {
	y := int64(p.year)
	switch {
	case p.wideYear:
		b = append(b, 'Y')
		b = strconv.AppendInt(b, y, 10)
	default:
		if y < 0 {
			b = append(b, '-')
			y = -y
		}
		digits := appendPadded(nil, y, 4)
		for k := range int(p.yearX) {
			digits[len(digits)-1-k] = 'X'
		}
		b = append(b, digits...)
	}
	if p.hasMonth {
		b = appendMonthOrDay(b, int64(p.month), p.monthX)
	}
	if p.hasDay {
		b = appendMonthOrDay(b, int64(p.day), p.dayX)
	}
	if p.hasTime {
		b = append(b, 'T')
		b = p.appendClock(b)
		b = p.appendZone(b, "Z")
	}
	switch p.qualifier {
	case Uncertain:
		b = append(b, '?')
	case Approximate:
		b = append(b, '~')
	case UncertainApproximate:
		b = append(b, '%')
	}
	return b
}

func (p point) appendClock(b []byte) []byte {
	b = appendPadded(b, int64(p.hour), 2)
	b = append(b, ':')
	b = appendPadded(b, int64(p.minute), 2)
	b = append(b, ':')
	b = appendPadded(b, int64(p.second), 2)
	if p.frac > 0 {
		b = append(b, '.')
		frac := appendPadded(nil, int64(p.nanos), 9)
		b = append(b, frac[:p.frac]...)
	}
	return b
}

func (p point) appendZone(b []byte, utc string) []byte {
	switch p.zone {
	case zoneUTC:
		return append(b, utc...)
	case zoneHours, zoneOffset:
		off := p.offset
		if off < 0 {
			b = append(b, '-')
			off = -off
		} else {
			b = append(b, '+')
		}
		b = appendPadded(b, int64(off/60), 2)
		if p.zone == zoneOffset {
			b = append(b, ':')
			b = appendPadded(b, int64(off%60), 2)
		}
	}
	return b
}

// Label returns d for people: "Aug 2017", "14 Aug 2017", "c. 2021",
// "2021?", "Aug 2017 – 2021", "before 2021", "after Aug 2017", "undated".
func (d Date) Label() string { return d.label(false) }

// label is Label; there says after a time written without an offset
// that it is the local time where it happened.
func (d Date) label(there bool) string {
	switch d.form {
	case formSingle:
		return d.start.label(true, there)
	case formInterval:
		switch {
		case d.startEnd != boundKnown:
			return "before " + d.end.label(true, there)
		case d.endEnd != boundKnown:
			return "after " + d.start.label(true, there)
		}
		return d.start.label(!sameYearCompactable(d.start, d.end), there) + " – " + d.end.label(true, there)
	}
	return "undated"
}

// sameYearCompactable reports whether an interval's start can drop its
// year because the end shows it: "14 – 20 Aug 2017", "Aug – Sep 2017".
func sameYearCompactable(a, b point) bool {
	plain := func(p point) bool {
		return p.qualifier == Certain && !p.hasTime && p.yearX == 0 && !p.monthX && !p.dayX &&
			p.hasMonth && p.month <= 12
	}
	return plain(a) && plain(b) && a.year == b.year && a.hasDay == b.hasDay
}

// YearLabel names an astronomical year for people: 2017, or 44 BCE for -43.
func YearLabel(y int64) string {
	if y <= 0 {
		return strconv.FormatInt(1-y, 10) + " BCE"
	}
	return strconv.FormatInt(y, 10)
}

// MonthLabel names a month of an astronomical year as dates name it:
// Aug 2017.
func MonthLabel(y int64, month int) string {
	if month < 1 || month > 12 {
		return YearLabel(y)
	}
	return monthNames[month-1] + " " + YearLabel(y)
}

// localTimeThere follows a time of day written without an offset, in a
// label for reading (Date.LabelIn).
const localTimeThere = " (local time there)"

func (p point) label(withYear, there bool) string {
	var b strings.Builder
	if p.qualifier == Approximate || p.qualifier == UncertainApproximate {
		b.WriteString("c. ")
	}
	lo, hi := p.yearRange()
	year := YearLabel(lo)
	switch {
	case p.yearX == 1 && lo > 0:
		year = strconv.FormatInt(lo, 10) + "s"
	case p.yearX > 0 && lo > 0:
		year = strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10)
	case p.yearX > 0:
		year = strconv.FormatInt(1-lo, 10) + "–" + strconv.FormatInt(1-hi, 10) + " BCE"
	}
	switch {
	case !p.hasMonth:
		b.WriteString(year)
	case p.monthX:
		b.WriteString(year)
		if p.dayX {
			// 2017-XX-XX: neither is known, and saying only the day
			// would suggest the month is.
			b.WriteString(" (month and day unknown)")
		} else {
			b.WriteString(" (month unknown)")
		}
	case p.month > 12:
		b.WriteString(seasonNames[p.month-21])
		b.WriteString(" ")
		b.WriteString(year)
	default:
		if p.hasDay && !p.dayX {
			b.WriteString(strconv.Itoa(int(p.day)))
			b.WriteString(" ")
		}
		b.WriteString(monthNames[p.month-1])
		if withYear {
			b.WriteString(" ")
			b.WriteString(year)
		}
		if p.dayX {
			b.WriteString(" (day unknown)")
		}
		if p.hasTime {
			b.WriteString(" ")
			b.Write(p.appendClock(nil))
			if p.zone == zoneHours || p.zone == zoneOffset {
				b.WriteString(" ")
			}
			b.Write(p.appendZone(nil, " UTC"))
			if there && p.zone == zoneLocal {
				// No offset: the clock where it happened, which no
				// zone converts.
				b.WriteString(localTimeThere)
			}
		}
	}
	if p.qualifier == Uncertain || p.qualifier == UncertainApproximate {
		b.WriteString("?")
	}
	return b.String()
}
