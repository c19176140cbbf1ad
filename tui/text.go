package tui

import (
	"fmt"
	"hash/fnv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/lipgloss/v2"

	"chrono/model"
	"chrono/model/termtext"
)

// Text helpers. Every string from the investigation passes through
// termtext before it is measured or styled here, and every line leaves
// here no wider than the space it was given. Widths are measured in
// terminal cells the way the terminal will lay them out (Styles.Cells),
// so wide characters (CJK, emoji) and combining marks keep columns
// aligned.

// width returns how many cells s takes on screen.
func (st *Styles) width(s string) int { return st.Cells.StringWidth(s) }

// fit cuts s (which may be styled) to at most w cells, ending in … when
// it cuts.
func (st *Styles) fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if st.width(s) <= w {
		return s
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
		msg.Content = termtext.Strip(msg.Content, multiline)
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

// line makes untrusted text safe and single-line.
func line(s string) string { return termtext.Line(s) }

// wrap makes untrusted text safe and wraps it to w cells, keeping its own
// line breaks and laying out tabs as spaces.
func (st *Styles) wrap(s string, w int) []string {
	s = strings.ReplaceAll(termtext.Text(s), "\t", "    ")
	if w <= 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(st.Cells.Wrap(s, w, ""), "\n") {
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
// BEL, so that no bell is ever written. Only what webURL accepts may be
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
func highlight(s, query string, base, match lipgloss.Style) string {
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
