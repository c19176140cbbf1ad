package verbatim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDiffWords bounds the words of a quote that the closest passage is
// sought for, and diffed: the diff costs their square.
const maxDiffWords = 400

// maxAnchors is how many of a quote's words are sought in the text to
// place it.
const maxAnchors = 8

// maxAnchorHits bounds the places a word may anchor a quote: a word
// found more often ("the") says little about where the quote is, and
// costs votes.
const maxAnchorHits = 2000

// token is a word, or one punctuation character, of a normalised text.
type token struct {
	start, end int
	// space says white space comes before the token.
	space bool
}

// tokenize splits a normalised text into tokens: runs of word
// characters (with the apostrophes, hyphens and dashes inside them that
// joins keeps, so that "so-called" and "so‑called" are one word each, to
// be compared), and each other character alone.
func tokenize(s string) []token {
	var ts []token
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		j := i + size
		if isWord(r) {
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if isWord(r) {
					j += n
					continue
				}
				if j+n < len(s) {
					prev, _ := utf8.DecodeLastRuneInString(s[:j])
					if next, _ := utf8.DecodeRuneInString(s[j+n:]); isWord(next) && joins(prev, r, next) {
						j += n
						continue
					}
				}
				break
			}
		}
		ts = append(ts, token{i, j, space})
		space = false
		i = j
	}
	return ts
}

// lowerASCII folds ASCII letters, keeping every offset where it was.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// closest is the not-found result for a quote: the passage of the text
// its words, normalised, best line up with, and the diff against it. The
// quote's words vote for where the passage starts (a word at offset i of
// the quote found at offset j of the text votes for j-i); the start with
// most votes within a band wins, and a word diff over a window there
// finds the passage's ends. Only the window is split into words.
func (x *Index) closest(q string) Result {
	qn := normalise(q, charRules)
	nq := strings.TrimLeftFunc(qn.s, unicode.IsSpace)
	lead := len(qn.s) - len(nq)
	nq = strings.TrimRightFunc(nq, unicode.IsSpace)
	qs := tokenize(nq)
	if len(qs) > maxDiffWords {
		qs = qs[:maxDiffWords]
		nq = nq[:qs[len(qs)-1].end]
	}
	if x.lower == "" {
		x.lower = lowerASCII(x.n.s)
	}
	lq := lowerASCII(nq)
	// Where each of the quote's words is in it.
	at := map[string][]int{}
	var words []string
	anchor := func(w string, i int) {
		if at[w] == nil {
			words = append(words, w)
		}
		at[w] = append(at[w], i)
	}
	for _, t := range qs {
		w := lq[t.start:t.end]
		if r, _ := utf8.DecodeRuneInString(w); !isWord(r) {
			continue
		}
		anchor(w, t.start)
		if strings.ContainsFunc(w, isDash) {
			// Its parts too: the text may join them with another dash
			// ("5-10" against "5–10"), which names the difference.
			for part, i := range dashParts(w) {
				anchor(part, t.start+i)
			}
		}
	}
	// The longest words are the rarest and the quickest to look for; a
	// few of them place the quote, and the diff sees the rest.
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	votes := map[int]int{}
	// Where in the text each vote's word is: with no word of the quote
	// the same as the text's, the words that placed it are the passage.
	type placed struct{ diag, start, end int }
	var hitsAt []placed
	vote := func(w string, hits []int) {
		for _, j := range hits {
			for _, i := range at[w] {
				votes[j-i]++
				hitsAt = append(hitsAt, placed{j - i, j, j + len(w)})
			}
		}
	}
	common := map[string][]int{}
	for k, w := range words {
		if k > 0 && k%maxAnchors == 0 && len(votes) > 0 {
			break // placed
		}
		// None of the longest placed it: the shorter words are sought
		// too, so that "no word of it is in the text" is said only
		// when it is so; one not in the text's words is not sought.
		if k >= maxAnchors && !strings.ContainsFunc(w, func(r rune) bool { return !isWord(r) }) {
			if _, there := x.wordSet()[w]; !there {
				continue
			}
		}
		var hits []int
		for from := 0; len(hits) <= maxAnchorHits; {
			i := strings.Index(x.lower[from:], w)
			if i < 0 {
				break
			}
			i += from
			if atWordEdges(x.lower, w, i) {
				hits = append(hits, i)
			}
			from = i + len(w)
		}
		if len(hits) > maxAnchorHits {
			common[w] = hits[:maxAnchorHits]
			continue
		}
		vote(w, hits)
	}
	if len(votes) == 0 {
		// Every word sought is too common to say where the quote is:
		// its first places still give a passage, where saying that no
		// word of it is in the text would be false.
		for w, hits := range common {
			vote(w, hits)
		}
	}
	if len(votes) == 0 {
		return Result{}
	}
	diags := make([]int, 0, len(votes))
	for d := range votes {
		diags = append(diags, d)
	}
	sort.Ints(diags)
	band := max(24, len(nq)/5)
	best, bestVotes, sum := 0, -1, 0
	for lo, hi := 0, 0; hi < len(diags); hi++ {
		sum += votes[diags[hi]]
		for diags[hi]-diags[lo] > 2*band {
			sum -= votes[diags[lo]]
			lo++
		}
		if sum > bestVotes {
			best, bestVotes = diags[lo], sum
		}
	}
	// The window is the winning band with room for the quote, widened to
	// white space so that no word is cut.
	s := x.n.s
	from := max(0, best-band)
	for from > 0 && s[from-1] != ' ' {
		from--
	}
	to := min(len(s), best+len(nq)+2*band)
	for to < len(s) && s[to] != ' ' {
		to++
	}
	ts := tokenize(s[from:to])
	for i := range ts {
		ts[i].start += from
		ts[i].end += from
	}
	if len(ts) == 0 {
		return Result{}
	}
	ops := diffTokens(nq, qs, s, ts)
	// The passage runs from the first text token matched, less the
	// quote's words before it, to the last, plus those after it.
	qa, ta, qb, tb := pinned(ops, nq, qs)
	var win []token
	if qa < 0 {
		// No word is the same, but parts of them placed the quote
		// ("5-10" at "5–10"): the passage runs from the first of them
		// in the winning band to the last, whole words.
		lo, hi := -1, -1
		for _, h := range hitsAt {
			if h.diag < best || h.diag > best+2*band {
				continue
			}
			if lo < 0 || h.start < lo {
				lo = h.start
			}
			hi = max(hi, h.end)
		}
		for _, t := range ts {
			if t.end > lo && t.start < hi {
				win = append(win, t)
			}
		}
		if len(win) == 0 {
			return Result{}
		}
	} else {
		win = ts[max(0, ta-qa):min(len(ts), tb+len(qs)-qb)]
	}
	ops = diffTokens(nq, qs, s, win)
	sp := x.span(win[0].start, win[len(win)-1].end)
	// The diff shows each word as it is written, not as it was compared:
	// a curly quotation mark stays curly, a decomposed accent decomposed.
	quoteWord := func(t token) string { return written(q, qn, lead+t.start, lead+t.end) }
	textWord := func(t token) string { return written(x.text, x.n, t.start, t.end) }
	return Result{Closest: sp, Diff: changes(ops, qs, quoteWord, win, textWord)}
}

