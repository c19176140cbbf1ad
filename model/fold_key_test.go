package model

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// inOrder reports whether key holds the pieces one after another.
func inOrder(key string, pieces []string) bool {
	for _, p := range pieces {
		i := strings.Index(key, p)
		if i < 0 {
			return false
		}
		key = key[i+len(p):]
	}
	return true
}

// The key is one for all the letters of a case fold orbit, and FoldKey's
// short way with ASCII agrees with the long one.
func TestFoldKeyIsOneForAnOrbit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		k := keyRune(r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if !isMark(r) && !isMark(f) && keyRune(f) != k {
				t.Fatalf("keyRune(%U) = %U but keyRune(%U) = %U", r, k, f, keyRune(f))
			}
		}
		if r > 0 && r < utf8.RuneSelf && FoldKey(string(r)) != string(k) {
			t.Fatalf("FoldKey(%q) = %q, keyRune = %q", r, FoldKey(string(r)), k)
		}
	}
}

// Every field FindFold finds a text in holds the text's pattern in its
// key: a store that narrows its candidates with the key loses none.
func TestFoldPatternNeverMissesAMatch(t *testing.T) {
	alphabet := []string{"a", "A", "b", "k", "K", "s", "S", "z", "i", " ", "%", "_", "\\", "\n", "\x00",
		"ä", "Ä", "á", "Å", "å", "\u212b", "\u212a", "ſ", "ß", "ł", "Ł", "ș", "Ș", "ÿ", "Ÿ", "ı", "İ",
		"\u0308", "\u0301", "\u0345", "ι", "Ι", "\u1fbe", "Σ", "σ", "ς", "\ufffd", "\xff", "\xc3", "\xcc", "é", "É", "e\u0301",
		"Ａ", "ａ", "Ｋ", "ｓ", "１", "1", "％", "\u3000", "\xef",
		"'", "\u2019", "\u2018", "\u02bc", "\"", "\u201d", "\u00a0", "\u202f", "-", "\u2010", "\u0435", "\u0415", "\u0451", "\u0401", "\u0435\u0308",
		"\u1ea1", "a\u0323", "\u0323", "\u0439", "\u0438\u0306", "\u0306"}
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	checked := 0
	for range 400_000 {
		s := word(1 + rnd.IntN(8))
		var text string
		if rnd.IntN(2) == 0 {
			text = word(1 + rnd.IntN(3))
		} else {
			// A piece of s, so that there is a match to keep, with its
			// letters swapped for others of their orbit at random.
			i, j := rnd.IntN(len(s)), rnd.IntN(len(s)+1)
			if i > j {
				i, j = j, i
			}
			var b strings.Builder
			for _, r := range s[i:j] {
				if rnd.IntN(2) == 0 {
					r = unicode.SimpleFold(r)
				}
				if rnd.IntN(3) == 0 {
					if k := base(r); k != 0 {
						r = k
					}
					if k := plain(r); k != 0 {
						r = k
					}
				}
				if rnd.IntN(4) == 0 && r > ' ' && r <= '~' {
					r += 0xFEE0 // its full-width form
				}
				b.WriteRune(r)
			}
			text = b.String()
		}
		if !ContainsFold(s, text) {
			continue
		}
		checked++
		if p := FoldPattern(text); !inOrder(FoldKey(s), p) {
			t.Fatalf("FindFold finds %q in %q, but its key %q has not the pieces %q", text, s, FoldKey(s), p)
		}
	}
	if checked < 10_000 {
		t.Fatalf("only %d matches checked", checked)
	}
}

func TestFoldPattern(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Zürich", []string{"zurich"}},
		{"a\u0323b", []string{"b"}},                // ạ, composed or not, is not keyed as a
		{"x\u1ea1y", []string{"x", "y"}},           // nor is the composed ạ keyed as a decomposed one
		{"\u0439\u043e\u0434", []string{"од"}},     // й
		{"\ud55c\uad6d", []string{"\ud55c\uad6d"}}, // 한국: no accent, one piece

		{"zu\u0308rich", []string{"zurich"}},
		{"50%_a\\b", []string{"50%_a\\b"}},
		{"aιb", []string{"a", "b"}},
		{"a\xffb", []string{"a", "b"}},
		{"\u0308", nil},
		{"ＮＳＯ　２０１７", []string{"nso 2017"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := FoldPattern(tt.text); strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("FoldPattern(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := FoldKey("Łódź ZÜRICH\x00Timișoara"); got != "lodz zurichtimisoara" {
		t.Errorf("FoldKey = %q", got)
	}
}
