package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestMatcherAgreesWithIndexFold(t *testing.T) {
	tests := []struct{ text, s string }{
		{"lieu", "Rep. Ted Lieu said"}, {"LIEU", "rep. ted lieu"}, {"lieu", "Lie u"},
		{"k", "\u212a"}, {"kelvin", "\u212aelvin"}, {"s", "\u017f"}, {"sun", "SUN"},
		{"kraków", "KRAKÓW"}, {"ó", "Ó"}, {"調査", "東京調査"}, {"", "anything"}, {"x", ""},
		{"#ss7", "tag #SS7"}, {"7", "ss7"}, {"ab", "a"}, {"aa", "aAa"},
		{"nso", "ＮＳＯ"}, {"ＮＳＯ", "nso"}, {"n s", "ｎ\u3000ｓ"}, {"２０", "x20"},
		{"ü", "ｕ\u0308"}, {"zürich", "ＺＵ\u0308ＲＩＣＨ"}, {"éx", "ｅ\u0301x"}, {"'é", "\u2019e\u0301"},
	}
	for _, tt := range tests {
		want := IndexFold(tt.s, tt.text) >= 0
		if got := NewMatcher(tt.text).In([]byte(tt.s)); got != want {
			t.Errorf("NewMatcher(%q).In(%q) = %v, IndexFold says %v", tt.text, tt.s, got, want)
		}
		checkMayBeIn(t, tt.text, tt.s)
	}
	// Random strings over a small alphabet with awkward letters.
	alphabet := []string{"a", "A", "b", "k", "K", "\u212a", "s", "S", "\u017f", "ó", "Ó", " ", "é", "ü", "u", "\u0308", "o", "ł", "Ａ", "ａ", "Ｋ", "\u3000",
		"'", "\u2019", "\u02bc", "\"", "\u201c", "\u00a0", "-", "\u2011", "\u0435", "\u0451", "\u0401", "\uff07", "ｕ", "ｅ", "\u0301", "\u1ea1", "\u0323", "\u0439", "\u0438"}
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		s, text := word(r.IntN(12)), word(1+r.IntN(3))
		want := IndexFold(s, text) >= 0
		if got := NewMatcher(text).In([]byte(s)); got != want {
			t.Fatalf("NewMatcher(%q).In(%q) = %v, IndexFold says %v", text, s, got, want)
		}
		checkMayBeIn(t, text, s)
	}
}

// checkMayBeIn: a text in s, or in a part of it, may be in s; and one
// that begins with none of s's letters is not.
func checkMayBeIn(t *testing.T, text, s string) {
	t.Helper()
	m := NewMatcher(text)
	for i := 0; i <= len(s); i++ {
		if m.In([]byte(s[i:])) && !m.MayBeIn([]byte(s)) {
			t.Fatalf("NewMatcher(%q).MayBeIn(%q) = false, but it is in %q", text, s, s[i:])
		}
	}
}

func TestMatcherMayBeIn(t *testing.T) {
	for _, tt := range []struct {
		text, s string
		want    bool
	}{
		{"zofia", "Miller reports the call", false},
		{"zofia", "Zoë Müller", true}, // begins like it: the parts tell
		{"zofia", "Żak", true},        // Ż folds to z
		{"żak", "Zak", false},         // the search has an accent: it counts
		{"café", "Cafe\u0301", true},  // stored decomposed
		{"cafe\u0301", "Café", true},  // typed decomposed
		{"żak", "Zak\u0301", true},    // a mark, and z: the parts tell
		{"", "", true},
		{"x", "", false},
	} {
		if got := NewMatcher(tt.text).MayBeIn([]byte(tt.s)); got != tt.want {
			t.Errorf("NewMatcher(%q).MayBeIn(%q) = %v; want %v", tt.text, tt.s, got, tt.want)
		}
	}
}

func FuzzMatcher(f *testing.F) {
	f.Add("lieu", "Rep. Ted Lieu")
	f.Add("k", "\u212a")
	f.Fuzz(func(t *testing.T, text, s string) {
		if got, want := NewMatcher(text).In([]byte(s)), IndexFold(s, text) >= 0; got != want {
			t.Errorf("NewMatcher(%q).In(%q) = %v, IndexFold says %v", text, s, got, want)
		}
		checkMayBeIn(t, text, s)
	})
}

// BenchmarkMatcher looks for a name that is not there in a paragraph of
// English with a few accented names, as a search through a store does.
func BenchmarkMatcher(b *testing.B) {
	text := []byte(strings.Repeat("Miller reports the call to an FBI tip line; Łukasz Żak and Zoë Müller said nothing. ", 8))
	m := NewMatcher("zofia weiss")
	for b.Loop() {
		if m.In(text) {
			b.Fatal("found")
		}
	}
}
