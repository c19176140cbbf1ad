// Package wordwrap lays text out in lines of a terminal's width, breaking
// at spaces only.
package wordwrap

import "strings"

// Lines lays s, which may be styled (SGR, OSC 8), out in lines of at
// most width cells, breaking at spaces only: an event id, a URL or any
// hyphenated word is never split at its hyphen, so that what shows can
// be read and copied whole. A word is cut only where it alone is wider
// than a line, and then starts a line of its own. The text's own line
// breaks, the spaces that indent a line and those within it are kept;
// the spaces where a line breaks are dropped. Sequences stay whole, in
// the line of the text they style.
//
// A no-break space (U+00A0, see Keep) joins the words on either side:
// an example of a date or a command is never broken inside where it
// fits a line, and breaks at its no-break spaces where it does not. It
// is written as a space, so that a command copied from the screen is
// one a shell reads.
//
// measure gives a word's width in cells, and cut breaks a word too wide
// for any line into lines of at most width cells, as the terminal's
// measure of the caller has it (ansi.Method's StringWidth and Hardwrap).
func Lines(s string, width int, measure func(string) int, cut func(string, int) string) []string {
	return lines(s, width, measure, cut, false)
}

// Message lays out a message as Lines does, and keeps what it quotes
// ("…", “…”, `…`: a value as it was typed, a title, a key) on one line
// where it fits, as though its spaces were no-break ones: a quoted value
// read over two lines reads as two values. An option (-f, --format) is
// kept with the word before it, and a short one with its value, so that
// a command of another program ("iconv -f UTF-16 -t UTF-8") stays whole.
func Message(s string, width int, measure func(string) int, cut func(string, int) string) []string {
	return lines(s, width, measure, cut, true)
}

// Keep joins the words of s with no-break spaces, so that Lines and
// Message keep them on one line where they fit: an example or a command
// in a message.
func Keep(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

// Plain writes the no-break spaces of s as spaces, as Lines does: for
// a message laid out by no wrapping of chrono's (to a pipe, a file).
func Plain(s string) string { return strings.ReplaceAll(s, nbsp, " ") }

// nbsp is the no-break space.
const nbsp = "\u00a0"

// lines is Lines, and Message with message set.
func lines(s string, width int, measure func(string) int, cut func(string, int) string, message bool) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, w := range line(l, width, measure, cut, message) {
			out = append(out, Plain(w))
		}
	}
	return out
}

// word is one word of a line and the spaces before it.
type word struct{ gap, text string }

// words splits a line of text into its words, each with the spaces
// before it; the spaces that end the line come last, with no word. A
// word joined by no-break spaces, or in a message quoted or an option
// (see Message), is one word, unless it is wider than width: then it is
// its words.
func words(s string, width int, measure func(string) int, message bool) []word {
	var out []word
	for s != "" {
		spaces := len(s) - len(strings.TrimLeft(s, " "))
		gap, rest := s[:spaces], s[spaces:]
		end := wordEnd(rest, message)
		w := rest[:end]
		s = rest[end:]
		if w == "" || measure(w) <= width || !strings.ContainsAny(w, " "+nbsp) {
			out = append(out, word{gap, w})
			continue
		}
		// Too wide for any line: it breaks at its spaces, as any text.
		inner := words(strings.ReplaceAll(w, nbsp, " "), width, measure, false)
		inner[0].gap = gap
		out = append(out, inner...)
	}
	return out
}

// line wraps one line of text without line breaks (see Lines).
func line(s string, width int, measure func(string) int, cut func(string, int) string, message bool) []string {
	var out []string
	cur, curW := "", 0
	for _, w := range words(s, width, measure, message) {
		gap, word := w.gap, w.text
		if word == "" {
			// Spaces that end the line: kept as far as they fit.
			cur += gap[:min(len(gap), max(width-curW, 0))]
			break
		}
		ww := measure(word)
		switch {
		case curW+len(gap)+ww <= width:
			cur += gap + word
			curW += len(gap) + ww
			continue
		case cur != "":
			out = append(out, cur)
		}
		cur, curW = word, ww
		if ww > width {
			// Too wide for any line: cut where the width forces it.
			parts := strings.Split(cut(word, width), "\n")
			out = append(out, parts[:len(parts)-1]...)
			cur = parts[len(parts)-1]
			curW = measure(cur)
		}
	}
	return append(out, cur)
}

// wordEnd is where the word that starts s ends: at the first space that
// is not inside an escape sequence (a link's address may hold one), nor,
// in a message, inside a quotation that ends on the line or between an
// option and what it belongs to (optionJoins); or at the end of s.
func wordEnd(s string, message bool) int {
	start := 0 // of the last word joined
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if !message || !optionJoins(s[start:i], s[i+1:]) {
				return i
			}
			start = i + 1
		case 0x1b:
			i = sequenceEnd(s, i) - 1
		default:
			if message {
				if end := quoteEnd(s, i); end > 0 {
					i = end - 1
				}
			}
		}
	}
	return len(s)
}

// optionJoins reports whether a message keeps the word before a space,
// prev, on the line of the text after it, rest: an option (-f, --format)
// stays with the command or option before it, and a short option with
// its value, so that "iconv -f UTF-16 -t UTF-8" reads as one command.
// Punctuation after prev ends what the option could belong to.
func optionJoins(prev, rest string) bool {
	if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ",;:.)") {
		return false
	}
	next, _, _ := strings.Cut(rest, " ")
	return option(next) || option(prev) && len(prev) == 2
}

// option reports whether w is an option: -f, --format, --set=title.
func option(w string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(w, "-"), "-")
	return len(name) < len(w) && name != "" && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z')
}

// quotes are the marks a quotation opens with, and the mark that ends
// each.
var quotes = []struct{ open, close string }{{`"`, `"`}, {"“", "”"}, {"`", "`"}}

// quoteEnd is where the quotation that opens at s[i] ends, after its
// closing mark, or 0 when none opens there or it does not end in s. A
// backslash before a mark (as Go's %q writes one) does not end it.
func quoteEnd(s string, i int) int {
	for _, q := range quotes {
		if !strings.HasPrefix(s[i:], q.open) {
			continue
		}
		for j := i + len(q.open); j < len(s); j++ {
			switch {
			case s[j] == '\\' && q.open == `"`:
				j++
			case s[j] == 0x1b:
				j = sequenceEnd(s, j) - 1
			case strings.HasPrefix(s[j:], q.close):
				return j + len(q.close)
			}
		}
		return 0
	}
	return 0
}

// sequenceEnd is where the escape sequence that starts at s[i] ends: a
// CSI at its final byte, an OSC at its terminator (ST or BEL), any other
// after the byte that follows ESC.
func sequenceEnd(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}
