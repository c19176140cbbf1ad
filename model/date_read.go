package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"chrono/model/wordwrap"
)

// ReadDate reads a date as a person types it: EDTF ("2017-08/2021"), or
// any form chrono shows ("Aug 2017", "August 2017", "14 Aug 2017",
// "Aug 14, 2017", "2 Oct 2018 – 2021", "c. 2021", "2021?", "until 2021",
// "since Aug 2017", "? – 2021", "Aug 2017 – ?", "Summer 1943", "1990s",
// "44 BCE", "2020–2011 BCE", "1950 (to 2 significant digits)"), or two
// years joined by a hyphen ("2017-2019"); and "before 2018" or "after Aug
// 2017", of an event at some time before or after that date and not in
// it ("? – 2017", "Sep 2017 – ?"; see readBeforeAfter). The empty string
// is undated. What it cannot read is reported as ParseDate reports EDTF
// it cannot read, so that the error says what EDTF would have been wrong.
func ReadDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	// chrono's label of a time without an offset says where it is local;
	// pasted back, it is that time.
	if t, ok := strings.CutSuffix(s, localTimeThere); ok && strings.Contains(t, ":") {
		s = strings.TrimSpace(t)
	}
	if span, ok := yearsSpan(s); ok {
		d, err := ParseDate(span)
		var de *DateError
		if errors.As(err, &de) {
			de.Text = s // as typed
		}
		return d, err
	}
	d, err := ParseDate(s)
	if err == nil {
		return d, nil
	}
	if looksEDTF(s) {
		if hint, ok := typedDateHint(s); ok {
			return Date{}, &DateError{Text: s, Msg: hint}
		}
		return d, err
	}
	if year, ok := bareLongYear(s); ok {
		shown := year + " CE"
		if y, err := strconv.ParseInt(year, 10, 64); err == nil {
			shown = YearLabel(y)
		}
		return Date{}, &DateError{Text: s, Msg: fmt.Sprintf("%s has %s digits: if it is a year after 9999, write it as chrono shows it (%s) or in EDTF (Y%s); otherwise correct it",
			year, digitWords[min(len(year), len(digitWords)-1)], shown, year)}
	}
	edtf, msg, ok := readBeforeAfter(s)
	if ok && msg != "" {
		return Date{}, &DateError{Text: s, Msg: msg}
	}
	if !ok {
		edtf, ok = humanToEDTF(s)
	}
	if ok {
		d, err := ParseDate(edtf)
		if err == nil {
			return d, nil
		}
		return Date{}, &DateError{Text: s, Msg: strings.TrimPrefix(err.Error(), fmt.Sprintf("date %q: ", edtf))}
	}
	if d, ok := qualifiedLabel(s); ok {
		return d, nil
	}
	if hint, ok := typedDateHint(s); ok {
		return Date{}, &DateError{Text: s, Msg: hint}
	}
	// The examples are marked to stay whole where the message wraps: "2"
	// at a line's end and "Oct 2018" on the next read as two dates.
	return Date{}, &DateError{Text: s, Msg: "not a date chrono reads: write EDTF (2017-08, 2017-08/2021) or as chrono shows dates (" +
		wordwrap.Keep("Aug 2017") + ", " + wordwrap.Keep("14 Aug 2017") + ", " + wordwrap.Keep("2 Oct 2018 – 2021") + ")"}
}

