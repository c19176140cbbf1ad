package verbatim

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normal is a text under some of the character rules, with the way back
// to the original's byte offsets, so that a match found in it can be
// shown in the original.
type normal struct {
	s string
	// marks map offsets back: from normalised offset n on, byte p of s
	// came from byte o+(p-n) of the original, until the next mark. Most
	// text maps to itself, so marks are few: one where a rule changed
	// the length.
	marks []mark
	// paras are the offsets in s of the spaces that stand for paragraph
	// breaks, in order (only under the Whitespace rule).
	paras []int
	// pages are the offsets in s of the spaces that stand for page
	// breaks (white space with a form feed), in order.
	pages []int
	// joins are the offsets in s where a word broken at a line's end
	// goes on, its hyphen and line break dropped (Hyphenation), in
	// order: a hyphen there may have been the word's own.
	joins   []int
	origLen int
}

type mark struct{ n, o int }

// orig is the offset in the original of byte p of the normalised text;
// the original's length for the end.
func (m *normal) orig(p int) int {
	if p >= len(m.s) {
		return m.origLen
	}
	i := sort.Search(len(m.marks), func(i int) bool { return m.marks[i].n > p }) - 1
	if i < 0 {
		return p
	}
	return m.marks[i].o + p - m.marks[i].n
}

// paraAfter is the offset of the first paragraph break at or after p,
// or the end of the text.
func (m *normal) paraAfter(p int) int {
	i := sort.SearchInts(m.paras, p)
	if i == len(m.paras) {
		return len(m.s)
	}
	return m.paras[i]
}

// pageBreakIn says whether a page break is between offsets start and
// end of the normalised text.
func (m *normal) pageBreakIn(start, end int) bool {
	i := sort.SearchInts(m.pages, start)
	return i < len(m.pages) && m.pages[i] < end
}

// paraBreakIn says whether a paragraph break is between offsets start
// and end of the normalised text.
func (m *normal) paraBreakIn(start, end int) bool {
	i := sort.SearchInts(m.paras, start)
	return i < len(m.paras) && m.paras[i] < end
}

// normalise applies rules to s.
func normalise(s string, rules Rules) *normal { return normaliseSkipping(s, rules, nil) }

// normaliseSkipping applies rules to s, reading each of the skips (in
// order, apart) as a page break (HeadersFooters).
func normaliseSkipping(s string, rules Rules, skips []Span) *normal {
	b := builder{rules: rules}
	b.out = make([]byte, 0, len(s)+len(s)/64)
	at := 0
	for _, sk := range skips {
		b.feedFrom(s, at, sk.Start)
		b.skip(sk.Start)
		at = sk.End
	}
	b.feedFrom(s, at, len(s))
	b.next(0)
	b.flushSpace()
	return &normal{s: string(b.out), marks: b.marks, paras: b.paras, pages: b.pages, joins: b.joins, origLen: len(s)}
}

// feedFrom normalises s from offset start to end.
func (b *builder) feedFrom(s string, start, end int) {
	part := s[start:end]
	if b.rules&NFC == 0 || norm.NFC.IsNormalString(part) {
		b.feed(part, start)
		return
	}
	// Only text that needs composing pays for the segment walk; a
	// composed segment's characters map to its start, or its end after
	// the first, so that offsets stay in order.
	var it norm.Iter
	it.InitString(norm.NFC, part)
	for !it.Done() {
		from := start + it.Pos()
		seg := it.Next()
		to := start + it.Pos()
		if string(seg) == s[from:to] {
			b.feed(s[from:to], from)
			continue
		}
		o := from
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			b.char(r, string(seg[:size]), o)
			seg = seg[size:]
			o = to
		}
	}
}

// skip reads a stretch of the original at offset o, running heads and
// feet with the page break between them, as the white space of a page
// break that is not a paragraph's: a sentence goes on over it, and a
// word broken at the page's end is joined.
func (b *builder) skip(o int) {
	if !b.inSpace {
		b.inSpace, b.spaceAt, b.lineBreaks, b.beforeBreak = true, o, 0, 0
	}
	b.pageBreak = true
	b.prevCR = false
}

// normString is s under rules, without its leading and trailing white
// space: how a quote, or a passage, reads for comparison.
func normString(s string, rules Rules) string {
	return strings.TrimSpace(normalise(s, rules).s)
}

// builder writes a normalised text and its marks.
type builder struct {
	rules Rules
	out   []byte
	marks []mark
	delta int
	paras []int
	pages []int
	joins []int
	// A run of white space is written as one space when the next
	// character comes, so that the run's line breaks can be counted.
	inSpace    bool
	spaceAt    int
	lineBreaks int
	prevCR     bool
	// A form feed in the run makes it a page break; the line breaks
	// before it are kept apart from those after, so that a page break
	// is a paragraph break only with a blank line beside it, not for the
	// line ends around the form feed.
	pageBreak   bool
	beforeBreak int
	// A hyphen after a letter is held (Hyphenation) until the next
	// character that is not white space: a word broken at a line's end,
	// a line break then a lower-case letter, is joined without it.
	hyphen    bool
	hyphenRaw string
	hyphenAt  int
}

// emit writes bytes that came from offset o of the original.
func (b *builder) emit(bs string, o int) {
	if d := o - len(b.out); d != b.delta {
		b.marks = append(b.marks, mark{len(b.out), o})
		b.delta = d
	}
	b.out = append(b.out, bs...)
}

