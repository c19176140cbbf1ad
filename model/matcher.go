package model

import (
	"bytes"
	"slices"
	"strings"
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
	// forms are the needle's forms to compare with bytes: as typed, and
	// composed and decomposed when it has accents (accentForms).
	forms []string
	// accents is set when the text has none: accents in what is searched
	// are folded away.
	accents bool
	// firsts are the first bytes of every character that folds to the
	// text's first: 'l' and 'L'; 'k', 'K' and the Kelvin sign's; 'u' and
	// 'ü' when accents fold. None when the text starts with a byte that is
	// not UTF-8 (which folds like any other such byte): then every place
	// is tried.
	firsts []byte
	// marked are the first bytes that only a form with a combining mark
	// (the needle decomposed) begins with: a text can hold that form only
	// if it has a combining mark. They are in firsts too.
	marked []byte
	// tagged is the text after its #, when it begins with one: a tag is
	// searched as it is shown, #key, and a value holds its tags without
	// the #, so that is what may be in it (InTag).
	tagged *Matcher
}

// NewMatcher returns a Matcher for text.
func NewMatcher(text string) Matcher {
	text = plained(text)
	m := Matcher{needle: text, forms: []string{text}, accents: !HasAccents(text)}
	if rest, ok := strings.CutPrefix(text, "#"); ok {
		t := NewMatcher(rest)
		m.tagged = &t
	}
	if text == "" {
		return m
	}
	if !m.accents {
		m.forms = accentForms(text)
	}
	r, _ := utf8.DecodeRuneInString(text)
	if r == utf8.RuneError {
		return m
	}
	add := func(r rune, marked bool) {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		switch i := bytes.IndexByte(m.marked, b[0]); {
		case bytes.IndexByte(m.firsts, b[0]) < 0:
			m.firsts = append(m.firsts, b[0])
			if marked {
				m.marked = append(m.marked, b[0])
			}
		case i >= 0 && !marked: // a form without marks begins with it too
			m.marked = slices.Delete(m.marked, i, i+1)
		}
	}
	// Each form's first character in any case, and the characters that
	// stand for it (plain): "Ｎ" and "ｎ" for "n", "Ｋ" and "ｋ" for the
	// Kelvin sign, "’" for "'", "ｕ" for the "u" of "u\u0308".
	for _, f := range m.forms {
		first, _ := utf8.DecodeRuneInString(f)
		marked := strings.ContainsFunc(f, isMark)
		for c := first; ; {
			add(c, marked)
			for _, p := range plainForms(c) {
				add(p, marked)
			}
			if c = unicode.SimpleFold(c); c == first {
				break
			}
		}
	}
	if m.accents {
		for _, c := range accented {
			if sameFold(base(c), r) {
				add(c, false)
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
	if m.tagged != nil && m.tagged.MayBeIn(b) {
		return true
	}
	if m.firsts == nil {
		return m.needle == "" || len(b) > 0
	}
	// Combining marks (U+0300 to U+036F) begin with 0xCC or 0xCD.
	marks := len(m.marked) > 0 && (bytes.IndexByte(b, 0xCC) >= 0 || bytes.IndexByte(b, 0xCD) >= 0)
	for _, c := range m.firsts {
		if (marks || bytes.IndexByte(m.marked, c) < 0) && bytes.IndexByte(b, c) >= 0 {
			return true
		}
	}
	return false
}

// InTag reports whether the text is in a tag as it is shown, with its #
// (TagContains): #key is in the tag key, and in keyword.
func (m Matcher) InTag(tag []byte) bool {
	if m.tagged == nil {
		return m.In(tag)
	}
	var buf [1 + MaxTagLen]byte
	return m.In(append(append(buf[:0], '#'), tag...))
}

// In reports whether the text is in b, as FindFold(string(b), text) finds
// it.
func (m Matcher) In(b []byte) bool {
	if len(m.needle) == 0 {
		return true
	}
	at := func(i int) bool {
		if m.accents {
			_, ok := foldedAt(b, i, m.needle, false)
			return ok
		}
		for _, f := range m.forms {
			if _, ok := foldedAt(b, i, f, true); ok {
				return true
			}
		}
		return false
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
