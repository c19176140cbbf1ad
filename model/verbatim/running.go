package verbatim

import (
	"strings"
	"unicode"
)

// A PDF's text layer, and a paginated text file, carry each page's
// running head and foot (a title, a date, a page number) between the
// last line of one page and the first of the next: a quote that goes on
// over a page's end has them in its way. The HeadersFooters rule reads
// the text without them.

// runningZone is how many lines at a page's top, and at its bottom, may
// be running heads or feet: a title and a date, a page number.
const runningZone = 3

// runningLines finds the running heads and feet of a text whose pages
// are separated by form feeds: a line among the first (or last)
// runningZone of a page that is also among the first (or last) of
// other pages, digits apart (page numbers and dates change): of most
// pages, and of three at least (every page of a text of two or three)
// unless it is only digits and marks (a page number). A line of words found so on two pages only may
// be the text itself ("not" at the top of two pages), which the rule
// must never skip inside a quote: it would turn "he would not resign"
// into "he would resign". It
// returns the stretches to read as a page break, each from the end of
// one page's last line of content to the start of the next page's
// first, where a running line stood between them; none for a text of
// one page, or one whose pages share no such line.
func runningLines(text string) []Span {
	if !strings.Contains(text, "\f") {
		return nil
	}
	pages := pageLines(text)
	if len(pages) < 2 {
		return nil
	}
	heads, feet := map[string]int{}, map[string]int{}
	for _, lines := range pages {
		countZone(heads, text, lines[:min(runningZone, len(lines))])
		countZone(feet, text, lines[max(0, len(lines)-runningZone):])
	}
	running := func(count map[string]int, line Span) bool {
		k := lineKey(text[line.Start:line.End])
		return count[k] >= repeatsNeeded(k, len(pages))
	}
	var (
		skips []Span
		after = -1    // where the content so far ends; -1 before any
		cut   = false // whether a running line was passed since
	)
	for _, lines := range pages {
		first := 0
		for first < min(runningZone, len(lines)) && running(heads, lines[first]) {
			first++
		}
		last := len(lines)
		for last > first && len(lines)-last < runningZone && running(feet, lines[last-1]) {
			last--
		}
		if first == last {
			// A page of running lines only, or a blank one: the stretch
			// goes on over it.
			cut = cut || len(lines) > 0
			continue
		}
		if first > 0 {
			cut = true
		}
		if after >= 0 && cut {
			skips = append(skips, Span{after, lines[first].Start})
		}
		after, cut = lines[last-1].End, last < len(lines)
	}
	return skips
}

// repeatsNeeded is on how many of a text's pages a line (its lineKey)
// must stand at the top or the bottom to be read as running: two for a
// page number (no letters: "#", "- # -"); else three in five pages, and
// three at least, or every page of a shorter text, as a running head or
// foot is on nearly every page.
func repeatsNeeded(key string, pages int) int {
	if !strings.ContainsFunc(key, unicode.IsLetter) {
		return 2
	}
	return min(pages, max(3, (pages*3+4)/5))
}

// pageLines splits text at its form feeds into pages, each the ranges of
// its lines that are not blank, without their leading and trailing
// white space.
func pageLines(text string) [][]Span {
	var pages [][]Span
	var lines []Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' && text[i] != '\r' && text[i] != '\f' {
			continue
		}
		if s := trimmed(text, start, i); s.End > s.Start {
			lines = append(lines, s)
		}
		start = i + 1
		if i == len(text) || text[i] == '\f' {
			pages = append(pages, lines)
			lines = nil
		}
	}
	return pages
}

// trimmed is the range from start to end of text without white space at
// either end.
func trimmed(text string, start, end int) Span {
	line := text[start:end]
	lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
	line = strings.TrimSpace(line)
	return Span{start + lead, start + lead + len(line)}
}

// countZone counts each line's key once for the page.
func countZone(count map[string]int, text string, lines []Span) {
	seen := make(map[string]bool, len(lines))
	for _, l := range lines {
		k := lineKey(text[l.Start:l.End])
		if !seen[k] {
			seen[k] = true
			count[k]++
		}
	}
}

// lineKey is a line as its repetitions on other pages read: each run of
// digits as one #, each run of white space as one space.
func lineKey(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	digits, space := false, false
	for _, r := range line {
		switch {
		case unicode.IsDigit(r):
			if !digits {
				b.WriteByte('#')
			}
			digits, space = true, false
			continue
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			digits, space = false, true
			continue
		}
		digits, space = false, false
		b.WriteRune(r)
	}
	return b.String()
}

// withoutRunning is the range s of text with each of the skips in it
// read as a page break: what a match under HeadersFooters stands for.
func withoutRunning(text string, skips []Span, s Span) string {
	var b strings.Builder
	at := s.Start
	for _, sk := range skips {
		if sk.End <= at || sk.Start >= s.End {
			continue
		}
		b.WriteString(text[at:max(at, sk.Start)])
		b.WriteString("\n\f\n")
		at = min(sk.End, s.End)
	}
	b.WriteString(text[at:s.End])
	return b.String()
}
