package verbatim

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Index is a text prepared for checking many quotes against it: its
// normalised form is built once, when a quote is first not verbatim.
type Index struct {
	text string
	n    *normal
	// bare is the normalised text without the hyphens inside its words,
	// made when a quote with such hyphens is first not found
	// (foundHyphenated).
	bare *bareText
	// lower is the normalised text with ASCII letters folded, made when
	// a quote is first not found: where its words are sought.
	lower string
	// words is the set of lower's words (runs of word characters),
	// made when a quote's longest words do not place it: its other
	// words are sought only where the set says they are.
	words map[string]struct{}
	// markdown is set for a Markdown text; read is the index of the
	// text as read (see readMarkdown) and readMap maps offsets of it
	// back to the text, both made when a quote is first not found in
	// the text as written.
	markdown bool
	read     *Index
	readMap  *normal
	// running is the index of the text read without its running heads
	// and feet (HeadersFooters), made when a quote is first not found
	// in it as it is; nil when the text has none. skips are what it
	// reads as page breaks.
	running     *Index
	runningMade bool
	skips       []Span
}

// NewIndex prepares text for checking quotes against it.
func NewIndex(text string) *Index {
	return &Index{text: text}
}

// NewMarkdownIndex prepares a Markdown text for checking quotes against
// it: a quote not found in the text as written is looked for in the
// text as a person reads it rendered (the Markdown rule), and its range
// given in the text as written.
func NewMarkdownIndex(text string) *Index {
	return &Index{text: text, markdown: true}
}

// Check checks a quote against text. To check many quotes against one
// text, NewIndex once and Index.Check each is faster.
func Check(quote, text string) Result {
	q := strings.TrimSpace(quote)
	if s, ok := findVerbatim(q, text); ok {
		return Result{State: Verbatim, Span: s, Parts: []Span{s}}
	}
	return NewIndex(text).check(q)
}

// Check checks a quote against the index's text.
func (x *Index) Check(quote string) Result {
	q := strings.TrimSpace(quote)
	if s, ok := findVerbatim(q, x.text); ok {
		return Result{State: Verbatim, Span: s, Parts: []Span{s}}
	}
	return x.check(q)
}

// check is Check once the quote is known not to be verbatim.
func (x *Index) check(q string) Result {
	if q == "" {
		return Result{}
	}
	if r, ok := x.found(q); ok {
		return r
	}
	if r, ok := x.foundRunning(q); ok {
		return r
	}
	if x.markdown {
		if r, ok := x.foundRead(q); ok {
			return r
		}
	}
	for _, v := range nestedVariants(q) {
		if r, ok := x.found(v); ok {
			r.State, r.Rules = Normalised, r.Rules|NestedQuotes
			return r
		}
	}
	return x.closest(q)
}

// foundRunning looks for a quote in the text read without its running
// heads and feet, when it has them.
func (x *Index) foundRunning(q string) (Result, bool) {
	if !x.runningMade {
		x.runningMade = true
		if skips := runningLines(x.text); len(skips) > 0 {
			x.running = &Index{text: x.text, skips: skips, n: normaliseSkipping(x.text, charRules, skips)}
		}
	}
	if x.running == nil {
		return Result{}, false
	}
	r, ok := x.running.found(q)
	if ok {
		r.Rules |= HeadersFooters
	}
	return r, ok
}

// passage is the range s of the text as the index reads it: without the
// running heads and feet it skips.
func (x *Index) passage(s Span) string {
	if x.skips == nil {
		return x.text[s.Start:s.End]
	}
	return withoutRunning(x.text, x.skips, s)
}

