package model

import (
	"strconv"
	"strings"
)

// Named times counted from a publication date: a season, a month or a
// day of the week with "last", "this", "next" or "this past" ("last
// summer", "this March", "last Tuesday"), a weekday alone or after "on"
// ("on Monday", as news reports write of the days of their week), and
// a count of months, weeks or days ago. "In the spring" or "in March"
// alone may look ahead as well as back, and is left to the
// investigator.

// weekdayNames are the days of the week, Sunday first (as civil weekdays
// are numbered).
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// countWord splits text into the word that counts (last, this, next, on)
// and what it counts, "this past" read as "last"; which is "" for a
// single word.
func countWord(text string) (which, name string) {
	which, name, ok := strings.Cut(text, " ")
	if !ok {
		return "", text
	}
	if past, ok := strings.CutPrefix(name, "past "); ok && which == "this" {
		return "last", past
	}
	return which, name
}

// proposeSeasonOrMonth proposes the season or month text names, counted
// from the published year and month, as EDTF; "" when text names none.
func proposeSeasonOrMonth(text string, year int64, month int) string {
	which, name := countWord(text)
	if which != "last" && which != "this" && which != "next" {
		return ""
	}
	named, err := strconv.Atoi(monthOf(name)) // a month, or a season 21–24
	if err != nil {
		return ""
	}
	now := year*12 + int64(month-1) // months since year 0
	if named >= 21 {
		first, last := seasons[named-21][0], seasons[named-21][1]
		start := func(y int64) int64 { return y*12 + int64(first-1) }
		end := func(y int64) int64 { return y*12 + int64(last-1) } // winter's into the next year
		y := year
		switch which {
		case "last": // the latest over before the published month
			for y = year + 1; end(y) >= now; y-- {
			}
		case "this": // the one under way or to come this year; winter's, under way since December
			if end(year-1) >= now {
				y = year - 1
			}
		case "next": // the first begun after it
			for y = year - 1; start(y) <= now; y++ {
			}
		}
		return edtfYear(y) + "-" + strconv.Itoa(named)
	}
	at := year*12 + int64(named-1)
	switch which {
	case "last": // the latest before the published month
		if at >= now {
			at -= 12
		}
	case "next": // the first after it
		if at <= now {
			at += 12
		}
	}
	return edtfYear(floorDiv(at, 12)) + "-" + pad2(int(at-floorDiv(at, 12)*12)+1)
}

// floorDiv is a / b rounded down, for months counted before year 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// proposeWeekday proposes, as days from the published day (at, in days
// since 1970-01-01), the first and last day that text names: a weekday
// ("on Monday", "last Friday"), a weekend, or a count of weeks or days
// ago; ok is false when it names none.
func proposeWeekday(text string, at int64) (from, to int64, ok bool) {
	weekday := int((at%7 + 7 + 4) % 7) // 1970-01-01 was a Thursday
	if n, unit, ok := countAgo(text); ok {
		switch unit {
		case "day":
			return at - int64(n), at - int64(n), true
		case "week": // as "last week", the span that week ago can be
			return at - int64(7*n+6), at - int64(7*n-6), true
		}
		return 0, 0, false
	}
	which, name := countWord(text)
	if which == "" {
		which, name = "on", text
	}
	if name == "weekend" && which == "last" {
		// The Saturday and Sunday before the published day: on a
		// Sunday, those of the week before.
		sunday := at - int64((weekday+6)%7+1)
		return sunday - 1, sunday, true
	}
	for d, w := range weekdayNames {
		if name != w && name != w[:3] && weekdayAbbrev[name] != w {
			continue
		}
		back := int64((weekday - d + 7) % 7) // days since the latest such day, 0 for the published day
		switch which {
		case "on":
			return at - back, at - back, true
		case "last":
			if back == 0 {
				back = 7
			}
			return at - back, at - back, true
		case "next":
			ahead := int64((d - weekday + 7) % 7)
			if ahead == 0 {
				ahead = 7
			}
			return at + ahead, at + ahead, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// weekdayAbbrev are the longer ways of shortening a weekday's name.
var weekdayAbbrev = map[string]string{"tues": "tuesday", "weds": "wednesday", "thur": "thursday", "thurs": "thursday"}

// countAgo reads "three days ago", "2 weeks ago", "a month ago": the
// count and the unit, singular. "Three days earlier" or "before" counts
// from another event of the story more often than from the source's
// date, and is left to the investigator.
func countAgo(text string) (n int, unit string, ok bool) {
	fields := strings.Fields(text)
	if len(fields) != 3 || fields[2] != "ago" {
		return 0, "", false
	}
	unit = strings.TrimSuffix(fields[1], "s")
	if unit != "day" && unit != "week" && unit != "month" {
		return 0, "", false
	}
	if fields[0] == "a" || fields[0] == "one" {
		return 1, unit, fields[1] == unit
	}
	if n, err := strconv.Atoi(fields[0]); err == nil && n > 0 && n < 1000 {
		return n, unit, true
	}
	for i, w := range []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		if fields[0] == w {
			return i + 2, unit, true
		}
	}
	return 0, "", false
}
