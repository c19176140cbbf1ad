package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Searches fold accents as well as case when the text searched for has no
// accents of its own: "zurich" finds "Zürich" and "ZURICH", typed on a
// keyboard without ü, while "zürich" finds only "Zürich" (in any case).
// The fold takes a Latin letter with a diacritic to its base letter
// ("ł" to "l", "ș" to "s"), and passes over combining marks, so that
// text stored decomposed ("u" then U+0308) is found as well. Letters that
// are two letters (æ, œ, ß) stay as they are.

// letterBases holds the base letter of each character from U+00C0 to
// U+017F, or '.' where there is none.
const letterBases = "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY.." +
	"aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" +
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk." +
	"LlLlLlLlLlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz."

// base returns the letter r is with its diacritics taken off, or 0 when
// the fold leaves it as it is.
func base(r rune) rune {
	switch {
	case r >= 0xC0 && r < 0xC0+rune(len(letterBases)):
		if b := letterBases[r-0xC0]; b != '.' {
			return rune(b)
		}
	case r >= 0x218 && r <= 0x21B: // Ș ș Ț ț
		return rune("SsTt"[r-0x218])
	}
	return 0
}

// East Asian text writes Latin letters, digits and signs in their
// full-width forms ("ＮＳＯ", "２０１７"), and its spaces as the
// ideographic space: a search takes each for the character it stands
// for, as typed or as searched for, whatever the accents.

// narrow returns the character a full-width form (U+FF01 to U+FF5E) or
// the ideographic space stands for, or 0 for any other.
func narrow(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return 0
}

// narrowed returns s with its full-width forms taken to the characters
// they stand for (narrow); s itself when it has none.
func narrowed(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return narrow(r) != 0 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if n := narrow(r); n != 0 {
			return n
		}
		return r
	}, s)
}

// isMark reports whether r is a combining diacritical mark.
func isMark(r rune) bool { return r >= 0x300 && r <= 0x36F }

// HasAccents reports whether s holds a letter with a diacritic or a
// combining mark: a search for it keeps accents as typed.
func HasAccents(s string) bool {
	for _, r := range s {
		if r >= 0xC0 && (base(r) != 0 || isMark(r)) {
			return true
		}
	}
	return false
}

// sameFold reports whether a and b are the same letter in some case.
func sameFold(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return 'A' <= a && a <= 'Z' && a+'a'-'A' == b || 'A' <= b && b <= 'Z' && b+'a'-'A' == a
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// decode returns the character at s[i] and its length in bytes.
func decode[T ~string | ~[]byte](s T, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	var b [utf8.UTFMax]byte
	n := copy(b[:], s[i:min(i+utf8.UTFMax, len(s))])
	return utf8.DecodeRune(b[:n])
}

// foldedAt reports whether text (which has no accents, nor full-width
// forms) is in s at byte i, folding case, accents and width, and returns
// where the match ends in s, past any combining marks on its last letter.
func foldedAt[T ~string | ~[]byte](s T, i int, text string) (end int, ok bool) {
	j := i
	for k := 0; k < len(text); {
		if j >= len(s) {
			return 0, false
		}
		c, q := s[j], text[k]
		if c < utf8.RuneSelf && q < utf8.RuneSelf {
			// Most text and most searches are ASCII: compared a byte at
			// a time.
			if c != q && (c|0x20 != q|0x20 || c|0x20 < 'a' || c|0x20 > 'z') {
				return 0, false
			}
			j++
			k++
		} else {
			qr, qn := utf8.DecodeRuneInString(text[k:])
			r, n := decode(s, j)
			if b := base(r); b != 0 {
				r = b
			} else if b := narrow(r); b != 0 {
				r = b
			}
			if !sameFold(r, qr) {
				return 0, false
			}
			j += n
			k += qn
		}
		// Combining marks (U+0300 to U+036F: 0xCC 0x80 to 0xCD 0xAF) on the
		// letter just matched are passed over.
		for j+1 < len(s) && (s[j] == 0xCC || s[j] == 0xCD) {
			r, n := decode(s, j)
			if !isMark(r) {
				break
			}
			j += n
		}
	}
	return j, true
}

// indexFolded is FindFold for text that has no accents.
func indexFolded[T ~string | ~[]byte](s T, text string) (start, end int) {
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i]&0xC0 == 0x80 {
			continue // not at the start of a character
		}
		if end, ok := foldedAt(s, i, text); ok {
			return i, end
		}
	}
	return -1, -1
}

// FindFold returns where the first match of substr in s starts and ends,
// ignoring case, and accents too when substr has none; -1, -1 when there
// is none. The match may be longer or shorter in bytes than substr
// ("Zürich" for "zurich"). An accent typed matches the letter composed or
// decomposed (accentForms).
func FindFold(s, substr string) (start, end int) {
	if substr == "" {
		return 0, 0
	}
	substr = narrowed(substr)
	if !HasAccents(substr) {
		return indexFolded(s, substr)
	}
	start, end = -1, -1
	for _, f := range accentForms(substr) {
		if i := indexCase(s, f); i >= 0 && (start < 0 || i < start) {
			start, end = i, i+len(f)
		}
	}
	return start, end
}

// accentForms are text with accents as it is typed, and with its letters
// composed (é) and decomposed (e then U+0301): text pasted from another
// program may be stored either way, and looks the same.
func accentForms(text string) []string {
	forms := []string{text}
	for _, f := range []string{norm.NFC.String(text), norm.NFD.String(text)} {
		if !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}
