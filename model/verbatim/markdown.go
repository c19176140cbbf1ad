package verbatim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// readMarkdown is a Markdown text as a person reads it rendered: without
// emphasis markers (* and _), link syntax ([text](url), [text][ref],
// ![alt](url), <url>), inline code's backticks, backslash escapes'
// backslashes and headings' #. Every byte kept is a byte of the
// Markdown, so that the returned normal's orig maps a range of the
// reading back to the Markdown as written.
//
// It reads inline syntax, one paragraph (lines up to a blank line) at a
// time, well enough to compare quotes: a marker is taken away only when
// the syntax around it is whole (a * with a matching one, a [ with its
// ] and (url)), so that a lone * or [ stays as the reader sees it.
func readMarkdown(text string) *normal {
	var out []byte
	var marks []mark
	delta := 0
	keep := func(s string, base int) {
		if d := base - len(out); d != delta {
			marks = append(marks, mark{len(out), base})
			delta = d
		}
		out = append(out, s...)
	}
	start := 0 // of the paragraph being gathered
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i + 1
		}
		if strings.TrimSpace(text[i:end]) == "" {
			readParagraph(text[start:i], start, keep)
			keep(text[i:end], i)
			start = end
		}
		i = end
	}
	readParagraph(text[start:], start, keep)
	return &normal{s: string(out), marks: marks, origLen: len(text)}
}

// maxParagraph is the longest paragraph read as Markdown: reading one
// takes some bytes of memory for each of its bytes, and a paragraph
// longer than a whole article is not prose a quote is taken from but
// data, kept as written.
const maxParagraph = 1 << 20

// readParagraph passes the bytes of p, at offset base of the text, that
// a reader sees to keep, a run at a time.
func readParagraph(p string, base int, keep func(s string, base int)) {
	if p == "" {
		return
	}
	if len(p) > maxParagraph {
		keep(p, base)
		return
	}
	// drop marks the markup's bytes; literal marks bytes that are text
	// whatever they look like (code, an escaped character, a URL).
	drop := make([]bool, len(p))
	literal := make([]bool, len(p))
	headings(p, drop)
	blockquotes(p, drop)
	codeSpans(p, drop, literal)
	escapes(p, drop, literal)
	footnoteRefs(p, drop, literal)
	links(p, drop, literal)
	emphasis(p, drop, literal)
	for i := 0; i < len(p); {
		if drop[i] {
			i++
			continue
		}
		j := i + 1
		for j < len(p) && !drop[j] {
			j++
		}
		keep(p[i:j], base+i)
		i = j
	}
}

// headings drops an ATX heading's opening #s and the space after them,
// and its closing #s.
func headings(p string, drop []bool) {
	eachLine(p, func(i, end int) {
		line := p[i:end]
		indent := len(line) - len(strings.TrimLeft(line, " "))
		rest := line[indent:]
		n := len(rest) - len(strings.TrimLeft(rest, "#"))
		if indent <= 3 && n >= 1 && n <= 6 && (n == len(rest) || rest[n] == ' ' || rest[n] == '\t') {
			body := strings.TrimLeft(rest[n:], " \t")
			for k := i + indent; k < end-len(body); k++ {
				drop[k] = true
			}
			trimmed := strings.TrimRight(body, " \t\r")
			closing := strings.TrimRight(trimmed, "#")
			if len(closing) < len(trimmed) && (closing == "" || strings.HasSuffix(closing, " ") || strings.HasSuffix(closing, "\t")) {
				from := end - len(body) + len(strings.TrimRight(closing, " \t"))
				for k := from; k < end-(len(body)-len(trimmed)); k++ {
					drop[k] = true
				}
			}
		}
	})
}

// eachLine calls fn with the start and end (before its newline) of each
// line of p.
func eachLine(p string, fn func(start, end int)) {
	for i := 0; i < len(p); {
		end := strings.IndexByte(p[i:], '\n')
		if end < 0 {
			end = len(p)
		} else {
			end += i
		}
		fn(i, end)
		i = end + 1
	}
}

// blockquotes drops the > that begins each line of a block quote (up to
// three spaces before it, one after it, nested quotes' each), which a
// reader sees as a bar beside the text: a quote running from one line of
// it to the next is found.
func blockquotes(p string, drop []bool) {
	eachLine(p, func(i, end int) {
		for k := i; ; {
			j := k
			for j < end && j-k < 3 && p[j] == ' ' {
				j++
			}
			if j >= end || p[j] != '>' {
				break
			}
			if j++; j < end && p[j] == ' ' {
				j++
			}
			for x := k; x < j; x++ {
				drop[x] = true
			}
			k = j
		}
	})
}

// footnoteRefs drops a footnote's reference ([^1], [^note]), which a
// reader sees as a small number or not at all; a definition ([^1]: at a
// line's start) stays as it is.
func footnoteRefs(p string, drop, literal []bool) {
	for i := 0; i+2 < len(p); i++ {
		if p[i] != '[' || p[i+1] != '^' || literal[i] {
			continue
		}
		j := i + 2
		for j < len(p) && (p[j] == '-' || p[j] == '_' || p[j] < utf8.RuneSelf && (unicode.IsLetter(rune(p[j])) || unicode.IsDigit(rune(p[j])))) {
			j++
		}
		atLineStart := strings.TrimLeft(p[strings.LastIndexByte(p[:i], '\n')+1:i], " ") == ""
		if j == i+2 || j >= len(p) || p[j] != ']' || atLineStart && j+1 < len(p) && p[j+1] == ':' {
			continue
		}
		for x := i; x <= j; x++ {
			drop[x] = true
		}
		i = j
	}
}

