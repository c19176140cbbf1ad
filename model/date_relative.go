package model

import (
	"strconv"
	"strings"
)

// DateAdvice says what to write instead of text, a date a file gives in
// a format whose dates are EDTF (format names it: "chrono JSON"): for a
// date as people write them ("Aug 2017"), its EDTF; for a source's words
// ("last year"), where they go. It is "" when text is neither, and the
// parser's own words say what is wrong; they would mislead here ("a year
// needs four digits").
func DateAdvice(text, format string) string {
	if read, err := ReadDate(text); err == nil && !read.IsZero() {
		return format + " dates are EDTF: write it " + read.String()
	}
	if Relative(text) {
		return "a source's words, not a date: give them as date_text, with date_source naming the source whose publication date anchors them"
	}
	return ""
}

// Relative reports whether text is a source's words for a date that hangs
// on when the source was published ("last year", "the following month"):
// read from two days apart, they mean two dates, where a date mistyped
// means none, or one.
func Relative(text string) bool {
	a, oka := ProposeDate(text, MustParseDate("2000-06-15"))
	b, okb := ProposeDate(text, MustParseDate("2010-06-15"))
	return oka && okb && a != b
}

// ProposeDate proposes the date a source's own words mean, read from
// where the source stands in time: "last year" in an article published on
// 1 Feb 2022 is 2021. A text that is itself a date ("August 2017") is
// that date. It proposes no more precision than the words and the
// publication date carry (a "last month" needs a published month), nor
// more certainty (from a publication date of 2022? it is 2021?), and
// ok is false when it cannot tell; the investigator decides.
func ProposeDate(text string, published Date) (d Date, ok bool) {
	text = strings.ToLower(strings.Join(strings.Fields(strings.Trim(text, " .,;:“”\"'")), " "))
	if text == "" {
		return Date{}, false
	}
	if yearUnsaid(text) {
		// "March 3": a day whose year the words leave unsaid, which
		// ReadDate takes for March of the year 3 (it shows that as
		// "Mar 3 CE"); "summer 21" is no more the year 21.
		return Date{}, false
	}
	if d, err := ReadDate(text); err == nil && !d.IsZero() {
		return d, true
	}
	if published.IsZero() || published.IsInterval() {
		return Date{}, false
	}
	// A year written 201X or 1950S2 is some year of a range: "last
	// year" from it is as unknown, and its first year would be a guess.
	if lo, hi := published.start.yearRange(); lo != hi {
		return Date{}, false
	}
	year, month, day, _, _, _, _ := published.Parts()
	prec := published.Precision()
	// What is counted from a publication date is no surer than it:
	// "last year" from an article of 2022? is 2021?.
	q := published.Qualifier()
	date := func(edtf string) (Date, bool) {
		d, err := ParseDate(edtf)
		if err != nil {
			return Date{}, false
		}
		if q != Certain {
			d.start.qualifier = q
			if d.form == formInterval {
				d.end.qualifier = q
			}
		}
		return d, true
	}
	// As EDTF writes it, so that a year before 1 BCE ("-0001") or past
	// four digits ("Y10000") is one ParseDate reads.
	yearOf := edtfYear
	switch text {
	case "this year", "earlier this year", "this past year":
		if text == "earlier this year" && prec >= PrecisionMonth {
			return date(yearOf(year) + "-01/" + published.String())
		}
		return date(yearOf(year))
	case "last year", "the previous year", "the year before", "a year earlier", "a year ago", "one year ago", "past year":
		return date(yearOf(year - 1))
	case "next year", "the following year", "the next year":
		return date(yearOf(year + 1))
	}
	if n, ok := yearsAgo(text); ok {
		return date(yearOf(year - int64(n)))
	}
	if prec < PrecisionMonth || month > 12 {
		return Date{}, false
	}
	monthOf := func(y int64, m int) string {
		for m < 1 {
			y, m = y-1, m+12
		}
		for m > 12 {
			y, m = y+1, m-12
		}
		return yearOf(y) + "-" + pad2(m)
	}
	switch text {
	case "this month", "earlier this month":
		return date(monthOf(year, month))
	case "last month", "the previous month", "a month ago":
		return date(monthOf(year, month-1))
	case "next month":
		return date(monthOf(year, month+1))
	}
	if n, unit, ok := countAgo(text); ok && unit == "month" {
		return date(monthOf(year, month-n))
	}
	if edtf := proposeSeasonOrMonth(text, year, month); edtf != "" {
		return date(edtf)
	}
	if prec < PrecisionDay {
		return Date{}, false
	}
	at := daysFromCivil(year, month, day)
	dayOf := func(days int64) string {
		y, m, d := civilFromDays(at + days)
		return yearOf(y) + "-" + pad2(m) + "-" + pad2(d)
	}
	switch text {
	case "today", "this morning", "tonight", "this evening":
		return date(dayOf(0))
	case "yesterday", "last night":
		return date(dayOf(-1))
	case "tomorrow":
		return date(dayOf(1))
	case "last week", "a week ago":
		return date(dayOf(-13) + "/" + dayOf(-1))
	}
	if from, to, ok := proposeWeekday(text, at); ok {
		if from == to {
			return date(dayOf(from - at))
		}
		return date(dayOf(from-at) + "/" + dayOf(to-at))
	}
	return Date{}, false
}

// yearsAgo reads "three years ago" and "3 years ago".
func yearsAgo(text string) (int, bool) {
	count, rest, ok := strings.Cut(text, " ")
	if !ok || (rest != "years ago" && rest != "years earlier" && rest != "years before") {
		return 0, false
	}
	if n, err := strconv.Atoi(count); err == nil && n > 0 && n < 1000 {
		return n, true
	}
	for i, w := range []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"} {
		if count == w {
			return i + 2, true
		}
	}
	return 0, false
}

// yearUnsaid reports whether text, lower case, is a month's or a
// season's name and a number of one or two digits: "march 3", "dec. 31"
// or "summer 21", a day of a month or a year written short, neither of
// which says the year.
func yearUnsaid(text string) bool {
	name, n, ok := strings.Cut(text, " ")
	if !ok || len(n) > 2 || strings.TrimLeft(n, "0123456789") != "" {
		return false
	}
	return monthOf(strings.TrimSuffix(name, ",")) != ""
}
