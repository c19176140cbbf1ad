package timelinejs

import "strings"

// paragraphs writes plain text as HTML paragraphs: a blank line separates
// paragraphs, a single line break becomes <br>, and every character that
// means something in HTML is escaped, so text never turns into markup.
// htmlToText reads it back to the same text, but for runs of white space,
// which HTML collapses.
func paragraphs(text string) string {
	var b strings.Builder
	for _, p := range splitParagraphs(text) {
		b.WriteString("<p>")
		b.WriteString(inline(p))
		b.WriteString("</p>")
	}
	return b.String()
}

// inline writes plain text as inline HTML: escaped, with <br> for line
// breaks (two for a blank line), for captions and credits.
func inline(text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = escapeText(trimHTMLSpace(l))
	}
	return strings.Join(lines, "<br>")
}

// splitParagraphs splits text at blank lines, dropping empty paragraphs.
func splitParagraphs(text string) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if trimHTMLSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// textEscaper escapes text for an HTML text node. Quotes mean something
// only inside attribute values (escaped with html.EscapeString there), so
// they stay as they are and the JSON stays readable.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeText escapes the characters that would turn text into markup.
func escapeText(s string) string { return textEscaper.Replace(s) }

// trimHTMLSpace trims the white space HTML collapses, and only that: a
// paragraph separator (U+2029) or a no-break space is text to HTML, which
// htmlToText keeps, so the writer keeps it too.
func trimHTMLSpace(s string) string { return strings.TrimFunc(s, isSpaceRune) }
