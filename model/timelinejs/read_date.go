package timelinejs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/native"
)

// datePart is one field of a TimelineJS date, with where it was found.
type datePart struct {
	v   int64
	set bool
	at  int64
}

// dateParts are the fields of a TimelineJS date, from the coarsest.
var dateParts = [...]string{"year", "month", "day", "hour", "minute", "second", "millisecond"}

// readDate reads a TimelineJS date object into an EDTF date at the
// precision of its finest field: {"year": 2017, "month": 8} is 2017-08.
// A time of day is to the second, as EDTF's are: {"hour": 14, "minute":
// 30} is 14:30:00, counted (see TimeNoSeconds).
// It returns the EDTF text, its display_date, and whether the object holds
// a date at all ("end_date": {} does not). Problems are noted on s.
func (rd *reader) readDate(s *slide, m *member) (edtf, display string, ok bool) {
	field := m.name
	if field == "startDate" || field == "endDate" {
		edtf, ok = rd.readDate2(s, m)
		return edtf, "", ok
	}
	if m.value.Kind() != '{' {
		s.problem(m.at, fmt.Sprintf(`%s: want an object such as {"year": 2017, "month": 8}, found %s`, field, native.KindName(m.value.Kind())))
		return "", "", false
	}
	var parts [len(dateParts)]datePart
	bad := false
	for _, f := range members(m.value, m.at) {
		i := indexOf(dateParts[:], f.name)
		switch {
		case i >= 0:
			v, set, msg := wholeNumber(f.value)
			if msg != "" {
				s.problem(f.at, fmt.Sprintf("%s: %s: %s", field, f.name, msg))
				bad = true
				continue
			}
			parts[i] = datePart{v: v, set: set, at: f.at}
		case f.name == "display_date":
			str, isString := stringOf(f.value)
			if !isString {
				s.problem(f.at, fmt.Sprintf("%s: display_date: want a string, found %s", field, native.KindName(f.value.Kind())))
				bad = true
				continue
			}
			display = oneLine(rd.text(str))
		case f.name == "format" || f.name == "format_short":
			if carries(f.value) {
				rd.losses.Add(LossDateFormat, 1)
			}
		default:
			if carries(f.value) {
				rd.losses.Add(LossUnknownMember, 1)
			}
		}
	}
	if bad {
		return "", display, false
	}
	empty := true
	for _, p := range parts {
		empty = empty && !p.set
	}
	if empty && field == "end_date" {
		return "", display, false // an empty end is no end, as in spreadsheet exports
	}
	edtf, ok = rd.edtf(s, field, m.at, parts)
	return edtf, display, ok
}

// edtf checks the fields of a date and writes them as EDTF.
func (rd *reader) edtf(s *slide, field string, at int64, p [len(dateParts)]datePart) (string, bool) {
	year, month, day, hour, minute, second, milli := p[0], p[1], p[2], p[3], p[4], p[5], p[6]
	fail := func(at int64, format string, args ...any) (string, bool) {
		s.problem(at, field+": "+fmt.Sprintf(format, args...))
		return "", false
	}
	if !year.set {
		return fail(at, `year missing: every date has one, e.g. {"year": 2017}`)
	}
	// Each field needs the one above it: chrono will not invent a month
	// for a day, nor a day for a time.
	for i := 1; i < len(p); i++ {
		if p[i].set && !p[i-1].set {
			return fail(p[i].at, "%s %d needs %s", dateParts[i], p[i].v, withArticle(dateParts[i-1]))
		}
	}
	astro := astronomicalYear(year.v)
	if year.v == 0 {
		rd.losses.Add(LossYearZero, 1)
	}
	b := []byte(edtfYear(astro))
	switch {
	case !month.set:
		return rd.parsed(s, field, year.at, string(b))
	case month.v < 1 || month.v > 12:
		return fail(month.at, "month %d out of range (1–12)", month.v)
	}
	b = fmt.Appendf(b, "-%02d", month.v)
	if !day.set {
		return rd.parsed(s, field, year.at, string(b))
	}
	if n := daysIn(astro, int(month.v)); day.v < 1 || day.v > int64(n) {
		return fail(day.at, "day %d out of range (%s %s has %d days)", day.v, monthName(int(month.v)), model.YearLabel(astro), n)
	}
	b = fmt.Appendf(b, "-%02d", day.v)
	switch {
	case !hour.set:
		return rd.parsed(s, field, year.at, string(b))
	case hour.v < 0 || hour.v > 23:
		return fail(hour.at, "hour %d out of range (0–23)", hour.v)
	case minute.set && (minute.v < 0 || minute.v > 59):
		return fail(minute.at, "minute %d out of range (0–59)", minute.v)
	case second.set && (second.v < 0 || second.v > 59):
		return fail(second.at, "second %d out of range (0–59)", second.v)
	case milli.set && (milli.v < 0 || milli.v > 999):
		return fail(milli.at, "millisecond %d out of range (0–999)", milli.v)
	}
	// chrono's times are to the second, as EDTF's are. TimelineJS places
	// 14:30 at 14:30:00, and so does this (an absent part is 0), counting
	// it: keeping only the day would lose the time for good.
	switch {
	case !minute.set:
		rd.losses.Add(TimeNoMinutes, 1)
	case !second.set:
		rd.losses.Add(TimeNoSeconds, 1)
	}
	b = fmt.Appendf(b, "T%02d:%02d:%02d", hour.v, minute.v, second.v)
	if milli.set {
		b = fmt.Appendf(b, ".%03d", milli.v)
	}
	return rd.parsed(s, field, year.at, string(b))
}

