package model

import "testing"

// TestSplitDateText: date text of a part gives the words of the start
// and of the end; words of both ends that no longer hold the join, or
// of the whole date, name the whole date.
func TestSplitDateText(t *testing.T) {
	for _, tc := range []struct {
		text       string
		of         DateTextPart
		start, end string
		ok         bool
	}{
		{"Summer 2017", DateTextStart, "Summer 2017", "", true},
		{"early 1946", DateTextEnd, "", "early 1946", true},
		{"Summer 1943 – early 1946", DateTextEnds, "Summer 1943", "early 1946", true},
		{"Summer 1943 – early – 1946", DateTextEnds, "Summer 1943", "early – 1946", true},
		{"Summer 1943 to early 1946", DateTextEnds, "", "", false},
		{" – early 1946", DateTextEnds, "", "", false},
		{"last year", DateTextWhole, "", "", false},
		{"", DateTextStart, "", "", false},
	} {
		e := Event{DateText: tc.text, DateTextOf: tc.of}
		start, end, ok := e.SplitDateText()
		if start != tc.start || end != tc.end || ok != tc.ok {
			t.Errorf("%q of %q: %q, %q, %v; want %q, %q, %v", tc.text, tc.of, start, end, ok, tc.start, tc.end, tc.ok)
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