// written is the original of bytes start to end of a normalised text,
// without the soft hyphens and white space the rules dropped after it.
func written(orig string, n *normal, start, end int) string {
	w := orig[n.orig(start):n.orig(end)]
	for w != "" {
		r, size := utf8.DecodeLastRuneInString(w)
		if !dropped(r) && !unicode.IsSpace(r) {
			break
		}
		w = w[:len(w)-size]
	}
	return w
}

// tokOp is one token of a diff: the quote's token q and the text's t,
// -1 where a side has none.
type tokOp struct {
	op   Op
	q, t int
}

// diffTokens is the longest common subsequence diff of two token lists,
// by their exact text.
func diffTokens(a string, as []token, b string, bs []token) []tokOp {
	n, m := len(as), len(bs)
	// lcs[i][j] is the longest common subsequence of as[i:] and bs[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	eq := func(i, j int) bool { return a[as[i].start:as[i].end] == b[bs[j].start:bs[j].end] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []tokOp
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case eq(i, j):
			ops = append(ops, tokOp{Same, i, j})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			ops = append(ops, tokOp{Removed, i, -1})
			i++
		default:
			ops = append(ops, tokOp{Added, -1, j})
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, tokOp{Removed, i, -1})
	}
	for ; j < m; j++ {
		ops = append(ops, tokOp{Added, -1, j})
	}
	return ops
}

// changes joins a token diff into runs of words, each word as word
// gives it: the quote's for words in the quote, the text's for the rest.
func changes(ops []tokOp, as []token, aWord func(token) string, bs []token, bWord func(token) string) []Change {
	var cs []Change
	for k, o := range ops {
		spaceOff := false
		if o.op == Same && k > 0 && ops[k-1].op == Same && as[o.q].space != bs[o.t].space {
			// The same words, but for a space (or a line or paragraph
			// break) one has between them: a diff of the words alone
			// would show no difference at all.
			op := Added
			if as[o.q].space {
				op, spaceOff = Removed, true
			}
			cs = append(cs, Change{Op: op, Text: " "})
		}
		var t token
		var word string
		if o.op == Added {
			t = bs[o.t]
			word = bWord(t)
		} else {
			t = as[o.q]
			word = aWord(t)
		}
		if spaceOff {
			t.space = false // said as removed, just before
		}
		if n := len(cs); n > 0 && cs[n-1].Op == o.op {
			if t.space {
				cs[n-1].Text += " "
			}
			cs[n-1].Text += word
			continue
		}
		cs = append(cs, Change{Op: o.op, Text: word, Space: t.space && len(cs) > 0})
	}
	return cs
}

// DiffString writes a diff as one line, as git's word diff does: words
// only in the quote as [-words-], words only in the text as {+words+}.
func DiffString(cs []Change) string {
	var b strings.Builder
	for i, c := range cs {
		if c.Space && !(c.Op == Added && i > 0 && cs[i-1].Op == Removed) {
			b.WriteByte(' ')
		}
		switch c.Op {
		case Removed:
			b.WriteString("[-" + c.Text + "-]")
		case Added:
			b.WriteString("{+" + c.Text + "+}")
			if i > 0 && cs[i-1].Op == Removed {
				b.WriteString(dashNote(cs[i-1].Text, c.Text))
			}
		default:
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// wordSet is the set of the words of x.lower, made once.
func (x *Index) wordSet() map[string]struct{} {
	if x.words == nil {
		x.words = map[string]struct{}{}
		start := -1
		for i, r := range x.lower {
			switch {
			case isWord(r) && start < 0:
				start = i
			case !isWord(r) && start >= 0:
				x.words[x.lower[start:i]] = struct{}{}
				start = -1
			}
		}
		if start >= 0 {
			x.words[x.lower[start:]] = struct{}{}
		}
	}
	return x.words
}