// typedDateHint says how to write what is typed the way people write
// dates elsewhere, when chrono cannot read it: an approximate date
// with EDTF's ~ in front, a time of day after a space.
func typedDateHint(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		if _, err := ParseDate(rest + "~"); err == nil {
			hint := fmt.Sprintf("EDTF puts the ~ after the date: write %s~", rest)
			if _, err := ReadDate("c. " + rest); err == nil {
				hint += " (or " + wordwrap.Keep("c. "+rest) + ")"
			}
			return hint, true
		}
	}
	// EDTF's sets, of level 2: one of the dates ([…]) or all of them ({…}).
	if len(s) > 2 && (s[0] == '[' && s[len(s)-1] == ']' || s[0] == '{' && s[len(s)-1] == '}') {
		span := "such as 2017/2019"
		if dates := strings.Split(s[1:len(s)-1], ","); len(dates) > 1 {
			first, last := strings.TrimSpace(dates[0]), strings.TrimSpace(dates[len(dates)-1])
			if _, err := ParseDate(first + "/" + last); err == nil {
				span = first + "/" + last
			}
		}
		return fmt.Sprintf("an EDTF set of dates is not one date: write the span they lie in as an interval (%s), or add an event for each", span), true
	}
	// "1990-95": a span of years with its end cut short, which EDTF
	// reads as a month.
	if from, to, ok := strings.Cut(s, "-"); ok && fourDigits(from) && len(to) == 2 {
		// Only within the century: "2017-13" is no span of a century.
		if full := fullEndYear(from, to); full != to && full[:2] == from[:2] {
			return fmt.Sprintf("for the years %s to %s, write %s–%s or %s/%s", from, full, from, full, from, full), true
		}
	}
	day, clock, spaced := strings.Cut(s, " ")
	if !spaced {
		day, clock, _ = strings.Cut(s, "T")
	}
	if clock != "" {
		at, offset, _ := strings.Cut(strings.TrimSpace(clock), " ")
		if offset == "" && len(at) > len("15:04") && strings.ContainsAny(at[len("15:04"):], "+-Zz") && !strings.Contains(at[len("15:04"):len("15:04")+1], ":") {
			at, offset = at[:len("15:04")], at[len("15:04"):] // 20:30-04:00
		}
		if len(at) == len("15:04") {
			at += ":00"
		}
		offset = strings.TrimSpace(offset)
		switch {
		case strings.EqualFold(offset, "UTC"), strings.EqualFold(offset, "z"):
			offset = "Z"
		case len(offset) == len("+0400") && (offset[0] == '+' || offset[0] == '-') && allDigits(offset[1:]):
			offset = offset[:3] + ":" + offset[3:]
		}
		written := day + "T" + at + offset
		// Only a way of writing it that chrono then reads.
		if _, err := ParseDate(written); err == nil && written != s {
			if spaced {
				return fmt.Sprintf("a time of day goes after a T, to the second: write %s", written), true
			}
			return fmt.Sprintf("a time of day is written to the second: write %s", written), true
		}
	}
	return "", false
}

// yearsSpan rewrites two years joined by a hyphen ("2017-2019"), as
// people write a span of years, into EDTF ("2017/2019"). EDTF would read
// it as a month (20) and fail; no month has four digits, so nothing else
// is meant.
func yearsSpan(s string) (string, bool) {
	from, to, ok := strings.Cut(s, "-")
	if !ok || !fourDigits(from) || !fourDigits(to) {
		return "", false
	}
	return from + "/" + to, true
}

// fullEndYear returns the end of a span of years written with its last
// two digits only ("1990–95", "2017–18", "1998–02") as the first year
// after the start that ends in them, within fifty years of it (so
// "2017–13" is not 2113); any other end as it is.
func fullEndYear(start, end string) string {
	start, trimmed := strings.TrimSpace(start), strings.TrimSpace(end)
	if !fourDigits(start) || len(trimmed) != 2 || !allDigits(trimmed) || trimmed == start[2:] {
		return end
	}
	full := start[:2] + trimmed
	if full < start {
		century, _ := strconv.Atoi(start[:2])
		full = strconv.Itoa(century+1) + trimmed
		from, _ := strconv.Atoi(start)
		if to, _ := strconv.Atoi(full); to-from >= 50 {
			return end
		}
	}
	return full
}

func fourDigits(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// looksEDTF reports whether s is written as EDTF, so that its own error
// is the one to show: it has digits and only EDTF's characters.
func looksEDTF(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune("-/.:+TXYZE?~%", r):
		default:
			return false
		}
	}
	return digits
}

