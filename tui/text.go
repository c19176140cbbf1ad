package tui

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/model/termtext"
)

// Text helpers. Every string from the investigation passes through
// termtext before it is measured or styled here, and every line leaves
// here no wider than the space it was given. Widths are measured in
// terminal cells the way the terminal will lay them out (Styles.Cells),
// so wide characters (CJK, emoji) and combining marks keep columns
// aligned.

// width returns how many cells s takes on screen. A row is measured
// several times as it is laid out, so the common case is counted
// directly: printable ASCII and the characters of cellsOf, whose width
// both measures agree on, and the sequences that style them (CSI: ESC [,
// parameters, a final byte), which take none. Anything else is measured
// as the terminal will lay it out.
func (st *Styles) width(s string) int {
	if w, ok := quickWidth(s); ok {
		return w
	}
	return st.Cells.StringWidth(s)
}

// quickWidth measures s if it holds only what width's shortcut knows.
func quickWidth(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x7e:
			n++
		case c >= 0xc2 && c <= 0xe9:
			// Latin and Cyrillic letters, dashes, quotation marks, the
			// ellipsis, arrows, box drawing and CJK ideographs: cells
			// the measures agree on, each character a cluster alone.
			r, size := utf8.DecodeRuneInString(s[i:])
			cells := cellsOf(r)
			if cells == 0 {
				return 0, false
			}
			n += cells
			i += size - 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return 0, false
			}
			i = j
		default:
			return 0, false
		}
	}
	return n, true
}

// narrowAmbiguous says the terminal's measures give the characters of
// East Asian ambiguous width (most of cellsOf's below CJK) one cell, as
// they do unless the environment asks for East Asian widths
// (RUNEWIDTH_EASTASIAN, or a CJK locale): then cellsOf knows none of
// them, and the measures decide.
var narrowAmbiguous = func() bool {
	for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		if cells.StringWidth("é—…→│▅✓Ж±") != 9 {
			return false
		}
	}
	return true
}()

// cellsOf is how many cells r takes if it is one of the common
// characters beyond ASCII that both measures give the same width and
// that form a grapheme cluster of their own; 0 for any other.
func cellsOf(r rune) int {
	if !narrowAmbiguous {
		return 0
	}
	switch {
	case r >= 0xA1 && r <= 0x24F && r != 0xAD: // not the soft hyphen, which takes none
		return 1
	case r >= 0x400 && r <= 0x482, r >= 0x48A && r <= 0x4FF: // not the combining marks
		return 1
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // dashes, quotation marks, bullets, primes
		return 1
	case r >= 0x2190 && r <= 0x21FF, r >= 0x2500 && r <= 0x259F: // arrows, box drawing, blocks
		return 1
	case r == 0x270E || r == 0x2713 || r == 0x2717: // ✎ ✓ ✗
		return 1
	case r >= 0x4E00 && r <= 0x9FFF: // CJK ideographs
		return 2
	}
	return 0
}

// fit cuts s (which may be styled) to at most w cells, ending in … when
// it cuts.
func (st *Styles) fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if st.width(s) <= w {
		return s
	}
	if out, ok := quickFit(s, w); ok {
		return out
	}
	// Truncate can count a sequence joined by ZWJ as one character where
	// the cell-by-cell measure counts each part; cut again until the
	// measure the terminal uses agrees.
	out := st.Cells.Truncate(s, w, "…")
	for n := w; n > 0; {
		over := st.width(out) - w
		if over <= 0 {
			break
		}
		n = max(n-over, 0)
		out = st.Cells.Truncate(s, n, "…")
	}
	return out
}

// quickFit cuts s, which is wider than w, as fit does, if all of it is
// plain text of the characters quickWidth knows: no sequence or stray
// byte that Truncate would keep from what it cuts off, nothing that
// could join the last character kept.
func quickFit(s string, w int) (string, bool) {
	if !narrowAmbiguous {
		return "", false // … itself takes two cells
	}
	limit := w - 1 // the width of …
	n, cut := 0, -1
	for i := 0; i < len(s); {
		c := s[i]
		cells, size := 1, 1
		switch {
		case c >= 0x20 && c <= 0x7e:
		case c >= 0xc2 && c <= 0xe9:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if cells = cellsOf(r); cells == 0 {
				return "", false
			}
		default:
			return "", false
		}
		if cut < 0 && n+cells > limit {
			cut = i
		}
		n += cells
		i += size
	}
	if cut < 0 {
		return "", false
	}
	return s[:cut] + "…", true
}