// codeSpans drops the backticks around inline code, whose text is
// literal; a run of backticks with no run as long after it is text.
func codeSpans(p string, drop, literal []bool) {
	// unclosed holds the lengths of runs found to have no run as long
	// after them: a later run of that length has none either, so the
	// rest of the paragraph is not read again for it.
	unclosed := map[int]bool{}
	for i := 0; i < len(p); {
		if p[i] != '`' || (i > 0 && p[i-1] == '\\') {
			i++
			continue
		}
		n := runOf(p, i, '`')
		closeAt := -1
		for j := i + n; j < len(p) && !unclosed[n]; {
			if p[j] != '`' {
				j++
				continue
			}
			m := runOf(p, j, '`')
			if m == n {
				closeAt = j
				break
			}
			j += m
		}
		if closeAt < 0 {
			unclosed[n] = true
			i += n
			continue
		}
		for k := i; k < i+n; k++ {
			drop[k] = true
		}
		for k := i + n; k < closeAt; k++ {
			literal[k] = true
		}
		for k := closeAt; k < closeAt+n; k++ {
			drop[k] = true
		}
		i = closeAt + n
	}
}

// escapes drops the backslash before an ASCII punctuation character,
// which is then text.
func escapes(p string, drop, literal []bool) {
	for i := 0; i+1 < len(p); i++ {
		if p[i] == '\\' && !literal[i] && !drop[i] && isASCIIPunct(p[i+1]) {
			drop[i] = true
			literal[i+1] = true
			i++
		}
	}
}

// links drops the syntax of links and images around their text: the
// brackets, the (destination) or [reference] after them, an image's !,
// and an autolink's angle brackets.
func links(p string, drop, literal []bool) {
	free := func(i int) bool { return !literal[i] && !drop[i] }
	brackets := matches(p, '[', ']', free)
	parens := matches(p, '(', ')', free)
	for i := 0; i < len(p); i++ {
		if !free(i) {
			continue
		}
		switch p[i] {
		case '<':
			// An autolink holds no space or <: looking no further keeps
			// a paragraph of unclosed <s linear.
			end := strings.IndexAny(p[i+1:], "> \t\n<")
			if end < 0 || p[i+1+end] != '>' {
				continue
			}
			u := p[i+1 : i+1+end]
			if !strings.ContainsAny(u, " \t\n<") && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:")) {
				drop[i], drop[i+1+end] = true, true
				for k := i + 1; k <= i+end; k++ {
					literal[k] = true
				}
				i += 1 + end
			}
		case '[':
			closeAt := brackets[i]
			if closeAt < 0 || closeAt+1 >= len(p) {
				continue
			}
			var after int
			switch p[closeAt+1] {
			case '(':
				after = parens[closeAt+1]
			case '[':
				after = brackets[closeAt+1]
			default:
				continue
			}
			if after < 0 {
				continue
			}
			drop[i] = true
			if i > 0 && p[i-1] == '!' && free(i-1) {
				drop[i-1] = true
			}
			for k := closeAt; k <= after; k++ {
				drop[k] = true
			}
		}
	}
}

// matches gives, at the offset of each open on a free byte, the offset
// of the close that matches it, with nested pairs between; -1 where
// there is none. One pass, so that a paragraph of opens that are never
// closed is not read once for each.
func matches(p string, open, close byte, free func(int) bool) []int {
	m := make([]int, len(p))
	var stack []int
	for j := 0; j < len(p); j++ {
		m[j] = -1
		if !free(j) {
			continue
		}
		switch p[j] {
		case open:
			stack = append(stack, j)
		case close:
			if n := len(stack); n > 0 {
				m[stack[n-1]] = j
				stack = stack[:n-1]
			}
		}
	}
	return m
}

// emphasis drops the runs of * and _ that open and close emphasis, by
// CommonMark's flanking rules: a run is taken away only with a match.
func emphasis(p string, drop, literal []bool) {
	type run struct{ at, n int }
	// openers are the runs that may open, a stack for each character;
	// a match takes away the openers after it, of either character, as
	// its emphasis closes over them.
	openers := map[byte][]run{}
	for i := 0; i < len(p); {
		c := p[i]
		if (c != '*' && c != '_') || literal[i] || drop[i] {
			i++
			continue
		}
		n := runOf(p, i, c)
		prev, next := ' ', ' '
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(p[:i])
		}
		if i+n < len(p) {
			next, _ = utf8.DecodeRuneInString(p[i+n:])
		}
		left := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
		right := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
		canOpen, canClose := left, right
		if c == '_' {
			canOpen = left && (!right || isPunct(prev))
			canClose = right && (!left || isPunct(next))
		}
		closed := false
		if s := openers[c]; canClose && len(s) > 0 {
			o := s[len(s)-1]
			openers[c] = s[:len(s)-1]
			for _, other := range []byte{'*', '_'} {
				t := openers[other]
				for len(t) > 0 && t[len(t)-1].at > o.at {
					t = t[:len(t)-1]
				}
				openers[other] = t
			}
			for j := o.at; j < o.at+o.n; j++ {
				drop[j] = true
			}
			for j := i; j < i+n; j++ {
				drop[j] = true
			}
			closed = true
		}
		if !closed && canOpen {
			openers[c] = append(openers[c], run{i, n})
		}
		i += n
	}
}

// runOf is the length of the run of c at offset i of p.
func runOf(p string, i int, c byte) int {
	n := 0
	for i+n < len(p) && p[i+n] == c {
		n++
	}
	return n
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
