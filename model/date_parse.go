package model

import (
	"fmt"
	"strings"
)

// maxYear bounds the years chrono accepts, so that every date has an exact
// Instant, whose seconds reach about 292 billion years either way. It is
// far beyond the 13.8 billion years of the universe that cosmological
// timelines start with.
const maxYear = 100_000_000_000

// DateError reports a date that is not valid EDTF, with the text as given.
type DateError struct {
	Text string
	Msg  string
}

func (e *DateError) Error() string { return fmt.Sprintf("date %q: %s", e.Text, e.Msg) }

// ParseDate parses an EDTF date (levels 0 and 1). The empty string is the
// undated Date. Errors are *DateError and say what is wrong, e.g.
// `date "2017-13": month 13 out of range`.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	fail := func(format string, args ...any) (Date, error) {
		return Date{}, &DateError{Text: s, Msg: fmt.Sprintf(format, args...)}
	}
	first, second, isInterval := strings.Cut(s, "/")
	if !isInterval {
		switch rest, open := strings.CutPrefix(s, ".."); {
		case s == "..":
			return fail("an open end needs an interval, like ../2021")
		case open:
			// "..2021" reads as a year of six characters otherwise.
			return fail("an open start is written ../%s", rest)
		case strings.HasSuffix(s, ".."):
			return fail("an open end is written %s/..", strings.TrimSuffix(s, ".."))
		}
		p, msg := parsePoint(s)
		if msg != "" {
			if hint, ok := handDateHint(s); ok {
				// 14.08.2017 is a day whose year is last: say how
				// EDTF writes it rather than that its year is short.
				return fail("%s", hint)
			}
			return fail("%s", msg)
		}
		return Date{start: p, form: formSingle}, nil
	}
	if hint, ok := handDateHint(s); ok {
		// 14/08/2017 is a day, not an interval: say how EDTF writes it.
		return fail("%s", hint)
	}
	if strings.Contains(second, "/") {
		return fail("an interval has one '/'")
	}
	d := Date{form: formInterval}
	var msg string
	if d.startEnd, d.start, msg = parseEnd(first); msg != "" {
		return fail("start: %s", msg)
	}
	if d.endEnd, d.end, msg = parseEnd(second); msg != "" {
		return fail("end: %s", msg)
	}
	if d.startEnd != boundKnown && d.endEnd != boundKnown {
		return fail("an interval needs at least one date")
	}
	if d.startEnd == boundKnown && d.endEnd == boundKnown && d.end.latest().Before(d.start.earliest()) {
		return fail("the interval ends before it starts")
	}
	return d, nil
}

// MustParseDate is ParseDate for dates written in code; it panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func parseEnd(s string) (bound, point, string) {
	switch s {
	case "":
		return boundUnknown, point{}, ""
	case "..":
		return boundOpen, point{}, ""
	}
	p, msg := parsePoint(s)
	return boundKnown, p, msg
}

// scanner walks a date string and remembers where it is, for messages.
type scanner struct {
	s string
	i int
}

func (sc *scanner) done() bool { return sc.i >= len(sc.s) }

func (sc *scanner) peek() byte {
	if sc.done() {
		return 0
	}
	return sc.s[sc.i]
}

func (sc *scanner) accept(c byte) bool {
	if sc.peek() == c {
		sc.i++
		return true
	}
	return false
}

// digits reads exactly n characters that are digits or, when allowX, X;
// it returns the number read as digits and how many trailing Xs there were.
func (sc *scanner) digits(n int, allowX bool) (v int64, xs int, ok bool) {
	if sc.i+n > len(sc.s) {
		return 0, 0, false
	}
	for k := range n {
		c := sc.s[sc.i+k]
		switch {
		case c >= '0' && c <= '9' && xs == 0:
			v = v*10 + int64(c-'0')
		case c == 'X' && allowX:
			xs++
			v *= 10
		default:
			return 0, 0, false
		}
	}
	sc.i += n
	return v, xs, true
}

