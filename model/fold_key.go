package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A store that searches with an index of its own (a database's LIKE over
// an index of words) keeps a folded copy of each event's search fields,
// FoldKey, and looks in it for the pieces of FoldPattern. The pair only
// narrows: every event FindFold finds has the pieces in its key, in
// order, while some events that have them are not matches (an accent
// typed in the search is folded away in both), so the store still checks
// each candidate with Query.Matches.

// FoldKey returns s as a search index keeps it: each letter taken to one
// letter for all its cases and, for Latin letters, its accents; combining
// marks and NUL dropped.
func FoldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r == 0:
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			default:
				b.WriteByte(byte(r))
			}
			continue
		}
		if k := keyRune(r); k >= 0 {
			b.WriteRune(k)
		}
	}
	return b.String()
}

// FoldPattern returns the pieces of text, folded as FoldKey folds, that
// the key of every field FindFold finds text in holds, in this order,
// with anything between them. Characters that may match what FoldKey
// drops (a character that is not UTF-8, U+FFFD, and the letters whose
// case folds to a combining mark, as Greek iota does) split the pieces;
// combining marks and NUL are left out. Empty pieces are left out: no
// pieces, and the key says nothing.
func FoldPattern(text string) []string {
	var pieces []string
	var b strings.Builder
	split := func() {
		if b.Len() > 0 {
			pieces = append(pieces, b.String())
			b.Reset()
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		start := i
		i += n
		end := marksEnd(text, i) // past the marks on r
		switch {
		case isMark(r) && unicode.SimpleFold(r) == r:
		case r == utf8.RuneError || foldsToMark(r):
			split()
		case !oneKeyEitherWay(text[start:end]):
			// A letter with an accent the fold keeps (ạ, й): a text
			// holding it composed keys it so, decomposed as its base
			// letter, and a search finds either.
			split()
			i = end
		case r < utf8.RuneSelf:
			b.WriteString(FoldKey(string(r)))
		default:
			if k := keyRune(r); k >= 0 {
				b.WriteRune(k)
			}
		}
	}
	split()
	return pieces
}

// marksEnd is where the combining marks from text[i] on end.
func marksEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isMark(r) {
			break
		}
		i += n
	}
	return i
}

// oneKeyEitherWay reports whether a character and the combining marks
// after it have one key composed and decomposed: "é" and "e" then U+0301
// are both "e", while "ạ" is "ạ" and "a" then U+0323 is "a".
func oneKeyEitherWay(c string) bool {
	if r, n := utf8.DecodeRuneInString(c); r < utf8.RuneSelf && n == len(c) {
		return true // most text: a plain character
	}
	d := norm.NFD.String(c)
	if !strings.ContainsFunc(d, isMark) {
		return true // no accent to compose or not (Hangul decomposes to its letters, which a search never takes for the syllable)
	}
	return FoldKey(norm.NFC.String(c)) == FoldKey(d)
}

// keyRune is the letter FoldKey keeps for r, the same for every r of one
// simple case fold orbit; -1 for a combining mark, which is dropped.
func keyRune(r rune) rune {
	if isMark(r) {
		return -1
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if !isMark(f) {
			least = min(least, f)
		}
	}
	// A letter with an accent is its base letter; so are the letters it
	// folds with, which may have none of their own (the ångström sign
	// with å), so that the key is one for the orbit.
	for f := least; ; {
		if b := base(f); b != 0 {
			return unicode.ToLower(b)
		}
		if b := plain(f); b != 0 {
			return unicode.ToLower(b)
		}
		if f = unicode.SimpleFold(f); f == least {
			break
		}
	}
	return unicode.ToLower(least)
}

// foldsToMark reports whether r is in the case fold orbit of a combining
// mark that has other letters in its orbit (U+0345 and the iotas): where
// FindFold matches them, FoldKey may have dropped what it matched.
func foldsToMark(r rune) bool {
	for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
		if isMark(f) {
			return true
		}
		if f == r {
			return false
		}
	}
}
