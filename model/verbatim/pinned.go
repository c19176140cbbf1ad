package verbatim

import "unicode/utf8"

// pinned is where a diff pins the closest passage: the quote's and the
// text's tokens of its first and last match, -1 each when nothing
// matched. A punctuation mark at either end is not trusted to pin it
// when more of the text the quote lacks lies between it and the nearest
// matched word than the quote has there: the quote's closing full stop
// would otherwise stretch the passage to the end of the text's sentence
// ("office{+,” Lavie allegedly said+}."), where the passage is the words
// matched and as many tokens past them as the quote has
// ("office[-.-]{+,+}").
func pinned(ops []tokOp, q string, qs []token) (qa, ta, qb, tb int) {
	first, last := -1, -1
	for k, o := range ops {
		if o.op == Same {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return -1, -1, -1, -1
	}
	isWordAt := func(k int) bool {
		t := qs[ops[k].q]
		r, _ := utf8.DecodeRuneInString(q[t.start:t.end])
		return isWord(r)
	}
	// added counts the text's tokens the quote lacks between ops from
	// and to.
	added := func(from, to int) int {
		n := 0
		for _, o := range ops[from:to] {
			if o.op == Added {
				n++
			}
		}
		return n
	}
	for k := last; k >= first; k-- {
		if ops[k].op != Same || !isWordAt(k) {
			continue
		}
		if k != last && added(k, last) > len(qs)-1-ops[k].q {
			last = k
		}
		break
	}
	for k := first; k <= last; k++ {
		if ops[k].op != Same || !isWordAt(k) {
			continue
		}
		if k != first && added(first, k) > ops[k].q {
			first = k
		}
		break
	}
	return ops[first].q, ops[first].t, ops[last].q, ops[last].t
}