// foundRead looks for a quote in a Markdown text as read, and gives its
// range in the text as written. Each byte of the reading is one of the
// text, so a range's last byte maps back to where it came from.
func (x *Index) foundRead(q string) (Result, bool) {
	if x.read == nil {
		x.readMap = readMarkdown(x.text)
		x.read = NewIndex(x.readMap.s)
	}
	r, ok := Result{State: Normalised}, false
	if s, verbatim := findVerbatim(q, x.read.text); verbatim {
		r.Span, r.Parts, ok = s, []Span{s}, true
	} else {
		r, ok = x.read.found(q)
	}
	if !ok {
		return Result{}, false
	}
	back := func(s Span) Span {
		if s.End <= s.Start {
			return Span{x.readMap.orig(s.Start), x.readMap.orig(s.Start)}
		}
		return Span{x.readMap.orig(s.Start), x.readMap.orig(s.End-1) + 1}
	}
	r.Span = back(r.Span)
	for i, p := range r.Parts {
		r.Parts[i] = back(p)
	}
	r.Rules |= Markdown
	return r, true
}

// found is check's search of the text under the character rules, and
// with the quote's ellipses; ok is false when neither finds it.
func (x *Index) found(q string) (Result, bool) {
	if x.n == nil {
		x.n = normalise(x.text, charRules)
	}
	nq := normString(q, charRules)
	if i, ok := x.find(nq, 0, len(x.n.s)); ok {
		s := x.span(i, i+len(nq))
		r := Result{State: Normalised, Rules: needed(q, x.passage(s)), Span: s, Parts: []Span{s}}
		if x.n.pageBreakIn(i, i+len(nq)) {
			r.Rules |= PageBreak
		}
		if x.n.paraBreakIn(i, i+len(nq)) {
			r.Rules |= ParagraphBreak
		}
		return r, true
	}
	if r, ok := x.foundHyphenated(q, nq); ok {
		return r, true
	}
	if parts, ok := splitEllipsis(q); ok {
		if r, ok := x.findParts(parts); ok {
			return r, true
		}
	}
	return Result{}, false
}

// foundHyphenated looks for a quote whose words hold hyphens (nq, as
// normalised) where a line's end broke some of those words at them: the
// text joins such a word without its hyphen, which may have been its own
// ("well-\nknown" is "well-known" as often as "wellknown"). The quote and
// the text are compared without the hyphens inside their words: each the
// quote left out must be one the text has there too, or fall where the
// text joins a word; and each the text left out, one the quote has.
func (x *Index) foundHyphenated(q, nq string) (Result, bool) {
	qbare, qat := hyphensOut(nq)
	if len(qat) == 0 || len(x.n.joins) == 0 {
		return Result{}, false
	}
	if x.bare == nil {
		x.bare = bareOf(x.n.s)
	}
	t := x.bare
	for from := 0; from <= len(t.s)-len(qbare); {
		i := strings.Index(t.s[from:], qbare)
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if !atEdges(t.s, qbare, i) || !t.agrees(x.n, i, len(qbare), qat) {
			continue
		}
		s := x.span(t.orig(i), t.orig(i+len(qbare)))
		// The quote as the text reads it: without the hyphens that fall
		// where the text joins a word, with those the text has too.
		var joined []int
		for k, p := range qat {
			if !t.hyphenAt(i + p) {
				joined = append(joined, k)
			}
		}
		return Result{State: Normalised, Rules: needed(dropHyphens(q, joined), x.passage(s)) | Hyphenation, Span: s, Parts: []Span{s}}, true
	}
	return Result{}, false
}

// bareText is a normalised text without the hyphens inside its words
// (hyphensOut), with where each was and its length in bytes, to map an
// offset back.
type bareText struct {
	s    string
	at   []int // in s, in order
	size []int
}

func bareOf(n string) *bareText {
	t := &bareText{}
	var out []byte
	prev := rune(0)
	for i, r := range n {
		if wordHyphen(n, i, r, prev) {
			t.at, t.size = append(t.at, len(out)), append(t.size, utf8.RuneLen(r))
		} else {
			out = utf8.AppendRune(out, r)
		}
		prev = r
	}
	t.s = string(out)
	return t
}

// orig is the offset in the normalised text of offset b of the bare one:
// the hyphens left out before it counted back in.
func (t *bareText) orig(b int) int {
	n := b
	for k, at := range t.at {
		if at >= b {
			break
		}
		n += t.size[k]
	}
	return n
}

