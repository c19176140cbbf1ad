package timelinejs

import (
	"strings"

	"chrono/model"
)

// toldDate reads the date a slide's display_date tells more exactly than
// its start_date and end_date can, as chrono writes it for what those
// fields cannot show: the date's label ("c. 2017", "since Aug 2017",
// "4 Mar 2020 10:00:00 +02:00"), or the label and the event's date text
// (`c. 2021 “about then”`). It returns the date and the date text.
//
// ok is false unless display is exactly chrono's label of a date for which
// chrono writes the same start_date and end_date as for the date the
// fields give, so that words ("Summer 1943 to early 1946"), another
// spelling of a date ("circa 2017") and a date the fields contradict
// ("c. 2018" beside 2017) stay the date text.
func toldDate(display string, fields model.Date) (d model.Date, text string, ok bool) {
	d, text, merged, lost, ok := labelled(display, fields)
	if !ok || merged && !lost && !guarded(text, fields) {
		// A label the fields show before words is someone's words
		// ("2021 “last year”"), unless chrono wrote it to guard them.
		return model.Date{}, "", false
	}
	if _, _, short := timelineDates(d); !merged && !short.any() {
		// chrono writes no label alone for a date the fields show: the
		// file's own display_date, which happens to read as chrono
		// would put it ("1 Feb 2022"), is kept as it was.
		return model.Date{}, "", false
	}
	return d, text, true
}

// told reports whether text, read back from a display_date beside the
// fields of d, would be taken for chrono's label of a date (toldDate)
// rather than words.
func told(text string, d model.Date) bool {
	_, _, ok := toldDate(text, d)
	return ok
}

// labelled reads display as chrono's label of a date the fields agree
// with, alone or followed by date text in quotation marks, and reports
// whether the text was there and whether the fields lose something of
// the date.
func labelled(display string, fields model.Date) (d model.Date, text string, merged, lost, ok bool) {
	label := display
	if l, rest, found := strings.Cut(display, " “"); found {
		t, closed := strings.CutSuffix(rest, "”")
		if !closed || t != oneLine(t) {
			// chrono writes the words as one line, without spaces around.
			return model.Date{}, "", false, false, false
		}
		label, text, merged = l, t, true
	}
	d, err := model.ReadDate(label)
	if err != nil || d.IsZero() || d.Label() != label {
		if d, ok = unreadLabel(label, fields); !ok {
			return model.Date{}, "", false, false, false
		}
	}
	start, end, short := timelineDates(d)
	wantStart, wantEnd, _ := timelineDates(fields)
	if !start.equal(wantStart) || !sameEnd(start, end, wantEnd) || !short.any() && d != fields {
		// The fields say otherwise, or chrono writes no label for the
		// date ("2021 – 2021" beside 2021).
		return model.Date{}, "", false, false, false
	}
	return d, text, merged, short.lost(), true
}

// guarded reports whether date text beside a date d its fields show is
// written after d's label, because alone it would read back as something
// else: chrono's label of a date the fields agree with ("Spring 2017"
// beside 2017), alone or before words, or such words guarded in turn
// (`2017 “c. 2017”`), or chrono's label of another date (“c. 2018”
// beside 2017, “since Aug 2017” beside Sep 2017), alone or before words,
// which alone reads back as the export's label left behind when the
// fields were changed (misread).
// Text that only repeats d's label is no date text.
func guarded(text string, d model.Date) bool {
	label := d.Label()
	for text != label {
		_, inner, merged, lost, ok := labelled(text, d)
		switch {
		case !ok:
			return misread(text, d)
		case !merged || lost:
			return true
		}
		// d's label and more words: they read back as themselves unless
		// they are guarded. A loop, not recursion, keeps deep nesting cheap.
		text = inner
	}
	return false
}

// equal reports whether two TimelineJS dates have the same fields.
func (d tlDate) equal(o tlDate) bool {
	same := func(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
	return d.Year == o.Year && d.Month == o.Month && d.Day == o.Day &&
		same(d.Hour, o.Hour) && same(d.Minute, o.Minute) && same(d.Second, o.Second) && same(d.Millisecond, o.Millisecond)
}

// sameEnd reports whether two slides with the same start_date have the
// same end_date as they are read: an end_date equal to the start_date
// reads as none.
func sameEnd(start tlDate, a, b *tlDate) bool {
	if a != nil && a.equal(start) {
		a = nil
	}
	if b != nil && b.equal(start) {
		b = nil
	}
	return a == nil && b == nil || a != nil && b != nil && a.equal(*b)
}