func parsePoint(s string) (point, string) {
	var p point
	sc := &scanner{s: s}
	if msg := p.parseYear(sc); msg != "" {
		return p, msg
	}
	if sc.accept('-') {
		p.hasMonth = true
		v, xs, ok := sc.digits(2, true)
		switch {
		case !ok:
			return p, "the month needs two digits (01–12) or XX"
		case xs == 1:
			return p, "the month is either two digits or XX"
		case p.yearX > 0:
			return p, "a year with X digits cannot have a month"
		case p.sig > 0:
			return p, "a year with significant digits cannot have a month"
		case xs == 2:
			p.monthX = true
		case v >= 21 && v <= 24:
			p.month = uint8(v)
		case v < 1 || v > 12:
			return p, fmt.Sprintf("month %d out of range", v)
		default:
			p.month = uint8(v)
		}
		if sc.accept('-') {
			p.hasDay = true
			v, xs, ok := sc.digits(2, true)
			switch {
			case !ok:
				return p, "the day needs two digits or XX"
			case p.month > 12:
				return p, "a season cannot have a day"
			case xs == 1:
				return p, "the day is either two digits or XX"
			case xs == 2:
				p.dayX = true
			case p.monthX:
				return p, "a day needs a known month (use XX for both)"
			case v < 1 || int(v) > daysIn(p.year, int(p.month)):
				return p, fmt.Sprintf("day %d out of range for %s %d", v, monthNames[p.month-1], p.year)
			default:
				p.day = uint8(v)
			}
		}
	}
	if sc.accept('T') {
		if !p.hasDay || p.dayX {
			return p, "a time of day needs a full date before the T"
		}
		if msg := p.parseTime(sc); msg != "" {
			return p, msg
		}
	}
	switch sc.peek() {
	case '?':
		p.qualifier = Uncertain
	case '~':
		p.qualifier = Approximate
	case '%':
		p.qualifier = UncertainApproximate
	}
	if p.qualifier != Certain {
		if p.hasTime {
			return p, "a date with a time of day cannot be qualified"
		}
		sc.i++
	}
	if !sc.done() {
		return p, fmt.Sprintf("unexpected %q at position %d", s[sc.i:], sc.i+1)
	}
	return p, ""
}

func (p *point) parseYear(sc *scanner) string {
	if msg := p.parseYearDigits(sc); msg != "" {
		return msg
	}
	if !sc.accept('S') {
		return ""
	}
	// EDTF level 2's significant digits: 1950S2 is a year from 1900 to
	// 1999, estimated as 1950.
	v, n, msg := sc.number(99)
	mag := p.year
	if mag < 0 {
		mag = -mag
	}
	switch {
	case msg != "" || n == 0 || v == 0 || sc.s[sc.i-n] == '0':
		return "S must be followed by the number of significant digits, like 1950S2"
	case p.yearX > 0:
		return "a year with X digits cannot have significant digits"
	case int(v) > decimalDigits(mag):
		return fmt.Sprintf("%d significant digits is more than the year has", v)
	}
	p.sig = uint8(v)
	return ""
}

// number reads decimal digits while their value is at most limit; it
// returns the value and how many digits were read.
func (sc *scanner) number(limit int64) (v int64, n int, msg string) {
	for !sc.done() && sc.peek() >= '0' && sc.peek() <= '9' {
		v = v*10 + int64(sc.peek()-'0')
		sc.i++
		n++
		if v > limit {
			return v, n, "too large"
		}
	}
	return v, n, ""
}

