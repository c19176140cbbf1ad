package model

import "strings"

// DateTextPart is the part of an event's date its date text names. A
// TimelineJS slide gives words for its whole date (its display_date) or
// for its start_date and end_date apart (their own display_date): an
// export writes them back where they were.
type DateTextPart string

// The parts of a date that date text names.
const (
	// DateTextWhole: the words name the whole date.
	DateTextWhole DateTextPart = ""
	// DateTextStart: the words name the date's start ("Summer 2017").
	DateTextStart DateTextPart = "start"
	// DateTextEnd: the words name the date's end.
	DateTextEnd DateTextPart = "end"
	// DateTextEnds: the words name the start, then after DateTextJoin
	// the end ("Summer 1943 – early 1946").
	DateTextEnds DateTextPart = "ends"
)

// DateTextParts are the parts date text may name, but the whole date.
var DateTextParts = []DateTextPart{DateTextStart, DateTextEnd, DateTextEnds}

// DateTextJoin is what stands between the words of a date's start and
// those of its end (DateTextEnds).
const DateTextJoin = " – "

// Valid reports whether p is one of the parts.
func (p DateTextPart) Valid() bool {
	for _, v := range DateTextParts {
		if p == v {
			return true
		}
	}
	return p == DateTextWhole
}

// SplitDateText returns the words e's date text gives its start and its
// end, when it names them apart; ok is false when it names the whole
// date, and for words of both ends that do not hold DateTextJoin (edited
// since), which then name the whole date.
func (e *Event) SplitDateText() (start, end string, ok bool) {
	switch e.DateTextOf {
	case DateTextStart:
		return e.DateText, "", e.DateText != ""
	case DateTextEnd:
		return "", e.DateText, e.DateText != ""
	case DateTextEnds:
		if start, end, ok = strings.Cut(e.DateText, DateTextJoin); ok && start != "" && end != "" {
			return start, end, true
		}
	}
	return "", "", false
}

// SetDateText sets e's date text to s as a person writes it: words that
// change are words of the whole date, whatever part the words they
// replace named, and no words name no part.
func (e *Event) SetDateText(s string) {
	if s != e.DateText {
		e.DateText, e.DateTextOf = s, DateTextWhole
	}
	if s == "" {
		e.DateTextOf = DateTextWhole
	}
}
