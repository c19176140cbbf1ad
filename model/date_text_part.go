package model

import (
	"strconv"
	"strings"
)

// DateTextPart is the part of an event's date its date text names. A
// TimelineJS slide gives words for its whole date (its display_date) or
// for its start_date and end_date apart (their own display_date), or for
// both: an export writes them back where they were.
//
// Beside the single parts below, a DateTextPart may list the parts whose
// words the date text holds in turn, each after DateTextJoin, in the
// order whole, start, end: "whole:9,start:11,end". Each part but the last
// has the length in bytes of its words, since the words themselves may
// hold DateTextJoin ("Spring – Summer 1943", then "early 1946").
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
	// the end ("Summer 1943 – early 1946"), the start's words holding
	// no DateTextJoin.
	DateTextEnds DateTextPart = "ends"
)

// DateTextParts are the single parts date text may name, but the whole
// date.
var DateTextParts = []DateTextPart{DateTextStart, DateTextEnd, DateTextEnds}

// DateTextJoin is what stands between the words of a date's start and
// those of its end (DateTextEnds), and between the words of the parts a
// DateTextPart lists.
const DateTextJoin = " – "

// Valid reports whether p is one of the parts, or a list of them.
func (p DateTextPart) Valid() bool {
	for _, v := range DateTextParts {
		if p == v {
			return true
		}
	}
	if p == DateTextWhole {
		return true
	}
	_, ok := p.list()
	return ok
}

// DateTexts are the words date text gives each part of a date: the
// whole date, its start and its end; "" for a part it says nothing of.
type DateTexts struct {
	Whole, Start, End string
}

// DateTexts returns the words e's date text gives each part of its
// date. Date text of the whole date, and date text whose parts no longer
// fit it (edited since), are words of the whole date.
func (e *Event) DateTexts() DateTexts {
	whole := DateTexts{Whole: e.DateText}
	if e.DateText == "" {
		return DateTexts{}
	}
	switch e.DateTextOf {
	case DateTextWhole:
		return whole
	case DateTextStart:
		return DateTexts{Start: e.DateText}
	case DateTextEnd:
		return DateTexts{End: e.DateText}
	case DateTextEnds:
		if start, end, ok := strings.Cut(e.DateText, DateTextJoin); ok && start != "" && end != "" {
			return DateTexts{Start: start, End: end}
		}
		return whole
	}
	parts, ok := e.DateTextOf.list()
	if !ok {
		return whole
	}
	var t DateTexts
	rest := e.DateText
	for i, p := range parts {
		words := rest
		if i < len(parts)-1 {
			if p.length > len(rest) || !strings.HasPrefix(rest[p.length:], DateTextJoin) {
				return whole
			}
			words, rest = rest[:p.length], rest[p.length+len(DateTextJoin):]
		}
		if words == "" {
			return whole
		}
		*t.of(p.name) = words
	}
	return t
}

// Apart reports whether t gives words to the start or the end.
func (t DateTexts) Apart() bool { return t.Start != "" || t.End != "" }

// Join returns the date text that holds t's words and the part it
// names: a single part's name where one does ("ends" for words of the
// start and the end, when the start's hold no DateTextJoin), so that
// such date text is what a chrono that knows only those reads.
func (t DateTexts) Join() (string, DateTextPart) {
	switch {
	case t.Whole == "" && t.Start == "" && t.End == "":
		return "", DateTextWhole
	case t.Start == "" && t.End == "":
		return t.Whole, DateTextWhole
	case t.Whole == "" && t.End == "":
		return t.Start, DateTextStart
	case t.Whole == "" && t.Start == "":
		return t.End, DateTextEnd
	case t.Whole == "" && !strings.Contains(t.Start, DateTextJoin):
		return t.Start + DateTextJoin + t.End, DateTextEnds
	}
	var text, part strings.Builder
	last := ""
	for _, p := range []struct{ name, words string }{{"whole", t.Whole}, {"start", t.Start}, {"end", t.End}} {
		if p.words == "" {
			continue
		}
		if last != "" {
			text.WriteString(DateTextJoin)
			part.WriteString(":" + strconv.Itoa(len(last)) + ",")
		}
		text.WriteString(p.words)
		part.WriteString(p.name)
		last = p.words
	}
	return text.String(), DateTextPart(part.String())
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
