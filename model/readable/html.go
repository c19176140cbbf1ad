package readable

import (
	"bytes"
	"fmt"
	"strings"

	"chrono/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML reduces a page to its article's readable text, as a reader mode
// does: the first <article> (or <main>, or role=main, or else the body),
// without scripts, styles, navigation, headers, footers, asides, forms
// and hidden elements; each paragraph, heading, list item or quotation a
// paragraph of its own, separated by a blank line, with the page's runs
// of white space made one space (kept as they are in <pre>). A <br> is a
// line break, and two in a row a blank line. An inline quotation (<q>)
// is between the quotation marks a browser shows around it: “ ”, and
// ‘ ’ within another.
func HTML(name string, data []byte) ([]byte, error) {
	// A byte order mark, as Windows editors save a page, is no part of
	// its text: read as such, it made an invisible first paragraph.
	doc, err := html.Parse(bytes.NewReader(model.TrimByteOrderMark(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: reading its HTML: %w", name, err)
	}
	root := articleOf(doc)
	var w paragraphs
	w.walk(root, false)
	w.end()
	return []byte(strings.Join(w.done, "\n\n")), nil
}

// articleOf picks the element the article is in.
func articleOf(doc *html.Node) *html.Node {
	var article, main, body *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if dropped(n) {
				return
			}
			switch {
			case n.DataAtom == atom.Article && article == nil:
				article = n
			case (n.DataAtom == atom.Main || attr(n, "role") == "main") && main == nil:
				main = n
			case n.DataAtom == atom.Body && body == nil:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	for _, n := range []*html.Node{article, main, body} {
		if n != nil {
			return n
		}
	}
	return doc
}

// dropped reports whether an element holds no part of the article's text.
func dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Nav, atom.Header, atom.Footer,
		atom.Aside, atom.Form, atom.Button, atom.Select, atom.Textarea, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Math, atom.Canvas, atom.Audio, atom.Video, atom.Dialog, atom.Menu:
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden {
		return true
	}
	return attr(n, "aria-hidden") == "true" || strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none")
}

// block reports whether an element starts a paragraph of its own.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Figure, atom.Figcaption,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Hr, atom.Address, atom.Details, atom.Summary:
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return strings.ToLower(strings.TrimSpace(a.Val)), true
		}
	}
	return "", false
}

// paragraphs gathers the text, a paragraph at a time.
type paragraphs struct {
	cur  strings.Builder
	done []string
	// quoteDepth is how many <q> elements the walk is in: a nested
	// quotation takes single marks.
	quoteDepth int
}

func (w *paragraphs) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if dropped(n) {
			return
		}
		if n.DataAtom == atom.Pre {
			pre = true
		}
		if n.DataAtom == atom.Br {
			w.lineBreak(pre)
			return
		}
		if block(n.DataAtom) {
			w.end()
			defer w.end()
		}
		if n.DataAtom == atom.Q {
			// A browser shows an inline quotation between quotation
			// marks, and a quote is copied from it so: the text has them
			// too, or it would differ from what the reader saw.
			open, close := "“", "”"
			if w.quoteDepth%2 == 1 {
				open, close = "‘", "’"
			}
			w.quoteDepth++
			w.cur.WriteString(open)
			defer func() {
				w.cur.WriteString(close)
				w.quoteDepth--
			}()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
}

// text adds a text node's words, white space made single spaces outside
// <pre>.
func (w *paragraphs) text(s string, pre bool) {
	if pre {
		w.cur.WriteString(s)
		return
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		if s != "" {
			w.space()
		}
		return
	}
	if startsWithSpace(s) {
		w.space()
	}
	for i, word := range words {
		if i > 0 {
			w.space()
		}
		w.cur.WriteString(word)
	}
	if endsWithSpace(s) {
		w.space()
	}
}

// space adds one space between words, never two, never at the start.
func (w *paragraphs) space() {
	if s := w.cur.String(); s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
		w.cur.WriteByte(' ')
	}
}

// lineBreak writes a <br>: a line break within the paragraph, so that a
// quote's ellipsis may span it, and two in a row a paragraph break, as
// pages laid out with <br><br> mean it.
func (w *paragraphs) lineBreak(pre bool) {
	if pre {
		w.cur.WriteByte('\n')
		return
	}
	s := strings.TrimRight(w.cur.String(), " ")
	if s == "" || strings.HasSuffix(s, "\n\n") {
		return
	}
	w.cur.Reset()
	w.cur.WriteString(s)
	w.cur.WriteByte('\n')
}

// end closes the paragraph being gathered, if it holds any text.
func (w *paragraphs) end() {
	p := strings.TrimRight(w.cur.String(), " \t\r\n")
	p = strings.TrimLeft(p, " \n")
	if strings.TrimSpace(p) != "" {
		w.done = append(w.done, p)
	}
	w.cur.Reset()
}

func startsWithSpace(s string) bool { return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[0])) }
func endsWithSpace(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[len(s)-1]))
}