// humanToEDTF rewrites a date as people write it into EDTF.
func humanToEDTF(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	lower := strings.ToLower(s)
	for _, p := range []struct{ prefix, open string }{{"until ", "../"}, {"since ", ""}} {
		if rest, ok := strings.CutPrefix(lower, p.prefix); ok {
			end, ok := humanPoint(rest, nil)
			if !ok {
				return "", false
			}
			if p.open == "" {
				return end + "/..", true
			}
			return p.open + end, true
		}
	}
	for _, sep := range []string{" – ", " — ", " - ", "–", "—", " to ", " until "} {
		first, second, ok := strings.Cut(lower, sep)
		if !ok {
			continue
		}
		spanQualifier := ""
		if sep == "–" || sep == "—" {
			first, second, spanQualifier = cutSpanQualifier(first, second)
		}
		// "? – 2021", "Aug 2017 – ?": an end that is not known.
		if strings.TrimSpace(first) == "?" {
			end, ok := humanPoint(second, nil)
			return "/" + end, ok
		}
		if strings.TrimSpace(second) == "?" {
			start, ok := humanPoint(first, nil)
			return start + "/", ok
		}
		second = fullEndYear(first, second)
		var endParts humanParts
		end, ok := humanPoint(second, &endParts)
		if !ok {
			return "", false
		}
		// "14 – 20 Aug 2017", "Aug – Sep 2017": the start takes what it
		// leaves out from the end (a lone "14" is a day, not the year 14).
		start, ok := "", false
		if len(strings.TrimSpace(first)) > 2 {
			// "2020–2011 BCE": the era written once at the end is the
			// start's too, when the start says none (read in the common
			// era, it would end before it starts).
			if endParts.era != "" {
				start, ok = humanPoint(withEra(first, endParts.era), nil)
			}
			if !ok {
				start, ok = humanPoint(first, nil)
			}
		}
		if !ok {
			start, ok = humanPoint(first+" "+endParts.after(first), nil)
		}
		if !ok {
			// "538.8 – 251.902 million years ago"
			for _, unit := range []string{" million years ago", " billion years ago"} {
				if strings.HasSuffix(second, unit) {
					start, ok = humanPoint(first+unit, nil)
				}
			}
		}
		if !ok {
			return "", false
		}
		return qualify(start, spanQualifier) + "/" + qualify(end, spanQualifier), true
	}
	return humanPoint(lower, nil)
}

// humanParts keeps the words of a date after its day and month, as
// written, so that the start of "14 – 20 Aug 44 BCE" can borrow "Aug 44
// BCE", and that of "20–11 BCE" its era.
type humanParts struct {
	month, year, era string
}

// after returns what a start written as first leaves out: the month and
// year when it is only a day, the era when it is a year and the end says
// one, the year when it has a month.
func (p *humanParts) after(first string) string {
	if _, err := strconv.Atoi(strings.TrimSpace(first)); err == nil {
		switch {
		case p.month != "":
			return p.month + " " + p.yearInEra()
		case p.era != "":
			return p.era
		}
	}
	return p.yearInEra()
}

// yearInEra is the year with its era, if it was written with one.
func (p *humanParts) yearInEra() string {
	if p.era == "" {
		return p.year
	}
	return p.year + " " + p.era
}

// withEra writes era after a date with none, before what qualifies it:
// "c. 2020?" with "bce" is "c. 2020 bce?".
func withEra(s, era string) string {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(s, "?"); ok {
		return strings.TrimSpace(rest) + " " + era + "?"
	}
	return s + " " + era
}

// approximatePrefixes are the words before a date that say it is
// approximate, as "c." does.
var approximatePrefixes = []string{"c. ", "c.", "ca. ", "circa ", "about ", "around ", "approx. ", "~"}

