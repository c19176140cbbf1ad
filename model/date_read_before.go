package model

import (
	"fmt"
	"strings"
)

// readBeforeAfter reads "before DATE" and "after DATE" as they are said of
// one event: it happened at some time before DATE, or after it, never in
// it. EDTF's sets of level 2 ([..2017], [2019..]) say exactly that, but
// chrono reads levels 0 and 1, so the event is dated the span it can lie
// in, from a start or to an end that is not known: "before 2018" is
// /2017 ("? – 2017"), "after Aug 2017" is 2017-09/ ("Sep 2017 – ?"). An
// open end (../2017, 2017-09/..) would say more than the words do: that
// the event runs on from before, or is ongoing, which "until" and
// "since" say. Both are spanned alike, so the event is placed and
// filtered where the words put it.
//
// It returns the EDTF, or why chrono cannot read the words (msg, with
// how to write the date instead); ok is false when s says neither
// "before" nor "after".
func readBeforeAfter(s string) (edtf, msg string, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	lower := strings.ToLower(s)
	word, dir := "", 0
	switch {
	case strings.HasPrefix(lower, "before "):
		word, dir = "before", -1
	case strings.HasPrefix(lower, "after "):
		word, dir = "after", 1
	default:
		return "", "", false
	}
	rest := s[len(word)+1:]
	written, read := humanPoint(strings.ToLower(rest), nil)
	if !read {
		// "before 2017-08": EDTF of one date.
		written = rest
	}
	d, err := ParseDate(written)
	if err != nil || d.form != formSingle {
		return "", "", false
	}
	next, why := d.start.step(dir)
	if why != "" {
		if dir < 0 {
			return "", fmt.Sprintf("chrono cannot tell what is just before %s: write ? – and the latest date the event can have, or until %s if it can be in it", why, d.Label()), true
		}
		return "", fmt.Sprintf("chrono cannot tell what is just after %s: write the earliest date the event can have and – ?, or since %s if it can be in it", why, d.Label()), true
	}
	b := next.appendEDTF(nil)
	if dir < 0 {
		return "/" + string(b), "", true
	}
	return string(b) + "/", "", true
}

// step returns the date next to p at p's precision, before it (dir -1)
// or after it (dir 1): the year, decade, century, season, month, day or
// second beside it, with p's qualifier and zone. why says what has no
// such neighbour.
func (p point) step(dir int) (next point, why string) {
	switch {
	case p.sig > 0:
		return p, "a year given to its significant digits"
	case p.monthX || p.dayX:
		return p, "a month or day not specified"
	case p.frac > 0:
		return p, "a fraction of a second"
	case p.yearX > 0 && p.year < 0:
		return p, "a decade or century before the common era"
	}
	d := int64(dir)
	switch {
	case p.hasTime:
		s := int(p.second) + dir
		m, h := int(p.minute), int(p.hour)
		switch {
		case s < 0:
			s, m = 59, m-1
		case s > 59:
			s, m = 0, m+1
		}
		switch {
		case m < 0:
			m, h = 59, h-1
		case m > 59:
			m, h = 0, h+1
		}
		p.second, p.minute = uint8(s), uint8(m)
		switch {
		case h < 0:
			p.hour = 23
			p.stepDay(-1)
		case h > 23:
			p.hour = 0
			p.stepDay(1)
		default:
			p.hour = uint8(h)
		}
	case p.hasDay:
		p.stepDay(dir)
	case p.hasMonth && p.month > 12:
		// Seasons: winter (24) runs into the next year's spring (21).
		p.stepWithin(21, 24, dir)
	case p.hasMonth:
		p.stepMonth(dir)
	default:
		unit := int64(1)
		for range p.yearX {
			unit *= 10
		}
		p.year += d * unit
		if p.yearX > 0 && p.year < 0 {
			return p, "a decade or century before the common era"
		}
	}
	if p.year > maxYear || p.year < -maxYear {
		return p, "a year beyond those chrono reads"
	}
	// Written with Y when it needs more than four digits, and whole.
	p.wideYear, p.exp = p.year > 9999 || p.year < -9999, 0
	return p, ""
}

// stepMonth moves p to the month before or after its own.
func (p *point) stepMonth(dir int) { p.stepWithin(1, 12, dir) }

// stepWithin moves p's month (or season) by dir within first..last, the
// year with it when it runs past either.
func (p *point) stepWithin(first, last, dir int) {
	switch m := int(p.month) + dir; {
	case m < first:
		p.month, p.year = uint8(last), p.year-1
	case m > last:
		p.month, p.year = uint8(first), p.year+1
	default:
		p.month = uint8(m)
	}
}

// stepDay moves p to the day before or after its own.
func (p *point) stepDay(dir int) {
	switch d := int(p.day) + dir; {
	case d < 1:
		p.stepMonth(-1)
		p.day = uint8(daysIn(p.year, int(p.month)))
	case d > daysIn(p.year, int(p.month)):
		p.stepMonth(1)
		p.day = 1
	default:
		p.day = uint8(d)
	}
}

// SaysBeforeAfter reports whether ReadDate reads s as "before" or "after"
// a date, which it dates by the period next to that date: "before 2018"
// reads as "? – 2017", so that those who type it can be told.
func SaysBeforeAfter(s string) bool {
	_, msg, ok := readBeforeAfter(strings.TrimSpace(s))
	return ok && msg == ""
}
