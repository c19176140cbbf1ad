package evidence

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"chrono/model/termtext"
)

// mark is a stretch of a snapshot's text to mark: a quote (or a part of
// one around an ellipsis), or the passage closest to a quote not found.
type mark struct {
	start, end int
	closest    bool
	// anchor is the id the stretch's start is reached by; empty for
	// the parts of a quote after its first.
	anchor string
	// quote is the id of the quote the stretch is of, on every part.
	quote string
}

// segment is a stretch of a page's text, marked or not, with the anchors
// at its start.
type segment struct {
	Anchors []string
	// Class is "quote", "closest" or empty.
	Class string
	// Quotes are the ids of the quotes (or closest passages) the stretch
	// is part of, so that the page outlines the whole of the one its
	// link leads to, even where quotes overlap.
	Quotes []string
	Text   string
}

// quoteMarks are the marks of quote n.
func quoteMarks(n int, c quoteCheck) []mark {
	var ms []mark
	for i, p := range c.parts {
		m := mark{start: p.Start, end: p.End, closest: c.state == stateNotFound, quote: fmt.Sprintf("q%d", n)}
		if i == 0 {
			m.anchor = fmt.Sprintf("q%d", n)
		}
		ms = append(ms, m)
	}
	return ms
}

// segments cuts text at the edges of the marks, which may overlap: a
// stretch within a quote is marked as one, a stretch within only closest
// passages as such, and each anchor comes where its mark begins. The
// text is shown as termtext shows it, with its controls and invisible
// characters marked.
func segments(text string, marks []mark) []segment {
	type edge struct {
		at             int
		quote, closest int // +1 opening, -1 closing
		anchor         string
		id             string
	}
	edges := []edge{{at: 0}, {at: len(text)}}
	for _, m := range marks {
		if m.start < 0 || m.end > len(text) || m.start >= m.end {
			continue
		}
		open, shut := edge{at: m.start, anchor: m.anchor, id: m.quote}, edge{at: m.end, id: m.quote}
		if m.closest {
			open.closest, shut.closest = 1, -1
		} else {
			open.quote, shut.quote = 1, -1
		}
		edges = append(edges, open, shut)
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return a.at - b.at })
	var segs []segment
	quote, closest := 0, 0
	var anchors, within []string
	for i, e := range edges {
		quote += e.quote
		closest += e.closest
		if e.id != "" {
			if e.quote+e.closest > 0 {
				within = append(within, e.id)
			} else if j := slices.Index(within, e.id); j >= 0 {
				within = slices.Delete(within, j, j+1)
			}
		}
		if e.anchor != "" {
			anchors = append(anchors, e.anchor)
		}
		if i+1 < len(edges) && edges[i+1].at == e.at {
			continue
		}
		end := len(text)
		if i+1 < len(edges) {
			end = edges[i+1].at
		}
		if end == e.at && len(anchors) == 0 {
			continue
		}
		s := segment{Anchors: anchors, Text: show(text[e.at:end])}
		switch {
		case quote > 0:
			s.Class = "quote"
		case closest > 0:
			s.Class = "closest"
		}
		if s.Class != "" {
			s.Quotes = slices.Clone(within)
		}
		segs = append(segs, s)
		anchors = nil
	}
	return segs
}

// outline is the style that outlines every stretch of the quote a link
// leads to (its anchor is the page's target), one rule for the quotes
// marked on the page. The ids are chrono's own, "q" and a number.
func outline(segs []segment) template.CSS {
	var ids []string
	for _, s := range segs {
		for _, id := range s.Quotes {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return ""
	}
	sel := make([]string, len(ids))
	for i, id := range ids {
		sel[i] = "#" + id + ":target ~ mark." + id
	}
	return template.CSS(strings.Join(sel, ", ") + " { outline: 3px solid #f80; }")
}

// show is untrusted text as a page shows it: Windows line ends as line
// ends, every control and invisible character as a visible mark.
func show(s string) string {
	return termtext.Text(strings.ReplaceAll(s, "\r\n", "\n"))
}
