package model

import "testing"

func TestSuggest(t *testing.T) {
	names := []string{"date", "title", "status", "summary", "sources", "speaker"}
	tests := []struct{ word, want string }{
		{"staus", "status"},
		{"stauts", "status"},
		{"titel", "title"},
		{"soruces", "sources"},
		{"spekaer", "speaker"},
		{"colour", ""},
		{"dt", ""},
		{"status", ""}, // a name is no misspelling
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, names); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"list", "list", 0},
		{"lsit", "list", 1}, // a swap is one edit
		{"staus", "status", 1},
		{"", "log", 3},
		{"café", "cafe", 1},
		{"\xff\xfe", "ab", 2}, // not UTF-8: as far as it is long
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