// hyphenAt reports whether a hyphen of the text was left out at offset b.
func (t *bareText) hyphenAt(b int) bool {
	k := sort.SearchInts(t.at, b)
	return k < len(t.at) && t.at[k] == b
}

// agrees reports whether the quote's bare text at offset i, of length
// length, with hyphens left out at qat (offsets in it), is the text's:
// each of the quote's hyphens is the text's own there or falls where a
// word is joined (n.joins), and each of the text's is the quote's.
func (t *bareText) agrees(n *normal, i, length int, qat []int) bool {
	for _, p := range qat {
		if !t.hyphenAt(i+p) && !n.joinedAt(t.orig(i+p)) {
			return false
		}
	}
	for k := sort.SearchInts(t.at, i+1); k < len(t.at) && t.at[k] < i+length; k++ {
		if !slices.Contains(qat, t.at[k]-i) {
			return false
		}
	}
	return true
}

// findVerbatim looks for q's bytes in text, at word edges.
func findVerbatim(q, text string) (Span, bool) {
	if q == "" {
		return Span{}, false
	}
	for from := 0; from <= len(text)-len(q); {
		i := strings.Index(text[from:], q)
		if i < 0 {
			break
		}
		i += from
		if atEdges(text, q, i) {
			return Span{i, i + len(q)}, true
		}
		from = i + 1
	}
	return Span{}, false
}

// find looks for p in the normalised text between from and limit, at
// word edges, and returns its offset there.
func (x *Index) find(p string, from, limit int) (int, bool) {
	s := x.n.s
	if p == "" {
		return 0, false
	}
	for from <= limit-len(p) {
		i := strings.Index(s[from:limit], p)
		if i < 0 {
			break
		}
		i += from
		if atEdges(s, p, i) {
			return i, true
		}
		from = i + 1
	}
	return 0, false
}

// span maps a range of the normalised text back to the original. The
// end is where the next normalised character came from, less the soft
// hyphens and white space just before it.
func (x *Index) span(start, end int) Span {
	s := Span{x.n.orig(start), x.n.orig(end)}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(x.text[s.Start:s.End])
		if !dropped(r) && !unicode.IsSpace(r) {
			break
		}
		s.End -= size
	}
	return s
}

// findParts looks for a quote's parts around its ellipses in order,
// within one paragraph.
func (x *Index) findParts(parts []string) (Result, bool) {
	np := make([]string, len(parts))
	for i, p := range parts {
		np[i] = normString(p, charRules)
	}
	s := x.n.s
	for from := 0; from < len(s); {
		first, ok := x.find(np[0], from, len(s))
		if !ok {
			return Result{}, false
		}
		limit := x.n.paraAfter(first)
		if first+len(np[0]) > limit {
			from = first + 1
			continue
		}
		at := []int{first}
		pos := first + len(np[0])
		for _, p := range np[1:] {
			i, ok := x.find(p, pos, limit)
			if !ok {
				// A later start in this paragraph leaves less room for
				// this part: go on from the next paragraph.
				break
			}
			at = append(at, i)
			pos = i + len(p)
		}
		if len(at) < len(np) {
			from = limit + 1
			continue
		}
		r := Result{State: Normalised, Rules: Ellipsis}
		for i, a := range at {
			sp := x.span(a, a+len(np[i]))
			r.Parts = append(r.Parts, sp)
			r.Rules |= needed(parts[i], x.passage(sp))
		}
		r.Span = Span{r.Parts[0].Start, r.Parts[len(r.Parts)-1].End}
		if x.n.pageBreakIn(first, pos) {
			r.Rules |= PageBreak
		}
		return r, true
	}
	return Result{}, false
}

// needed is the character rules without which quote and passage differ.
func needed(quote, passage string) Rules {
	var r Rules
	for _, rule := range []Rules{Quotes, Whitespace, SoftHyphen, Invisible, Hyphenation, NFC, Ligatures} {
		if normString(quote, charRules&^rule) != normString(passage, charRules&^rule) {
			r |= rule
		}
	}
	return r
}