// humanPoint reads one date as people write it, lower-cased, into EDTF.
func humanPoint(s string, parts *humanParts) (string, bool) {
	s = strings.TrimSpace(s)
	qualifier := ""
	for _, prefix := range approximatePrefixes {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			s, qualifier = strings.TrimSpace(rest), "~"
			break
		}
	}
	if rest, ok := strings.CutSuffix(s, "?"); ok {
		s = strings.TrimSpace(rest)
		if qualifier == "~" {
			qualifier = "%"
		} else {
			qualifier = "?"
		}
	}
	// "2000–2099", an interval's end: the year with its X digits.
	if year, ok := humanYearSpan(s); ok {
		return year + qualifier, true
	}
	// "1950 (to 2 significant digits)": a year, and no more, given to
	// its first digits.
	sig := ""
	if year, digits, ok := cutSignificant(s); ok {
		s, sig = year, digits
	}
	unknown := ""
	for _, u := range []string{"(month and day unknown)", "(month unknown)", "(day unknown)"} {
		if rest, ok := strings.CutSuffix(s, u); ok {
			s, unknown = strings.TrimSpace(rest), u
			break
		}
	}
	if year, ok := humanYearsAgo(s); ok {
		if unknown != "" {
			return "", false
		}
		return year + sig + qualifier, true
	}
	// "10,000 BCE" is a year; "Aug 14, 2017" reads as "14 Aug 2017".
	s = ungroupDigits(s)
	s = strings.ReplaceAll(s, ",", " ")
	words := strings.Fields(s)
	if len(words) == 0 {
		return "", false
	}
	var clock string
	// An offset of hours and minutes ("+02:00") has a colon too, so it is
	// looked for before a clock that ends the date.
	if n := len(words); n >= 3 && (strings.HasPrefix(words[n-1], "+") || strings.HasPrefix(words[n-1], "-")) && strings.Contains(words[n-2], ":") {
		clock, words = words[n-2]+words[n-1], words[:n-2]
	} else if n >= 3 && words[n-1] == "utc" && strings.Contains(words[n-2], ":") {
		clock, words = words[n-2]+"Z", words[:n-2]
	} else if n >= 2 && strings.Contains(words[n-1], ":") {
		clock, words = words[n-1], words[:n-1]
	}
	// The era follows the year, before the clock: "15 Mar 44 BCE 10:00:00".
	bce, ce, era := false, false, ""
	if n := len(words); n > 0 && (words[n-1] == "bce" || words[n-1] == "bc" || words[n-1] == "b.c.") {
		bce, era, words = true, words[n-1], words[:n-1]
	} else if n > 0 && (words[n-1] == "ce" || words[n-1] == "ad" || words[n-1] == "a.d.") {
		// "999 CE", as chrono shows a year of fewer than four digits.
		ce, era, words = true, words[n-1], words[:n-1]
	}
	if len(words) == 0 {
		return "", false
	}
	year, ok := humanYear(words[len(words)-1], bce, ce)
	if !ok || (ce && year == "0000") { // the common era has no year 0
		return "", false
	}
	if parts != nil {
		parts.year, parts.era = words[len(words)-1], era
	}
	words = words[:len(words)-1]
	var month, day string
	for _, w := range words {
		if m := monthOf(w); m != "" && month == "" {
			month = m
			if parts != nil {
				parts.month = w
			}
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")); err == nil && n >= 1 && n <= 31 && day == "" {
			day = pad2(n)
			continue
		}
		return "", false
	}
	if (strings.HasSuffix(year, "X") || sig != "") && (month != "" || day != "") || sig != "" && (unknown != "" || clock != "") {
		return "", false
	}
	out := year + sig
	switch {
	case unknown == "(month unknown)" && month == "" && day == "":
		out += "-XX"
	case unknown != "" && unknown != "(month unknown)" && month == "" && day == "":
		// "(day unknown)" with no month is how such dates were labelled
		// before: read it still.
		out += "-XX-XX"
	case month != "":
		out += "-" + month
		switch {
		case day != "":
			out += "-" + day
		case unknown == "(day unknown)":
			out += "-XX"
		}
	case day != "":
		return "", false
	}
	if clock != "" {
		if day == "" {
			return "", false
		}
		out += "T" + fullClock(clock)
	}
	return out + qualifier, true
}

// humanYear reads a year: "2017", "1990s" (a decade), "44" with bce,
// "990s" (a decade of the first millennium) only with ce, as chrono
// labels it: without its era, a number of fewer than four digits is too
// often something else.
func humanYear(w string, bce, ce bool) (string, bool) {
	decade := false
	if rest, ok := strings.CutSuffix(w, "s"); ok && !bce {
		w, decade = strings.TrimSuffix(rest, "'"), true
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return "", false
		}
	}
	y, err := strconv.ParseInt(w, 10, 64)
	if err != nil || y > maxYear {
		return "", false
	}
	if decade {
		// "0s CE" would take in year 0, which is 1 BCE.
		if y%10 != 0 || y < 1000 && !ce || y == 0 {
			return "", false
		}
		return string(appendPadded(nil, y/10, 3)) + "X", true
	}
	if bce {
		if y == 0 {
			return "", false
		}
		y = 1 - y // astronomical: 1 BCE is year 0
	}
	return edtfYear(y), true
}

// edtfYear writes an astronomical year as EDTF: four digits, or Y and
// all of them.
func edtfYear(y int64) string {
	switch {
	case y > 9999 || y < -9999:
		return "Y" + strconv.FormatInt(y, 10)
	case y < 0:
		return "-" + string(appendPadded(nil, -y, 4))
	}
	return string(appendPadded(nil, y, 4))
}

