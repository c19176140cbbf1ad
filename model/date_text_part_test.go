package model

import "testing"

// TestDateTexts: date text of a part gives the words of each part of the
// date; words whose part no longer fits them (edited since), or of the
// whole date, name the whole date.
func TestDateTexts(t *testing.T) {
	for _, tc := range []struct {
		text string
		of   DateTextPart
		want DateTexts
	}{
		{"Summer 2017", DateTextStart, DateTexts{Start: "Summer 2017"}},
		{"early 1946", DateTextEnd, DateTexts{End: "early 1946"}},
		{"Summer 1943 – early 1946", DateTextEnds, DateTexts{Start: "Summer 1943", End: "early 1946"}},
		{"Summer 1943 – early – 1946", DateTextEnds, DateTexts{Start: "Summer 1943", End: "early – 1946"}},
		{"Summer 1943 to early 1946", DateTextEnds, DateTexts{Whole: "Summer 1943 to early 1946"}},
		{" – early 1946", DateTextEnds, DateTexts{Whole: " – early 1946"}},
		{"last year", DateTextWhole, DateTexts{Whole: "last year"}},
		{"", DateTextStart, DateTexts{}},
		{"Spring – Summer 1943 – early 1946", "start:22,end", DateTexts{Start: "Spring – Summer 1943", End: "early 1946"}},
		{"the war – 1943 – 1946", "whole:7,start:4,end", DateTexts{Whole: "the war", Start: "1943", End: "1946"}},
		{"the war – 1943", "whole:7,start", DateTexts{Whole: "the war", Start: "1943"}},
		{"the war – 1946", "whole:7,end", DateTexts{Whole: "the war", End: "1946"}},
		{"the war, 1943 – 1946", "whole:7,start:4,end", DateTexts{Whole: "the war, 1943 – 1946"}},
		{"the war – 1943", "whole:14,start", DateTexts{Whole: "the war – 1943"}},
		{"the war – ", "whole:7,end", DateTexts{Whole: "the war – "}},
	} {
		e := Event{DateText: tc.text, DateTextOf: tc.of}
		if got := e.DateTexts(); got != tc.want {
			t.Errorf("%q of %q: %+v; want %+v", tc.text, tc.of, got, tc.want)
		}
	}
}

// TestDateTextsJoin: the words of each part come back from the date text
// they join into, named by a single part where one does, so that a
// chrono that knows only those reads them.
func TestDateTextsJoin(t *testing.T) {
	for _, tc := range []struct {
		t    DateTexts
		text string
		of   DateTextPart
	}{
		{DateTexts{}, "", DateTextWhole},
		{DateTexts{Whole: "last year"}, "last year", DateTextWhole},
		{DateTexts{Start: "Summer 2017"}, "Summer 2017", DateTextStart},
		{DateTexts{End: "early 1946"}, "early 1946", DateTextEnd},
		{DateTexts{Start: "Summer 1943", End: "early – 1946"}, "Summer 1943 – early – 1946", DateTextEnds},
		{DateTexts{Start: "Spring – Summer 1943", End: "early 1946"}, "Spring – Summer 1943 – early 1946", "start:22,end"},
		{DateTexts{Whole: "the war", Start: "1943", End: "1946"}, "the war – 1943 – 1946", "whole:7,start:4,end"},
		{DateTexts{Whole: "the war", End: "1946"}, "the war – 1946", "whole:7,end"},
		{DateTexts{Whole: "été – hiver", Start: "été"}, "été – hiver – été", "whole:15,start"},
	} {
		text, of := tc.t.Join()
		if text != tc.text || of != tc.of {
			t.Errorf("%+v joins into %q of %q, want %q of %q", tc.t, text, of, tc.text, tc.of)
		}
		if !of.Valid() {
			t.Errorf("%+v: part %q not valid", tc.t, of)
		}
		e := Event{DateText: text, DateTextOf: of}
		if got := e.DateTexts(); got != tc.t {
			t.Errorf("%+v reads back as %+v", tc.t, got)
		}
	}
}

// TestDateTextPartValid: a list names two parts or more, in order, each
// but the last with the length of its words.
func TestDateTextPartValid(t *testing.T) {
	for _, tc := range []struct {
		of   DateTextPart
		want bool
	}{
		{"", true}, {"start", true}, {"end", true}, {"ends", true},
		{"whole:9,start:11,end", true}, {"start:3,end", true}, {"whole:1,end", true},
		{"middle", false}, {"whole", false}, {"start:3", false}, {"start,end", false},
		{"end:3,start", false}, {"start:3,start", false}, {"start:0,end", false},
		{"start:03,end", false}, {"start:-3,end", false}, {"whole:2,start:3,end:4", false},
		{"whole:2,,end", false}, {"start:3,end,", false},
	} {
		if got := tc.of.Valid(); got != tc.want {
			t.Errorf("%q valid: %v, want %v", tc.of, got, tc.want)
		}
	}
}

// TestSetDateText: words written by hand name the whole date, unless
// they are the words there already, which keep the part they name.
func TestSetDateText(t *testing.T) {
	for _, tc := range []struct {
		text   string
		of     DateTextPart
		set    string
		wantOf DateTextPart
	}{
		{"Summer 2017", DateTextStart, "Summer 2017", DateTextStart},
		{"Summer 2017", DateTextStart, "late summer 2017", DateTextWhole},
		{"Summer 2017", DateTextStart, "", DateTextWhole},
		{"Summer 1943 – early 1946", DateTextEnds, "", DateTextWhole},
		{"the war – 1943", "whole:7,start", "the war – 1944", DateTextWhole},
		{"last year", DateTextWhole, "the year before", DateTextWhole},
		{"", DateTextWhole, "last year", DateTextWhole},
	} {
		e := Event{DateText: tc.text, DateTextOf: tc.of}
		e.SetDateText(tc.set)
		if e.DateText != tc.set || e.DateTextOf != tc.wantOf {
			t.Errorf("%q of %q set to %q: %q of %q; want %q of %q", tc.text, tc.of, tc.set, e.DateText, e.DateTextOf, tc.set, tc.wantOf)
		}
	}
}
