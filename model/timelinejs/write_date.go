package timelinejs

import (
	"slices"
	"strings"

	"chrono/model"
)

// tlDate is a TimelineJS date with only the fields the date has, so that
// TimelineJS shows it at its precision: August 2017 is {"year": 2017,
// "month": 8}, with no day. Time fields are pointers because midnight is
// written as 0. A time's second is written even when it is 0, as chrono
// holds it: TimelineJS shows {"hour": 14, "minute": 30, "second": 0} as
// it shows 14:30 without one (a zero field is an absent one to its choice
// of format), and reading the export back then fills nothing in, so it
// counts nothing (see TimeNoSeconds).
type tlDate struct {
	// Year is never 0, which TimelineJS shows as 0 (chrono writes 1 BCE
	// as -1): an end_date without one is an end of words alone, an open
	// end's (see eventSlide).
	Year        int64 `json:"year,omitzero"`
	Month       int   `json:"month,omitzero"`
	Day         int   `json:"day,omitzero"`
	Hour        *int  `json:"hour,omitempty"`
	Minute      *int  `json:"minute,omitempty"`
	Second      *int  `json:"second,omitempty"`
	Millisecond *int  `json:"millisecond,omitempty"`
	// DisplayDate is the date's own display_date: the event's date text,
	// when it names this end of the date (model.DateTextPart).
	DisplayDate string `json:"display_date,omitempty"`
}

// dateShortfall is what TimelineJS's date fields cannot show of a date;
// each is shown in display_date instead.
type dateShortfall struct {
	openEnd, qualifier, season, unspecified, offset, fraction bool
	// endFirst is an interval whose end TimelineJS would place before its
	// start: it places a date at the start of its span, so 2021-03/2021
	// would end on 1 January 2021.
	endFirst bool
	// midnight is a time of 00:00:00, which TimelineJS shows as a day,
	// since it takes a zero field for an absent one. It reads back fine.
	midnight bool
}

// any reports whether display_date must show the date.
func (s dateShortfall) any() bool { return s.lost() || s.midnight }

// lost reports whether the fields lose something of the date.
func (s dateShortfall) lost() bool {
	return s.openEnd || s.endFirst || s.qualifier || s.season || s.unspecified || s.offset || s.fraction
}

// count adds the losses of one event's date.
func (s dateShortfall) count(losses *model.Losses) {
	for _, l := range []struct {
		lost bool
		loss model.Loss
	}{
		{s.openEnd, LossOpenEnd}, {s.endFirst, LossEndBeforeStart}, {s.qualifier, LossQualifier}, {s.season, LossSeason},
		{s.unspecified, LossUnspecified}, {s.offset, LossOffset}, {s.fraction, LossFraction},
	} {
		if l.lost {
			losses.Add(l.loss, 1)
		}
	}
}

// timelineDates converts a date to a TimelineJS start_date and end_date.
// An interval's open or unknown end cannot be shown: the known end stands
// alone, as the start_date that TimelineJS requires.
func timelineDates(d model.Date) (start tlDate, end *tlDate, short dateShortfall) {
	if !d.IsInterval() {
		return timelineDate(d, &short), nil, short
	}
	s, sok := d.Start()
	e, eok := d.End()
	switch {
	case sok && eok:
		start = timelineDate(s, &short)
		last := timelineDate(e, &short)
		if last.before(start) {
			short.endFirst = true
			break
		}
		end = &last
	case sok:
		start = timelineDate(s, &short)
		short.openEnd = true
	default:
		start = timelineDate(e, &short)
		short.openEnd = true
	}
	return start, end, short
}

// openEnded reports whether d is an interval from a known start to an
// open end (2017-08/..), one that goes on.
func openEnded(d model.Date) bool {
	_, sok := d.Start()
	_, eok := d.End()
	return d.IsInterval() && sok && !eok && !d.UnknownEnd()
}

// before reports whether TimelineJS places d before o: at the start of
// its span, reading its time as written.
func (d tlDate) before(o tlDate) bool {
	a, b := d.key(), o.key()
	return slices.Compare(a[:], b[:]) < 0
}

// key is what TimelineJS makes of a date: an absent month or day is the
// first, an absent time midnight.
func (d tlDate) key() [7]int64 {
	k := [7]int64{d.Year, max(int64(d.Month), 1), max(int64(d.Day), 1)}
	for i, p := range []*int{d.Hour, d.Minute, d.Second, d.Millisecond} {
		if p != nil {
			k[3+i] = int64(*p)
		}
	}
	return k
}

// timelineDate converts a single date: the fields down to its precision,
// and for a season or unspecified digits the coarser fields that hold.
func timelineDate(d model.Date, short *dateShortfall) tlDate {
	y, month, day, hour, minute, second, nanos := d.Parts()
	out := tlDate{Year: timelineYear(y)}
	edtf := d.String()
	short.qualifier = short.qualifier || d.Qualifier() != model.Certain
	// A year's significant digits (1950S2) leave its last digits unspecified.
	short.unspecified = short.unspecified || strings.ContainsAny(edtf, "XS")
	switch d.Precision() {
	case model.PrecisionSeason:
		short.season = true
	case model.PrecisionMonth:
		out.Month = month
	case model.PrecisionDay:
		out.Month, out.Day = month, day
	case model.PrecisionSecond:
		out.Month, out.Day = month, day
		out.Hour, out.Minute, out.Second = &hour, &minute, &second
		short.offset = short.offset || d.HasOffset()
		digits := fractionDigits(edtf)
		if digits > 0 {
			ms := nanos / 1_000_000
			out.Millisecond = &ms
			short.fraction = short.fraction || digits != 3
		}
		short.midnight = short.midnight || hour == 0 && minute == 0 && second == 0 && digits == 0
	}
	return out
}

// timelineYear converts an astronomical year to TimelineJS's numbering,
// in which -N is labelled N BCE: astronomical -42 (43 BCE) is -43.
func timelineYear(y int64) int64 {
	if y <= 0 {
		return y - 1
	}
	return y
}

// fractionDigits counts the digits after the decimal point of the seconds
// in a single EDTF date.
func fractionDigits(edtf string) int {
	i := strings.IndexByte(edtf, '.')
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range edtf[i+1:] {
		if c < '0' || c > '9' {
			break
		}
		n++
	}
	return n
}
