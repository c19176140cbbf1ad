package model

import "testing"

// TestCaseKey: text equal but for case, or for how an accented letter is
// written (one letter, or a letter and a combining accent), has one key.
func TestCaseKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Key", "key", true},
		{"Été", "été", true},
		{"café", "cafe\u0301", true},
		{"München", "mu\u0308nchen", true},
		{"ǅ", "ǆ", true},
		{"cafe", "café", false},
		{"key", "keys", false},
		{"`", "\u1fef", true}, // GREEK VARIA is the grave accent, composed
	}
	for _, tt := range tests {
		if got := CaseKey(tt.a) == CaseKey(tt.b); got != tt.same {
			t.Errorf("CaseKey(%q) == CaseKey(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
		if got := SameInAnyCase(tt.a, tt.b); got != tt.same {
			t.Errorf("SameInAnyCase(%q, %q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}
