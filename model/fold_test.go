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
		// A letter with an accent beyond the table of Latin letters is an
		// accent typed all the same, found composed or decomposed.
		{"Ha\u0323 Bay", "h\u1ea1 bay", 0, 8},
		{"H\u1ea1 Bay", "ha\u0323 bay", 0, 8},
		{"Ha Bay", "h\u1ea1 bay", -1, -1},
		{"\u0438\u0306\u043e\u0434", "\u0439\u043e\u0434", 0, 8},
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

// Text from the web writes apostrophes, quotation marks, spaces and
// hyphens in typographic forms a keyboard rarely types, and Russian text
// writes ё as е more often than not: a search takes each form for the
// plain character, typed either way, with or without accents.
func TestFindFoldsTypography(t *testing.T) {
	tests := []struct {
		s, sub     string
		start, end int
	}{
		{"the lawmaker\u2019s office", "lawmaker's", 4, 16},
		{"the lawmaker's office", "lawmaker\u2019s", 4, 14},
		{"the lawmaker\u2018s office", "LAWMAKER\u02bcS", 4, 16},
		{"l\u2019\u00e9t\u00e9", "l'\u00e9t\u00e9", 0, 9}, // accents typed: the apostrophe still folds
		{"L'\u00c9T\u00c9", "l\u2019\u00e9t\u00e9", 0, 7},
		{"l\u2019ete", "l'\u00e9t\u00e9", -1, -1}, // and the accents are still kept
		{"he said \u201cyes\u201d", "\"yes\"", 8, 17},
		{"\u201eja\u201c", "\"ja\"", 0, 8},
		{"NSO\u00a0Group", "nso group", 0, 10},
		{"10\u202f000 euros", "10 000", 0, 8},
		{"pro\u2011government", "pro-government", 0, 16},
		{"pro-government", "pro\u2010government", 0, 14},
		{"\u0424\u0451\u0434\u043e\u0440\u043e\u0432", "\u0444\u0435\u0434\u043e\u0440\u043e\u0432", 0, 14},       // Фёдоров for федоров
		{"\u0424\u0401\u0414\u041e\u0420\u041e\u0412", "\u0444\u0435\u0434\u043e\u0440\u043e\u0432", 0, 14},       // ФЁДОРОВ
		{"\u0424\u0435\u0308\u0434\u043e\u0440\u043e\u0432", "\u0444\u0435\u0434\u043e\u0440\u043e\u0432", 0, 16}, // ё decomposed
		{"\u0401\u043b\u043a\u0430", "\u0435\u043b\u043a\u0430", 0, 8},                                            // Ёлка for елка
		{"\u0424\u0435\u0434\u043e\u0440\u043e\u0432", "\u0424\u0451\u0434\u043e\u0440\u043e\u0432", -1, -1},      // ё typed is kept
		{"\u0444\u0401\u0434\u043e\u0440\u043e\u0432", "\u0424\u0451\u0434\u043e\u0440\u043e\u0432", 0, 14},
	}
	for _, tt := range tests {
		start, end := FindFold(tt.s, tt.sub)
		if start != tt.start || end != tt.end {
			t.Errorf("FindFold(%q, %q) = %d, %d; want %d, %d", tt.s, tt.sub, start, end, tt.start, tt.end)
		}
		m := NewMatcher(tt.sub)
		if got, want := m.In([]byte(tt.s)), tt.start >= 0; got != want {
			t.Errorf("NewMatcher(%q).In(%q) = %v, want %v", tt.sub, tt.s, got, want)
		}
		if tt.start >= 0 && !m.MayBeIn([]byte(tt.s)) {
			t.Errorf("NewMatcher(%q).MayBeIn(%q) = false, yet it is there", tt.sub, tt.s)
		}
		if tt.start >= 0 && !inOrder(FoldKey(tt.s), FoldPattern(tt.sub)) {
			t.Errorf("%q is in %q, but its key %q has not the pieces %q", tt.sub, tt.s, FoldKey(tt.s), FoldPattern(tt.sub))
		}
	}
}