// parsed checks EDTF text made from a date's fields; what can still be
// wrong is the year's size.
func (rd *reader) parsed(s *slide, field string, yearAt int64, edtf string) (string, bool) {
	if _, err := model.ParseDate(edtf); err != nil {
		msg := err.Error()
		var de *model.DateError
		if errors.As(err, &de) {
			msg = de.Msg
		}
		s.problem(yearAt, field+": year: "+msg)
		return "", false
	}
	return edtf, true
}

// astronomicalYear converts a TimelineJS year, whose negative years are
// labelled as years BCE, to astronomical numbering: -43 (43 BCE) is -42.
// Year 0, which TimelineJS labels "0", is taken as 1 BCE, as JavaScript's
// Date takes it.
func astronomicalYear(y int64) int64 {
	if y < 0 {
		return y + 1
	}
	return y
}

// edtfYear writes an astronomical year as EDTF: four digits, or Y and the
// digits beyond that.
func edtfYear(y int64) string {
	switch {
	case y > 9999 || y < -9999:
		return "Y" + strconv.FormatInt(y, 10)
	case y < 0:
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// daysIn returns the number of days in a month of an astronomical year of
// the proleptic Gregorian calendar.
func daysIn(year int64, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func withArticle(part string) string {
	if part == "hour" {
		return "an hour"
	}
	return "a " + part
}

func monthName(m int) string {
	return [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}[m-1]
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// slideDate reads a slide's start_date and end_date into one date, an
// interval when the end differs from the start (TimelineJS drops an end
// equal to the start, and so does this, but for one TimelineJS keeps
// beside the start's own words; an end of words alone is open), and
// returns it with the words
// its display_date adds and the part of the date they name: the whole
// date for the slide's display_date, the start or the end for a date's
// own, each in turn for several (model.DateTexts.Join). A
// display_date that tells the date more exactly, as chrono writes what
// the fields cannot show, gives the date instead (see toldDate), and is
// counted.
func (rd *reader) slideDate(s *slide) (model.Date, string, model.DateTextPart) {
	if s.start == nil {
		s.problem(s.at, `start_date missing: every slide but the title has one, e.g. "start_date": {"year": 2017}`)
		return model.Date{}, "", model.DateTextWhole
	}
	before := len(s.problems)
	start, startDisplay, ok := rd.readDate(s, s.start)
	var end, endDisplay string
	if s.end != nil {
		end, endDisplay, _ = rd.readDate(s, s.end)
	}
	if !ok || len(s.problems) > before {
		return model.Date{}, "", model.DateTextWhole
	}
	edtf := start
	switch {
	case end != "" && end != start:
		edtf += "/" + end
	case end == "" && endDisplay != "":
		// An end_date of words alone ("present"), as TimelineJS authors
		// write an event that goes on: TimelineJS shows the words as the
		// end, and draws no span to a date. The end is open, and the
		// words are its date text.
		edtf += "/.."
	case end == start && startDisplay != "" && endDisplay == "":
		// TimelineJS drops an end_date equal to the start_date only when
		// it has each member of the start_date, its display_date too: an
		// end without the start's words is kept and shown ("Summer 2017
		// – August 2017"). Without words of its own to write it again,
		// it is the date's end, alike its start (2017-08/2017-08, which
		// chrono labels as its one date).
		edtf += "/" + end
	}
	d, err := model.ParseDate(edtf)
	if err != nil {
		// Each end is valid on its own, so the interval ends before it starts.
		s.problem(s.end.at, "end_date: before start_date; swap them")
		return model.Date{}, "", model.DateTextWhole
	}
	if s.display == "" {
		text, part := model.DateTexts{Start: startDisplay, End: endDisplay}.Join()
		return rd.displayed(d, text, part)
	}
	// The slide's display_date is what TimelineJS shows in place of both
	// dates' own, and what chrono writes its labels in: the dates' own are
	// kept beside it, each for its part.
	text := s.display
	if end != "" || endDisplay == "" || !loneLabel(s.display, d) {
		// Beside an end of words alone, which shows the open end, chrono
		// writes no label alone: one is the file's words ("since Aug
		// 2017").
		d, text, _ = rd.displayed(d, s.display, model.DateTextWhole)
	}
	text, part := model.DateTexts{Whole: text, Start: startDisplay, End: endDisplay}.Join()
	return d, text, part
}

// loneLabel reports whether display is chrono's label of d alone, with
// no words after it.
func loneLabel(display string, d model.Date) bool {
	told, _, merged, _, ok := labelled(display, d)
	return ok && !merged && told == d
}

// displayed reads the words a display_date gives date d, of the part
// named, into the date and the date text: the date it tells when it is
// chrono's label (toldDate), counting what it says the fields do not.
func (rd *reader) displayed(d model.Date, text string, part model.DateTextPart) (model.Date, string, model.DateTextPart) {
	if told, rest, ok := toldDate(text, d); ok {
		if told != d {
			rd.losses.Add(LossDateFromDisplay, 1)
		}
		return told, rest, model.DateTextWhole // chrono's label, which it writes for the whole date
	}
	label, words := labelAndWords(text)
	said, err := model.ReadDate(label)
	if err != nil || said.IsZero() {
		return d, text, part
	}
	// chrono writes its labels in the slide's display_date only: a date's
	// own is never one left behind.
	if q, ok := staleLabel(said, label, d); ok && part == model.DateTextWhole {
		rd.losses.Add(LossStaleLabel, 1)
		return q, words, part
	}
	switch {
	case !said.Overlaps(d):
		rd.losses.Add(LossDisplayElsewhere, 1)
	case part == model.DateTextWhole && labelOfAnother(said, label, d):
		// chrono's label of a date the fields share days with but do
		// not give (c. 2017 – 2019 beside 2017/2020, since Aug 2017
		// beside Sep 2017): the fields changed by hand, what the label
		// said beyond them is the date text now, and said.
		rd.losses.Add(LossLabelAsText, 1)
	}
	return d, text, part
}

// labelAndWords splits a display_date into chrono's label and the
// event's date text after it in quotation marks, as the export writes
// them; words is "" for a label alone.
func labelAndWords(display string) (label, words string) {
	if l, rest, found := strings.Cut(display, " “"); found {
		if w, closed := strings.CutSuffix(rest, "”"); closed {
			return l, w
		}
	}
	return display, ""
}

// labelOfAnother reports whether label, read as the date said, is
// chrono's label of a date the fields overlap but do not give
// (LossLabelAsText).
func labelOfAnother(said model.Date, label string, fields model.Date) bool {
	return said.Overlaps(fields) && said.String() != fields.String() && said.Label() == label && label != fields.Label()
}

// misread reports whether a date text written alone as a slide's
// display_date would be read as something it is not: chrono's label
// left behind beside fields changed by hand (staleLabel, alone or before
// words), or of a span the fields no longer give (labelOfAnother). The
// export writes such a text after its date's label (guarded).
func misread(text string, d model.Date) bool {
	label, _ := labelAndWords(text)
	said, err := model.ReadDate(label)
	if err != nil || said.IsZero() {
		return false
	}
	_, stale := staleLabel(said, label, d)
	return stale || labelOfAnother(said, label, d)
}

// qualifierMarks are EDTF's marks of a date's qualifier.
var qualifierMarks = map[model.Qualifier]string{model.Uncertain: "?", model.Approximate: "~", model.UncertainApproximate: "%"}

// staleLabel reads a display_date's label, read as the date said, that
// is chrono's label of a qualified single date ("c. 2019", "Aug 2017?")
// beside fields that give another date of the same precision: the
// export's label, left as it was when the fields were changed by hand
// (the year edited in TimelineJS's sheet). The date is the fields',
// qualified as the label said; the label, chrono's words rather than a
// source's, is no date text. Kept as the date text, it contradicted the
// date it stood beside, and the qualifier was lost.
func staleLabel(said model.Date, label string, fields model.Date) (model.Date, bool) {
	mark, qualified := qualifierMarks[said.Qualifier()]
	if !qualified || said.IsInterval() || fields.IsInterval() || fields.IsZero() ||
		said.Label() != label || fields.Qualifier() != model.Certain || said.Precision() != fields.Precision() || said.Overlaps(fields) {
		return model.Date{}, false
	}
	q, err := model.ParseDate(fields.String() + mark)
	return q, err == nil
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}
