package markdown

import (
	"strings"

	"chrono/model/termtext"
)

// paragraphs splits untrusted text into paragraphs of escaped lines, safe
// for a terminal and for Markdown. Blank lines separate paragraphs; the
// lines of a paragraph are kept apart by hard line breaks, so a quote keeps
// its line breaks.
func paragraphs(text string) [][]string {
	text = strings.ReplaceAll(text, "\r\n", "\n") // a line break, not a control character to show
	var out [][]string
	var para []string
	for l := range strings.SplitSeq(termtext.Text(text), "\n") {
		l = line(l)
		if l == "" {
			if para != nil {
				out = append(out, para)
				para = nil
			}
			continue
		}
		para = append(para, l)
	}
	if para != nil {
		out = append(out, para)
	}
	return out
}

// block writes text as Markdown paragraphs, every line beginning with
// prefix ("> " in a blockquote), and the first line with lead after the
// prefix (a label such as "*Investigator's note:* "). It writes nothing
// for blank text.
func (w *writer) block(prefix, lead, text string) {
	blankLine := strings.TrimRight(prefix, " ")
	for i, para := range paragraphs(text) {
		if i > 0 {
			w.printf("%s\n", blankLine)
		}
		for j, l := range para {
			if i == 0 && j == 0 {
				l = lead + l
			}
			end := "\n"
			if j < len(para)-1 {
				end = "\\\n" // a hard line break
			}
			w.printf("%s%s%s", prefix, l, end)
		}
	}
}

// oneLine returns untrusted text for a single line of Markdown: a heading,
// a list item, an attribution.
func oneLine(s string) string { return inline(strings.TrimSpace(termtext.Line(s))) }
