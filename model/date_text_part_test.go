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