// humanYearsAgo reads deep time as chrono shows it, "13.8 billion years
// ago", into an EDTF year. Like TimelineJS's year -13800000000, the figure
// is taken as the year BCE.
func humanYearsAgo(s string) (string, bool) {
	for _, u := range []struct {
		suffix string
		digits int
	}{{" million years ago", 6}, {" billion years ago", 9}} {
		figure, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		whole, frac, _ := strings.Cut(strings.TrimSpace(figure), ".")
		if whole == "" || len(whole) > 3 || len(frac) > u.digits || !allDigits(whole) || !allDigits(frac) {
			return "", false
		}
		n, _ := strconv.ParseInt(whole+frac+strings.Repeat("0", u.digits-len(frac)), 10, 64)
		return edtfYear(1 - n), true
	}
	return "", false
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ungroupDigits drops the commas that group a number's digits in
// threes: "13,812,345,679 BCE" is "13812345679 BCE".
func ungroupDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && i+3 < len(s) && isDigit(s[i-1]) &&
			isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && (i+4 == len(s) || !isDigit(s[i+4])) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthOf returns the two-digit month (or EDTF season) a word names.
func monthOf(w string) string {
	w = strings.TrimSuffix(w, ".")
	for i, name := range monthNames {
		full := strings.ToLower(fullMonthNames[i])
		if w == strings.ToLower(name) || w == full || (len(w) >= 3 && strings.HasPrefix(full, w)) {
			return pad2(i + 1)
		}
	}
	for i, name := range seasonNames {
		if w == strings.ToLower(name) || (i == 2 && w == "fall") {
			return strconv.Itoa(21 + i)
		}
	}
	return ""
}

var fullMonthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func pad2(n int) string { return string(appendPadded(nil, int64(n), 2)) }

// fullClock writes a clock with seconds, as EDTF wants: "15:04" is
// "15:04:00", and a zone stays as it is.
func fullClock(c string) string {
	c = strings.ToUpper(c)
	i := strings.IndexAny(c, "Z+-")
	zone := ""
	if i >= 0 {
		c, zone = c[:i], c[i:]
	}
	if strings.Count(c, ":") == 1 {
		c += ":00"
	}
	if len(c) == 7 { // "9:30:00"
		c = "0" + c
	}
	return c + zone
}

// qualifiedLabel reads a date as chrono shows it with EDTF's qualifier
// after it ("1990s~", "Aug 2017%"), as the label's own words say it:
// "c. 1990s", "c. Aug 2017?". Only a single date: after an interval the
// qualifier is its end's, which "c." would put on its start. ok is false
// for anything else.
func qualifiedLabel(s string) (Date, bool) {
	rest, q := s[:len(s)-min(len(s), 1)], s[len(s)-min(len(s), 1):]
	rest = strings.TrimSpace(rest)
	if rest == "" || strings.ContainsAny(rest, "~?%") {
		return Date{}, false
	}
	if plain, err := ReadDate(rest); err != nil || plain.IsZero() || plain.IsInterval() {
		return Date{}, false
	}
	var words string
	switch q {
	case "~":
		words = "c. " + rest
	case "%":
		words = "c. " + rest + "?"
	default:
		return Date{}, false
	}
	d, err := ReadDate(words)
	return d, err == nil && !d.IsZero() && !d.IsInterval()
}

// bareLongYear finds, in a date written as people write dates, a number
// of five digits or more with no era after it and no commas grouping
// its digits ("Aug 20177"): a year mistyped far more often than one
// after 9999, which chrono shows grouped and with its era ("Aug 20,177
// CE"). A number of years ago is left to be read as one.
func bareLongYear(s string) (string, bool) {
	l := strings.ToLower(s)
	if strings.Contains(l, "ago") {
		return "", false
	}
	for _, era := range []string{"bce", "bc", "b.c.", "ce", "ad", "a.d."} {
		for w := range strings.FieldsSeq(l) {
			if w == era {
				return "", false
			}
		}
	}
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		// Grouped (20,177), or no year: a fraction of a second
		// (15:04:05.123456), a number with a decimal point.
		notYear := i > 0 && strings.IndexByte(",.:", s[i-1]) >= 0 || j < len(s) && strings.IndexByte(",.:", s[j]) >= 0
		if j-i > 4 && !notYear {
			return s[i:j], true
		}
		i = j
	}
	return "", false
}

// digitWords name the lengths bareLongYear finds, past which "many".
var digitWords = []string{5: "five", 6: "six", 7: "seven", 8: "many"}