// pad fits s to w cells and fills the rest with spaces.
func (st *Styles) pad(s string, w int) string {
	s = st.fit(s, w)
	if n := w - st.width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// cleanInput takes the control characters out of what is typed or pasted
// into an input, keeping newlines and tabs when multiline; it returns nil
// for a key that leaves nothing to insert.
func cleanInput(msg tea.Msg, multiline bool) tea.Msg {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		msg.Content = termtext.Strip(withoutSequences(pastedBreaks(msg.Content, multiline)), multiline)
		return msg
	case tea.KeyPressMsg:
		if msg.Text != "" {
			if msg.Text = termtext.Strip(msg.Text, false); msg.Text == "" {
				return nil
			}
		}
		return msg
	}
	return msg
}

// pastedBreaks makes each line break of a paste a newline, however the
// terminal sent it (many send CR, some CR LF, as the Enter key does), or
// a space where the input is one line: dropped as control characters,
// they joined the last word of a line to the first of the next.
func pastedBreaks(s string, multiline bool) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if !multiline {
		s = strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
	}
	return s
}

// clip returns the start of s that can show in w cells, with room to
// spare: every cell holds at least one rune, and a few zero-width ones are
// allowed for. A frame then costs what the screen holds, however long the
// text (a title may be 64 KiB).
func clip(s string, w int) string {
	limit := 4*max(w, 0) + 16
	if len(s) <= limit {
		return s
	}
	for i := range s {
		if limit == 0 {
			return s[:i]
		}
		limit--
	}
	return s
}

// cutTitle is another event's title, shown beside this one's, cut to at
// most n characters, ending in … when cut: a title may be a line of
// 64 KiB.
func cutTitle(title string, n int) string {
	if termtext.RuneOffset(title, n) == len(title) {
		return title
	}
	return title[:termtext.RuneOffset(title, n-1)] + "…"
}

// line makes untrusted text safe and single-line.
func line(s string) string { return termtext.Line(s) }

// wrap makes untrusted text safe and wraps it to w cells at its spaces
// (see wrapWords), keeping its own line breaks and laying out tabs as
// spaces.
func (st *Styles) wrap(s string, w int) []string {
	s = strings.ReplaceAll(termtext.Text(s), "\t", "    ")
	if w <= 0 {
		return nil
	}
	var out []string
	for _, l := range st.wrapWords(s, w) {
		out = append(out, st.fit(l, w))
	}
	return out
}

// breakURL makes an untrusted URL safe and single-line and breaks it
// into lines of w cells: only where the width forces it, never at its
// hyphens or slashes, so that what shows is the URL and can be copied.
func (st *Styles) breakURL(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(st.Cells.Hardwrap(line(s), w, true), "\n") {
		out = append(out, st.fit(l, w))
	}
	return out
}

// hyperlink makes text, already styled, a link to a web address (OSC 8),
// which a terminal that knows hyperlinks lets the reader follow and
// ignores otherwise. The id, the same on every line of one URL, keeps a
// URL broken over lines one link. The sequence ends in ST rather than
// BEL, so that no bell is ever written. Only what model.WebURL accepts may be
// given: an http or https URL of printable ASCII, which cannot end the
// sequence early.
func hyperlink(web, text string) string {
	h := fnv.New64a()
	h.Write([]byte(web))
	return fmt.Sprintf("\x1b]8;id=chrono-%x;%s\x1b\\%s\x1b]8;;\x1b\\", h.Sum64(), web, text)
}

// highlight styles s with base, and every occurrence of query in it with
// match, found as a search finds it (ignoring case, and accents when the
// query has none). s must already be safe.
func highlight(s, query string, base, match Ink) string {
	if query == "" {
		return base.Render(s)
	}
	var b strings.Builder
	for s != "" {
		i, end := model.FindFold(s, query)
		if i < 0 || end == i {
			break
		}
		b.WriteString(base.Render(s[:i]))
		b.WriteString(match.Render(s[i:end]))
		s = s[end:]
	}
	b.WriteString(base.Render(s))
	return b.String()
}
