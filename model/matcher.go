package model

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Matcher finds text in fields the way Event.Contains does (FindFold:
// ignoring case, simple Unicode folding, and accents when the text has
// none), over bytes, without allocating. It jumps between the places
// where the text's first character occurs in any of its cases and accents
// (found with the vectorised IndexByte), which makes searching a store's
// raw text many times faster than decoding every event to search it.
type Matcher struct {
	needle string
	raw    []byte // needle, to compare with bytes
	// accents is set when the text has none: accents in what is searched
	// are folded away.
	accents bool
	// firsts are the first bytes of every character that folds to the
	// text's first: 'l' and 'L'; 'k', 'K' and the Kelvin sign's; 'u' and
	// 'ü' when accents fold. None when the text starts with a byte that is
	// not UTF-8 (which folds like any other such byte): then every place
	// is tried.
	firsts []byte
}

// NewMatcher returns a Matcher for text.
func NewMatcher(text string) Matcher {
	m := Matcher{needle: text, raw: []byte(text), accents: !HasAccents(text)}
	if text == "" {
		return m
	}
	r, _ := utf8.DecodeRuneInString(text)
	if r == utf8.RuneError {
		return m
	}
	add := func(r rune) {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		if bytes.IndexByte(m.firsts, b[0]) < 0 {
			m.firsts = append(m.firsts, b[0])
		}
	}
	add(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		add(f)
	}
	if m.accents {
		for c := rune(0xC0); c <= 0x21B; c++ {
			if b := base(c); b != 0 && sameFold(b, r) {
				add(c)
			}
		}
	}
	return m
}

// MayBeIn reports whether the text may be in b or in any part of it:
// false only when none of the bytes it can begin with is there, which
// one vectorised pass over the whole of b finds, before the parts are
// searched one by one.
func (m Matcher) MayBeIn(b []byte) bool {
	if m.firsts == nil {
		return m.needle == "" || len(b) > 0
	}
	for _, c := range m.firsts {
		if bytes.IndexByte(b, c) >= 0 {
			return true
		}
	}
	return false
}

// In reports whether the text is in b, as FindFold(string(b), text) finds
// it.
func (m Matcher) In(b []byte) bool {
	n := len(m.needle)
	if n == 0 {
		return true
	}
	at := func(i int) bool {
		if m.accents {
			_, ok := foldedAt(b, i, m.needle)
			return ok
		}
		return i+n <= len(b) && bytes.EqualFold(b[i:i+n], m.raw)
	}
	if m.firsts == nil {
		for i := 0; i < len(b); i++ {
			if (i == 0 || b[i]&0xC0 != 0x80) && at(i) {
				return true
			}
		}
		return false
	}
	// The next place of each first byte; -1 once there is none.
	var nextBuf [8]int
	next := nextBuf[:0]
	for _, c := range m.firsts {
		next = append(next, indexFrom(b, c, 0))
	}
	for {
		k := -1
		for j, i := range next {
			if i >= 0 && (k < 0 || i < next[k]) {
				k = j
			}
		}
		if k < 0 {
			return false
		}
		i := next[k]
		if !m.accents && i+n > len(b) {
			// A later place is no better: the window is too short for it too.
			return false
		}
		if at(i) {
			return true
		}
		next[k] = indexFrom(b, m.firsts[k], i+1)
	}
}

func indexFrom(b []byte, c byte, from int) int {
	if from >= len(b) {
		return -1
	}
	if i := bytes.IndexByte(b[from:], c); i >= 0 {
		return from + i
	}
	return -1
}
