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
