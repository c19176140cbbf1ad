package timelinejs

import (
	"strings"
)

// Elements that end a paragraph, and elements that end a line.
var (
	paragraphElements = map[string]bool{
		"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"blockquote": true, "ul": true, "ol": true, "dl": true, "table": true, "pre": true,
		"section": true, "article": true, "aside": true, "figure": true, "hr": true,
		"header": true, "footer": true, "nav": true, "main": true,
	}
	lineElements = map[string]bool{
		"div": true, "li": true, "tr": true, "dt": true, "dd": true,
		"figcaption": true, "address": true, "caption": true,
	}
	// embedElements show something that is not text; their content is
	// fallback markup, skipped with them.
	embedElements = map[string]bool{
		"img": true, "iframe": true, "video": true, "audio": true, "object": true,
		"embed": true, "svg": true, "canvas": true, "picture": true, "math": true,
	}
	// voidElements have no end tag.
	voidElements = map[string]bool{
		"img": true, "embed": true, "br": true, "hr": true, "wbr": true, "input": true,
		"source": true, "track": true, "area": true, "col": true, "meta": true, "link": true, "base": true, "param": true,
	}
)

// htmlToText turns an HTML fragment from a TimelineJS text field into
// plain text: tags are dropped, paragraphs and list items become lines
// (a blank line between paragraphs), <br> a line break, entities are
// decoded and runs of white space collapse as a browser collapses them,
// except in <pre>. A link keeps its address after its words when the words
// do not show it. It also returns how many images and embeds it dropped.
func htmlToText(s string) (text string, embeds int) {
	if !strings.ContainsAny(s, "<&") {
		return collapseSpace(s), 0 // plain text, the common case
	}
	t := textBuilder{}
	skip := 0 // depth inside an embed whose fallback content is skipped
	var skipName string
	linkStart, href := -1, ""
	for _, tok := range tokenize(s) {
		if skip > 0 {
			switch {
			case tok.kind == startToken && tok.name == skipName && !voidElements[tok.name]:
				skip++
			case tok.kind == endToken && tok.name == skipName:
				skip--
			}
			continue
		}
		switch tok.kind {
		case textToken:
			t.text(tok.text)
		case startToken:
			switch {
			case tok.name == "br":
				t.lineBreak()
			case embedElements[tok.name]:
				embeds++
				if !voidElements[tok.name] {
					skip, skipName = 1, tok.name
				}
			case tok.name == "pre":
				t.breakAtLeast(2)
				t.pre++
			case paragraphElements[tok.name]:
				t.breakAtLeast(2)
			case lineElements[tok.name]:
				t.breakAtLeast(1)
			case tok.name == "td" || tok.name == "th":
				t.text(" ")
			case tok.name == "a":
				linkStart, href = t.b.Len(), strings.TrimSpace(tok.attrs["href"])
			}
		case endToken:
			switch {
			case tok.name == "pre":
				t.pre = max(t.pre-1, 0)
				t.breakAtLeast(2)
			case paragraphElements[tok.name]:
				t.breakAtLeast(2)
			case lineElements[tok.name]:
				t.breakAtLeast(1)
			case tok.name == "a" && linkStart >= 0:
				if showsAddress(href) && !strings.Contains(t.b.String()[linkStart:], href) {
					t.text(" (" + href + ")")
				}
				linkStart = -1
			}
		}
	}
	return t.String(), embeds
}

// showsAddress reports whether a link's address is worth keeping in text:
// not an anchor within the page and not script.
func showsAddress(href string) bool {
	lower := strings.ToLower(href)
	return href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(lower, "javascript:")
}

// textBuilder writes plain text, collapsing white space and holding line
// breaks back until text follows them, so that none trail or double up.
type textBuilder struct {
	b       strings.Builder
	breaks  int  // line breaks wanted before the next text
	space   bool // a space is wanted before the next text
	pre     int  // depth inside <pre>
	started bool
}

func (t *textBuilder) breakAtLeast(n int) { t.breaks = max(t.breaks, n) }

func (t *textBuilder) lineBreak() { t.breaks++ }

func (t *textBuilder) text(s string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if t.pre > 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				t.lineBreak()
			}
			if line != "" {
				t.write(line)
			}
		}
		return
	}
	for i, word := range strings.FieldsFunc(s, isSpaceRune) {
		if i > 0 || (len(s) > 0 && isSpaceRune(rune(s[0]))) {
			t.space = true
		}
		t.write(word)
	}
	if len(s) > 0 && isSpaceRune(rune(s[len(s)-1])) {
		t.space = true
	}
}

func (t *textBuilder) write(s string) {
	if t.started {
		switch {
		case t.breaks > 0:
			t.b.WriteString(strings.Repeat("\n", min(t.breaks, 2)))
		case t.space:
			t.b.WriteByte(' ')
		}
	}
	t.breaks, t.space, t.started = 0, false, true
	t.b.WriteString(s)
}

func (t *textBuilder) String() string {
	lines := strings.Split(t.b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// collapseSpace collapses runs of HTML white space (and no-break spaces)
// in plain text to one space, keeping line breaks as they are written, since a field without
// markup is most likely plain text with its own lines.
func collapseSpace(s string) string {
	// A no-break space is a space, as in markup (textBuilder.text).
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.FieldsFunc(l, isSpaceRune), " ")
	}
	return strings.Trim(collapseBlankLines(strings.Join(lines, "\n")), "\n")
}

// collapseBlankLines turns three or more line breaks into two.
func collapseBlankLines(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

// oneLine turns text into a single line, for titles and names.
func oneLine(s string) string {
	if isOneLine(s) {
		return s // most are: no copy
	}
	return strings.Join(strings.FieldsFunc(s, isSpaceRune), " ")
}
