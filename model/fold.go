package model

import (
	"bytes"
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
	case r == 0x401: // Ё: Russian writes it as Е more often than not
		return 0x415
	case r == 0x451: // ё
		return 0x435
	}
	return 0
}

// accented are the characters base takes to another letter, in order.
var accented = func() []rune {
	var rs []rune
	for r := rune(0xC0); r <= 0x451; r++ {
		if base(r) != 0 {
			rs = append(rs, r)
		}
	}
	return rs
}()

// Text writes some characters in forms a keyboard rarely types: East
// Asian text its Latin letters, digits and signs in their full-width
// forms ("ＮＳＯ", "２０１７") and its spaces as the ideographic space;
// typeset text its apostrophes and quotation marks curly ("lawmaker’s",
// “cash”), its spaces no-break and its hyphens as Unicode's. A search
// takes each for the character it stands for, as typed or as searched
// for, whatever the accents.

// plain returns the character r stands for (plainForms), or 0 when r is
// a character of its own.
func plain(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	switch r {
	case 0x3000, 0x00A0, 0x2007, 0x202F: // ideographic, no-break, figure and narrow no-break spaces
		return ' '
	case 0x2018, 0x2019, 0x201B, 0x02BC: // ‘ ’ ‛ and the modifier letter apostrophe
		return '\''
	case 0x201C, 0x201D, 0x201E, 0x201F: // “ ” „ ‟
		return '"'
	case 0x2010, 0x2011: // hyphen, non-breaking hyphen
		return '-'
	}
	return 0
}

// plainForms are the characters other than c that stand for it (plain).
func plainForms(c rune) []rune {
	var forms []rune
	if c > ' ' && c <= '~' {
		forms = append(forms, c+0xFEE0)
	}
	switch c {
	case ' ':
		forms = append(forms, 0x3000, 0x00A0, 0x2007, 0x202F)
	case '\'':
		forms = append(forms, 0x2018, 0x2019, 0x201B, 0x02BC)
	case '"':
		forms = append(forms, 0x201C, 0x201D, 0x201E, 0x201F)
	case '-':
		forms = append(forms, 0x2010, 0x2011)
	}
	return forms
}

// plained returns s with the characters that stand for others taken to
// them (plain); s itself when it has none.
func plained(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return plain(r) != 0 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if n := plain(r); n != 0 {
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
		if r >= 0xC0 && (base(r) != 0 || isMark(r) || markedLetter(r)) {
			return true
		}
	}
	return false
}

// markedLetter reports whether r decomposes into a letter and combining
// marks (ạ, й, ệ): text may hold it either way, which a search typed with
// it finds as it finds é (accentForms).
func markedLetter(r rune) bool {
	var b [utf8.UTFMax]byte
	d := norm.NFD.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
	return bytes.ContainsFunc(d, isMark)
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

// foldedAt reports whether text (which has no characters that stand for
// others) is in s at byte i, folding case and the characters that stand
// for others (plain), and returns where the match ends in s. When text
// has no accents (keep false), it folds accents too, and passes over
// combining marks, past any on its last letter; when text has them (keep
// true), text's own marks are compared as letters.
func foldedAt[T ~string | ~[]byte](s T, i int, text string, keep bool) (end int, ok bool) {
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
			if b := base(r); b != 0 && !keep {
				r = b
			} else if b := plain(r); b != 0 {
				r = b
			}
			if !sameFold(r, qr) {
				return 0, false
			}
			j += n
			k += qn
		}
		if keep {
			continue
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

// indexFolded is FindFold for text with no characters that stand for
// others, keeping its accents when keep is set (foldedAt).
func indexFolded[T ~string | ~[]byte](s T, text string, keep bool) (start, end int) {
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i]&0xC0 == 0x80 {
			continue // not at the start of a character
		}
		if end, ok := foldedAt(s, i, text, keep); ok {
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
	substr = plained(substr)
	if !HasAccents(substr) {
		return indexFolded(s, substr, false)
	}
	start, end = -1, -1
	for _, f := range accentForms(substr) {
		if i, j := indexFolded(s, f, true); i >= 0 && (start < 0 || i < start) {
			start, end = i, j
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
