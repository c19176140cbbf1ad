package markdown

import (
	"strings"

	"chrono/model"
)

// section is the part of the chronology an event goes under: the year of
// its earliest bound as written, or the decade or century when its start
// is known only to one (201X goes under "2010s", not "2010", which would
// read as the year it happened), a section for events whose start is open or
// unknown (they may begin before any year shown), or one for undated
// events.
type section struct {
	kind sectionKind
	year int64 // the first year of the section
	last int64 // the last year of a decade or century
}

type sectionKind uint8

const (
	openStart sectionKind = iota
	inYear
	inYears
	undated
)

func sectionOf(d model.Date) section {
	switch {
	case d.IsZero():
		return section{kind: undated}
	case d.Earliest() == model.BeginningOfTime:
		return section{kind: openStart}
	}
	// By the clock as written, as the event's heading shows it: 22:00
	// -05:00 on New Year's Eve is in the year that ends, whatever UTC says.
	year, _, _ := d.SpanShown(model.ZoneWritten).Earliest.Civil()
	if start, ok := d.Start(); ok && start.Precision() < model.PrecisionYear {
		last, _, _ := start.Latest().Civil()
		if last != year {
			return section{kind: inYears, year: year, last: last}
		}
	}
	return section{kind: inYear, year: year}
}

// utcSectionOf is the year in UTC of a date whose earliest bound is a
// time written with an offset, when it is not the year its clock shows
// (sectionOf): 00:30 +02:00 on New Year's Day is 22:30 UTC the day
// before. The chronology orders a time without an offset as if it were
// UTC, so it is by this year that the order places such a date among
// the dates that have none.
func utcSectionOf(d model.Date) (section, bool) {
	s := sectionOf(d)
	start, ok := d.Start()
	if s.kind != inYear || !ok || !start.HasOffset() {
		return section{}, false
	}
	year, _, _ := d.Earliest().Civil()
	if year == s.year {
		return section{}, false
	}
	return section{kind: inYear, year: year}, true
}

// sectionFor is the section an event of date d goes under, current
// being the section open (opened is false before the first event): its
// sectionOf, or for a time with an offset whose year in UTC is another
// (utcSectionOf), that year when it is the section open, or when it is
// earlier than the year the clock shows and is neither written above
// nor earlier than the section open. The order places such a time among
// the dates without an offset by its UTC instant: under its clock's
// year it would open that year before the last events of the year
// before, which would then be called out of date order for an offset.
// utc reports that the section is the UTC year's, which the event's
// heading then says.
func sectionFor(d model.Date, current section, opened bool, written map[string]bool) (s section, utc bool) {
	s = sectionOf(d)
	u, ok := utcSectionOf(d)
	switch {
	case !ok:
	case opened && u.title() == current.title():
		return u, true
	case opened && s.title() == current.title():
	case u.before(s) && !written[u.title()] && !(opened && u.before(current)):
		return u, true
	}
	return s, false
}

// before reports whether s comes before o in time: the open start
// first, the undated last, the others by their first year.
func (s section) before(o section) bool {
	if s.kind == openStart || o.kind == openStart || s.kind == undated || o.kind == undated {
		return s.kind == openStart && o.kind != openStart || o.kind == undated && s.kind != undated
	}
	return s.year < o.year
}

// title is the section's heading: "2017", "44 BCE", "2010s", "2000–2099",
// "20–11 BCE", "Start unknown", "Undated".
func (s section) title() string {
	switch s.kind {
	case openStart:
		return "Start unknown"
	case undated:
		return "Undated"
	case inYears:
		first, last := model.YearLabel(s.year), model.YearLabel(s.last)
		switch {
		case s.year > 0 && s.year%10 == 0 && s.last == s.year+9:
			return first + "s"
		case s.year > 0:
			return first + "–" + last
		case s.last <= 0 && strings.HasSuffix(first, " BCE") && strings.HasSuffix(last, " BCE"):
			return strings.TrimSuffix(first, " BCE") + "–" + last // as dates label them: 20–11 BCE
		}
		return first + " – " + last
	}
	return model.YearLabel(s.year)
}