// feed normalises s, which is at offset base of the original.
func (b *builder) feed(s string, base int) {
	// Under Hyphenation a hyphen may be held: it leaves the fast path.
	plain := func(c byte) bool { return c > ' ' && c < utf8.RuneSelf && (c != '-' || b.rules&Hyphenation == 0) }
	for i := 0; i < len(s); {
		c := s[i]
		if plain(c) {
			// The common case: a run of printable ASCII, with single
			// spaces between words, unchanged.
			j := i + 1
			for j < len(s) {
				if c := s[j]; plain(c) {
					j++
				} else if c == ' ' && j+1 < len(s) && plain(s[j+1]) {
					j += 2
				} else {
					break
				}
			}
			b.next(rune(c))
			b.flushSpace()
			b.emit(s[i:j], base+i)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		if r == utf8.RuneError && size == 1 {
			raw = "\uFFFD"
		}
		b.char(r, raw, base+i)
		i += size
	}
}

// char normalises one character, raw in the original at offset o.
func (b *builder) char(r rune, raw string, o int) {
	if b.rules&Whitespace != 0 && unicode.IsSpace(r) {
		if !b.inSpace {
			b.inSpace, b.spaceAt, b.lineBreaks = true, o, 0
			b.pageBreak, b.beforeBreak = false, 0
		}
		switch r {
		case '\n':
			if !b.prevCR {
				b.lineBreaks++
			}
		case '\f':
			b.pageBreak = true
			b.beforeBreak = max(b.beforeBreak, b.lineBreaks)
			b.lineBreaks = 0
		case '\r', '\v', '\u0085', '\u2028':
			b.lineBreaks++
		case '\u2029':
			b.lineBreaks += 2
		}
		b.prevCR = r == '\r'
		return
	}
	b.prevCR = false
	if b.rules&SoftHyphen != 0 && r == '\u00AD' || b.rules&Invisible != 0 && zeroWidth(r) {
		return
	}
	b.next(r)
	if b.rules&Hyphenation != 0 && b.rules&Whitespace != 0 && (r == '-' || r == '\u2010') && !b.inSpace && endsInLetter(b.out) {
		b.hyphen, b.hyphenRaw, b.hyphenAt = true, raw, o
		return
	}
	b.flushSpace()
	if b.rules&Ligatures != 0 {
		if letters, ok := ligatures[r]; ok {
			b.emit(letters, o)
			return
		}
	}
	if b.rules&Quotes != 0 {
		switch r {
		case '‘', '’', '‚', '‛', '‹', '›', 'ʼ':
			raw = "'"
		case '“', '”', '„', '‟', '«', '»':
			raw = `"`
		}
	}
	b.emit(raw, o)
}

// next settles a hyphen held before r, the next character that is not
// white space: after a line break (not a paragraph's), before a
// lower-case letter, the hyphen and the break go, and the word is
// whole; otherwise the hyphen is written. r is 0 at the end.
func (b *builder) next(r rune) {
	if !b.hyphen {
		return
	}
	b.hyphen = false
	if b.inSpace && (b.lineBreaks > 0 || b.pageBreak) && max(b.lineBreaks, b.beforeBreak) < 2 && unicode.IsLower(r) {
		b.inSpace = false
		b.joins = append(b.joins, len(b.out))
		if b.pageBreak {
			b.pages = append(b.pages, len(b.out)) // the word goes on over the page's end
		}
		return
	}
	b.emit(b.hyphenRaw, b.hyphenAt)
}

// endsInLetter says whether the text written so far ends in a letter.
func endsInLetter(out []byte) bool {
	r, _ := utf8.DecodeLastRune(out)
	return unicode.IsLetter(r)
}

// flushSpace writes the space that stands for a run of white space.
func (b *builder) flushSpace() {
	if !b.inSpace {
		return
	}
	if max(b.lineBreaks, b.beforeBreak) >= 2 {
		b.paras = append(b.paras, len(b.out))
	}
	if b.pageBreak {
		b.pages = append(b.pages, len(b.out))
	}
	b.emit(" ", b.spaceAt)
	b.inSpace = false
}

// ligatures are the typeset ligatures of the Latin alphabet (Unicode's
// alphabetic presentation forms) and the letters they join: a PDF's text
// layer often has "ﬁ" where a reader sees, and types, "fi".
var ligatures = map[rune]string{
	'\uFB00': "ff",
	'\uFB01': "fi",
	'\uFB02': "fl",
	'\uFB03': "ffi",
	'\uFB04': "ffl",
	'\uFB05': "st", // ſt
	'\uFB06': "st",
}

// joinedAt reports whether a word broken at a line's end goes on at
// offset p of the normalised text (joins).
func (m *normal) joinedAt(p int) bool {
	i := sort.SearchInts(m.joins, p)
	return i < len(m.joins) && m.joins[i] == p
}

// hyphensOut is s without the hyphens between two letters, and where each
// was, in the string returned: a quote of "well-known" is looked for
// where a line's end broke the word there, which Hyphenation joins.
func hyphensOut(s string) (string, []int) {
	t := bareOf(s)
	return t.s, t.at
}

// dropHyphens is s without the hyphens between two letters whose places
// among them (counted from 0) drop holds.
func dropHyphens(s string, drop []int) string {
	var out []byte
	prev, k := rune(0), 0
	for i, r := range s {
		if wordHyphen(s, i, r, prev) {
			gone := slices.Contains(drop, k)
			k++
			if prev = r; gone {
				continue
			}
		}
		out = utf8.AppendRune(out, r)
		prev = r
	}
	return string(out)
}

// wordHyphen reports whether r, at byte i of s after prev, is a hyphen
// between two letters: a word's own, or where a line's end broke it.
func wordHyphen(s string, i int, r, prev rune) bool {
	if r != '-' && r != '\u2010' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}