func (p *point) parseYearDigits(sc *scanner) string {
	if sc.accept('Y') {
		p.wideYear = true
		neg := sc.accept('-')
		start := sc.i
		tooFar := fmt.Sprintf("year beyond ±%d (100 billion) is not supported", int64(maxYear))
		v, n, msg := sc.number(maxYear)
		switch {
		case msg != "":
			return tooFar
		case n == 0:
			return "Y must be followed by the year's digits"
		case sc.s[start] == '0':
			return "a Y-prefixed year has no leading zeros"
		}
		if sc.accept('E') {
			// EDTF level 2's exponential year: Y-138E8 is -13800000000.
			e, en, msg := sc.number(99)
			if msg != "" || en == 0 || e == 0 || sc.s[sc.i-en] == '0' {
				return "E must be followed by the exponent, like Y-138E8"
			}
			for range e {
				if v *= 10; v > maxYear {
					return tooFar
				}
			}
			p.exp = uint8(e)
		}
		if v <= 9999 {
			return "the Y prefix is for years of more than four digits; write the year plainly"
		}
		if neg {
			v = -v
		}
		p.year = v
		return ""
	}
	neg := sc.accept('-')
	v, xs, ok := sc.digits(4, true)
	switch {
	case !ok:
		return "a year needs four digits (or Y and more digits)"
	case xs > 2:
		return "at most the last two digits of a year can be X"
	case neg && v == 0:
		return "a negative year cannot be zero"
	}
	if !sc.done() && sc.peek() >= '0' && sc.peek() <= '9' {
		return "a year of more than four digits needs the Y prefix, like Y12345"
	}
	if neg {
		v = -v
	}
	p.year = v
	p.yearX = uint8(xs)
	return ""
}

func (p *point) parseTime(sc *scanner) string {
	hh, _, ok1 := sc.digits(2, false)
	c1 := sc.accept(':')
	mm, _, ok2 := sc.digits(2, false)
	c2 := sc.accept(':')
	ss, _, ok3 := sc.digits(2, false)
	switch {
	case !ok1 || !c1 || !ok2 || !c2 || !ok3:
		return "a time of day is written hh:mm:ss"
	case hh > 23:
		return fmt.Sprintf("hour %d out of range", hh)
	case mm > 59:
		return fmt.Sprintf("minute %d out of range", mm)
	case ss == 60:
		// A leap second (23:59:60), which a day has at most one of, and
		// which time libraries cannot hold.
		return "second 60 (a leap second) is not one chrono can hold: write :59 and say the leap second in the date text or a note"
	case ss > 59:
		return fmt.Sprintf("second %d out of range", ss)
	}
	p.hasTime = true
	p.hour, p.minute, p.second = uint8(hh), uint8(mm), uint8(ss)
	if sc.accept('.') {
		n := 0
		for !sc.done() && sc.peek() >= '0' && sc.peek() <= '9' {
			if n == 9 {
				return "at most nine digits after the seconds' decimal point"
			}
			p.nanos = p.nanos*10 + uint32(sc.peek()-'0')
			sc.i++
			n++
		}
		if n == 0 {
			return "a decimal point needs digits after it"
		}
		p.frac = uint8(n)
		for range 9 - n {
			p.nanos *= 10
		}
	}
	switch c := sc.peek(); c {
	case 'Z':
		sc.i++
		p.zone = zoneUTC
	case '+', '-':
		sc.i++
		oh, _, ok := sc.digits(2, false)
		if !ok {
			return "an offset from UTC is written ±hh or ±hh:mm"
		}
		var om int64
		p.zone = zoneHours
		if sc.accept(':') {
			if om, _, ok = sc.digits(2, false); !ok {
				return "an offset from UTC is written ±hh or ±hh:mm"
			}
			p.zone = zoneOffset
		} else if next := sc.peek(); next >= '0' && next <= '9' {
			// +0200, as email and logs write it: say how EDTF does,
			// not that its last digits are unexpected.
			return "an offset from UTC is written ±hh or ±hh:mm"
		}
		if oh > 14 || om > 59 || (oh == 14 && om > 0) {
			return "an offset from UTC is at most ±14:00"
		}
		if c == '-' && oh == 0 && om == 0 {
			return "an offset of zero is written Z or +00:00"
		}
		off := int16(oh*60 + om)
		if c == '-' {
			off = -off
		}
		p.offset = off
	}
	return ""
}
