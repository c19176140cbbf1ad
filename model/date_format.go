package model

import (
	"fmt"
	"strconv"
	"strings"
)

var monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var seasonNames = [4]string{"Spring", "Summer", "Autumn", "Winter"}

// String returns d in canonical EDTF; ParseDate(d.String()) == d.
// Undated is the empty string.
func (d Date) String() string { return string(d.AppendEDTF(nil)) }

// AppendEDTF appends d in canonical EDTF to b, as String writes it.
func (d Date) AppendEDTF(b []byte) []byte {
	switch d.form {
	case formSingle:
		return d.start.appendEDTF(b)
	case formInterval:
		b = appendEnd(b, d.startEnd, d.start)
		b = append(b, '/')
		return appendEnd(b, d.endEnd, d.end)
	}
	return b
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
	var digits [20]byte // on the stack: FormatInt allocated for each year
	s := strconv.AppendInt(digits[:0], v, 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

func (p point) appendEDTF(b []byte) []byte {
	y := p.year
	switch {
	case p.wideYear:
		b = append(b, 'Y')
		mantissa := y
		for range p.exp {
			mantissa /= 10
		}
		b = strconv.AppendInt(b, mantissa, 10)
		if p.exp > 0 {
			b = append(b, 'E')
			b = strconv.AppendInt(b, int64(p.exp), 10)
		}
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
	if p.sig > 0 {
		b = append(b, 'S')
		b = strconv.AppendInt(b, int64(p.sig), 10)
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
// "2021?", "Aug 2017 – 2021", "until 2021" and "since Aug 2017" (open
// ends), "? – 2021" and "Aug 2017 – ?" (unknown ends), "undated". An
// interval whose ends are written alike is labelled as its one date,
// unless they leave digits unsaid (two days of 2017-08-XX may differ).
func (d Date) Label() string { return d.label(false) }

// wholeMinute returns start when start and end are the first and last
// second of one minute, certain and alike but for the seconds.
func wholeMinute(start, end point) (point, bool) {
	if !start.hasTime || start.second != 0 || end.second != 59 || start.nanos != 0 || end.nanos != 0 || start.frac != 0 || end.frac != 0 {
		return start, false
	}
	end.second = 0
	return start, start == end && start.qualifier == Certain
}

// label is Label; there says after a time written without an offset
// that it is the local time where it happened.
func (d Date) label(there bool) string {
	switch d.form {
	case formSingle:
		return d.start.label(true, there)
	case formInterval:
		// An open end runs on without one ("until", "since"); an unknown
		// end had one that is not known ("?"). Neither is "before" or
		// "after": the interval reaches into its known end's period.
		switch {
		case d.startEnd == boundOpen:
			return "until " + d.end.label(true, there)
		case d.startEnd == boundUnknown:
			return "? – " + d.end.label(true, there)
		case d.endEnd == boundOpen:
			return "since " + d.start.label(true, there)
		case d.endEnd == boundUnknown:
			return d.start.label(true, there) + " – ?"
		case d.start == d.end && !d.start.unspecified():
			// 2017-08-14/2017-08-14 is that one day: "14 Aug – 14 Aug
			// 2017" would suggest two. The EDTF stays as written. Ends
			// with unspecified digits (2017-08-XX/2017-08-XX) may still
			// be two days, and say so.
			return d.start.label(true, there)
		}
		if m, ok := wholeMinute(d.start, d.end); ok {
			// 20:30:00 to 20:30:59, as --during reads "20:30": the
			// minute, not two times a minute apart.
			hhmmss := fmt.Sprintf("%02d:%02d:00", m.hour, m.minute)
			return strings.Replace(m.label(true, there), hhmmss, hhmmss[:5], 1)
		}
		start, end := d.start.label(!sameYearCompactable(d.start, d.end), there), d.end.label(true, there)
		if whole := d.start.label(true, there); whole == end && !d.start.unspecified() && !d.end.unspecified() {
			// Two years a billion years ago read alike: one label (ends
			// with unspecified digits may be two, as above).
			return end
		}
		// "538.8 – 251.902 million years ago": the end says the unit for
		// both, when the start has nothing before or after its figure.
		for _, unit := range []string{" million years ago", " billion years ago"} {
			if figure, ok := strings.CutSuffix(start, unit); ok && d.start.qualifier == Certain && strings.HasSuffix(end, unit) {
				return figure + " – " + end
			}
		}
		return start + " – " + end
	}
	return "undated"
}

// unspecified reports whether p leaves some of its digits unsaid: X
// digits, or a year given to significant digits.
func (p point) unspecified() bool {
	return p.yearX > 0 || p.monthX || p.dayX || p.sig > 0
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

// YearLabel names an astronomical year for people: 2017, 44 BCE for -43,
// 10,000 BCE for -9999, and a year of deep time, a million years or more
// before year 0, as years ago: 65 million years ago, 251.902 million
// years ago, 13.8 billion years ago. As with
// geology's "Ma", the figure is the year BCE as written (or its
// astronomical magnitude, a year apart): the years since year 0 are not
// added, being below what such a figure says.
func YearLabel(y int64) string {
	if ago, ok := deepTime(y); ok {
		return ago
	}
	return calendarYear(y)
}

// calendarYear names a year as a calendar does, with its digits grouped
// beyond four: 2017, 44 BCE, 12,345 CE, 10,000 BCE. A year of the common
// era with fewer than four digits says so, 999 CE: "Aug 1" would read as
// the first of August, and a bare "999" as no year ReadDate takes back;
// so does one of more than four, which grouped reads as a count.
func calendarYear(y int64) string {
	switch {
	case y <= 0:
		return groupDigits(1-y) + " BCE"
	case y < 1000:
		return strconv.FormatInt(y, 10) + " CE"
	case y > 9999:
		return groupDigits(y) + " CE"
	}
	return groupDigits(y)
}

// groupDigits writes n ≥ 0 with commas between thousands when it has more
// than four digits, as people write long years.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 4 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// deepTime names a year a million or more years before year 0 as people
// read deep time: 65 million years ago, 13.8 billion years ago. The
// figure is the year's BCE number or its magnitude, whichever is round
// to a thousand years; for a year that is neither, its BCE number to the
// year, 13.800000002 billion years ago, so that ReadDate takes it back
// exactly and a scale of years in deep time reads in one way, not as
// years ago beside years BCE.
func deepTime(y int64) (string, bool) {
	if y > -1_000_000 {
		return "", false
	}
	n := 1 - y
	if n%1000 != 0 && -y%1000 == 0 {
		n = -y
	}
	unit, name, width := int64(1_000_000), " million", 6
	if n >= 1_000_000_000 {
		unit, name, width = 1_000_000_000, " billion", 9
	}
	s := strconv.FormatInt(n/unit, 10)
	if frac := strings.TrimRight(string(appendPadded(nil, n%unit, width)), "0"); frac != "" {
		s += "." + frac
	}
	return s + name + " years ago", true
}

// MonthLabel names a month of an astronomical year as dates name it:
// Aug 2017; in deep time with the year as YearLabel names it, so that a
// ruler's months read as its years do.
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
	year := calendarYear(lo)
	switch {
	case p.sig > 0:
		// The year as written is the estimate; its digits say how far
		// to trust it.
		year = YearLabel(p.year) + " (to " + strconv.Itoa(int(p.sig)) + " significant digits)"
		if p.sig == 1 {
			year = YearLabel(p.year) + " (to 1 significant digit)"
		}
	case !p.hasMonth && p.yearX == 0:
		year = YearLabel(lo)
	case p.yearX == 1 && lo >= 1000:
		year = strconv.FormatInt(lo, 10) + "s"
	case p.yearX == 1 && lo > 0:
		// As a year of fewer than four digits says its era, so does its
		// decade: a bare "990s" is no decade ReadDate takes back.
		year = strconv.FormatInt(lo, 10) + "s CE"
	case p.yearX > 0 && lo > 0:
		year = strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10)
		if hi < 1000 {
			// And so does its century, once for both ends, as
			// "2020–2011 BCE" does: "900–999 CE" is 0900/0999's
			// "900 CE – 999 CE".
			year += " CE"
		}
	case p.yearX > 0 && hi > 0:
		// 00XX runs from 1 BCE into the common era: each end says
		// its era, as no single one covers both. The dash is unspaced,
		// as in every span of years: spaced, "c. 1 BCE – 99 CE" would
		// read as an interval whose end is sure, and no interval could
		// end with it.
		year = calendarYear(lo) + "–" + calendarYear(hi)
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
