package model

import "testing"

// A search without accents finds the text with them, in any case; one
// with accents keeps them.
func TestFindFoldsAccentsUnlessTyped(t *testing.T) {
	tests := []struct {
		s, sub     string
		start, end int
	}{
		{"in Zürich now", "zurich", 3, 10},
		{"ZÜRICH", "zurich", 0, 7},
		{"Zu\u0308rich", "zurich", 0, 8}, // decomposed: u and a combining diaeresis
		{"Zürich", "zürich", 0, 7},
		{"ZÜRICH", "zürich", 0, 7},
		{"Zurich", "zürich", -1, -1}, // the accent typed is kept
		{"Łódź", "lodz", 0, 7},
		{"São Paulo", "sao paulo", 0, 10},
		{"Bucureşti, Timișoara", "timisoara", 12, 22},
		{"Café", "cafe", 0, 5},
		{"cafe", "café", -1, -1},
		// An accent typed finds the letter stored either way: composed
		// (é) or decomposed (e then U+0301), as pasted text may be.
		{"Cafe\u0301 noir", "café", 0, 6},
		{"CAFE\u0301", "café", 0, 6},
		{"Café noir", "cafe\u0301", 0, 5},
		{"Zu\u0308rich", "zürich", 0, 8},
		{"Zu\u0308rich", "Zu\u0308rich", 0, 8},
		{"Ted Lieu", "lieu", 4, 8},
		// Full-width forms, as East Asian text writes Latin letters and
		// digits, are the letters and digits they stand for.
		{"ＮＳＯグループは２０１７年", "nso", 0, 9},
		{"ＮＳＯグループは２０１７年", "2017", 24, 36},
		{"NSO Group in 2017", "ＮＳＯ", 0, 3},
		{"ｎｓｏ　ｇｒｏｕｐ", "NSO group", 0, 27},
		{"ＮＳＯ", "ｎｓｏ", 0, 9},
		{"Ted Lieu", "", 0, 0},
	}
	for _, tt := range tests {
		start, end := FindFold(tt.s, tt.sub)
		if start != tt.start || end != tt.end {
			t.Errorf("FindFold(%q, %q) = %d, %d; want %d, %d", tt.s, tt.sub, start, end, tt.start, tt.end)
		}
		if got, want := NewMatcher(tt.sub).In([]byte(tt.s)), tt.start >= 0; got != want {
			t.Errorf("NewMatcher(%q).In(%q) = %v, want %v", tt.sub, tt.s, got, want)
		}
		e := Event{Notes: []Note{{Text: tt.s}}}
		if got, want := (Query{Text: tt.sub}).Matches(&e), tt.start >= 0; got != want {
			t.Errorf("Query{Text: %q} matches a note %q: %v, want %v", tt.sub, tt.s, got, want)
		}
	}
}