// ellipses are the marks that stand for a stretch left out, longest
// first where one begins another.
var ellipses = []string{"[…]", "[...]", "…", "..."}

// splitEllipsis splits a quote at its ellipses into the parts that must
// be found; ok is false when it has no ellipsis, or nothing around one.
func splitEllipsis(q string) (parts []string, ok bool) {
	found := false
	rest := q
	for {
		at, n := -1, 0
		for _, e := range ellipses {
			if i := strings.Index(rest, e); i >= 0 && (at < 0 || i < at) {
				at, n = i, len(e)
			}
		}
		if at < 0 {
			break
		}
		found = true
		if p := strings.TrimSpace(rest[:at]); p != "" {
			parts = append(parts, p)
		}
		rest = rest[at+n:]
	}
	if p := strings.TrimSpace(rest); p != "" {
		parts = append(parts, p)
	}
	return parts, found && len(parts) > 0
}

// atEdges says whether p at offset i of s begins and ends at word
// edges (atWordEdges), and is not cut inside a word or a number that an
// apostrophe or a separator makes one (joined): "I can" is not a quote of
// "I can’t", nor "$5" or "$5," of "$5,000,000", nor "rose 3." of "rose
// 3.5%". A possessive's ’s and an elided article's l’ part words: "Omri
// Lavie" is a quote of "Omri Lavie’s firm", "homme" of "l’homme".
func atEdges(s, p string, i int) bool {
	if !atWordEdges(s, p, i) {
		return false
	}
	end := i + len(p)
	// Where the quote begins: a separator between the text's word and
	// the quote's, as the text's last or the quote's first character.
	if r, n := utf8.DecodeLastRuneInString(s[:i]); i > 0 && joined(s[:i-n], r, p, false) {
		return false
	}
	if r, n := utf8.DecodeRuneInString(p); n < len(p) && joined(s[:i], r, p[n:], false) {
		return false
	}
	// Where it ends, likewise.
	if r, n := utf8.DecodeRuneInString(s[end:]); end < len(s) && joined(p, r, s[end+n:], true) {
		return false
	}
	if r, n := utf8.DecodeLastRuneInString(p); n < len(p) && joined(p[:len(p)-n], r, s[end:], true) {
		return false
	}
	return true
}

// atWordEdges says whether p at offset i of s begins and ends at word
// edges: a part that begins (ends) with a word character may not follow
// (precede) another. The closest passage is sought by it, so that a word
// of the quote found in a longer one is still near.
func atWordEdges(s, p string, i int) bool {
	first, _ := utf8.DecodeRuneInString(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWord(first) && isWord(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[i+len(p):]); i+len(p) < len(s) && isWord(last) && isWord(r) {
		return false
	}
	return true
}

// joined says whether r, between the text before and the text after it,
// makes one word or number of the two, so that a quote may not end (end)
// or begin at it: an apostrophe before the rest of a word (can’t, it’ll)
// but a possessive's s, or a decimal or thousands separator or a time's
// colon between digits (3.5, 5,000, 12:30). A quote may begin after an
// apostrophe (l’homme, dell’anno). A full stop after a year's four digits
// ends a sentence, a footnote's number after it (2019.12), more often
// than it makes a decimal.
func joined(before string, r rune, after string, end bool) bool {
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, n := utf8.DecodeRuneInString(after)
	if before == "" || after == "" {
		return false
	}
	switch r {
	case '\'', '\u2019', '\u02BC':
		if !end || !isWord(prev) || !isWord(next) {
			return false
		}
		rest, _ := utf8.DecodeRuneInString(after[n:])
		return !(next == 's' || next == 'S') || isWord(rest) // ’s alone is a possessive
	case '.':
		digits := len(before) - len(strings.TrimRightFunc(before, func(r rune) bool { return r >= '0' && r <= '9' }))
		return digits > 0 && digits != 4 && unicode.IsDigit(next)
	case ',', ':':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// isWord says whether r is part of a word: a letter, digit, combining
// mark (spacing ones too, as most vowel signs of Indic scripts are), or
// the soft hyphen or zero-width character that may sit inside one.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || dropped(r)
}
