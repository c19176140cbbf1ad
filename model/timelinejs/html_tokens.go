package timelinejs

import (
	"html"
	"strings"
)

// tokenKind says what an htmlToken is.
type tokenKind uint8

const (
	textToken  tokenKind = iota
	startToken           // <p>, <br/>, <a href="...">
	endToken             // </p>
)

// htmlToken is one piece of an HTML fragment: text with its entities
// decoded, or a tag with its lower-case name and attributes.
type htmlToken struct {
	kind  tokenKind
	text  string // for text
	name  string // for tags
	attrs map[string]string
}

// rawTextElements hold text that is not markup, up to their end tag.
var rawTextElements = map[string]bool{"script": true, "style": true}

// tokenize splits an HTML fragment into text and tags. It is a small,
// forgiving tokenizer for the HTML found in TimelineJS text fields, not a
// full HTML parser: a '<' that does not begin a tag is text, comments and
// doctypes are dropped, and the content of script and style is skipped.
func tokenize(s string) []htmlToken {
	var toks []htmlToken
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			toks = append(toks, htmlToken{kind: textToken, text: html.UnescapeString(text.String())})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			text.WriteString(s[i : i+j])
			i += j
			continue
		}
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = len(s)
			} else {
				i += 4 + end + 3
			}
			continue
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(s)
			} else {
				i += end + 1
			}
			continue
		}
		tok, n := parseTag(rest)
		if n == 0 {
			text.WriteByte('<')
			i++
			continue
		}
		flush()
		toks = append(toks, tok)
		i += n
		if tok.kind == startToken && rawTextElements[tok.name] {
			end := strings.Index(strings.ToLower(s[i:]), "</"+tok.name)
			if end < 0 {
				i = len(s)
			} else {
				i += end
			}
		}
	}
	flush()
	return toks
}

// parseTag reads a start or end tag at the start of s and returns it with
// its length, or a length of 0 when s does not start with a tag.
func parseTag(s string) (htmlToken, int) {
	tok := htmlToken{kind: startToken}
	i := 1
	if i < len(s) && s[i] == '/' {
		tok.kind = endToken
		i++
	}
	start := i
	for i < len(s) && isTagNameByte(s[i], i == start) {
		i++
	}
	if i == start {
		return htmlToken{}, 0
	}
	tok.name = strings.ToLower(s[start:i])
	for {
		for i < len(s) && isHTMLSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return htmlToken{}, 0 // an unclosed tag is text
		}
		switch s[i] {
		case '>':
			return tok, i + 1
		case '/':
			i++
			continue
		}
		name, value, n := parseAttr(s[i:])
		if n == 0 {
			return htmlToken{}, 0
		}
		i += n
		if tok.kind == startToken && name != "" {
			if tok.attrs == nil {
				tok.attrs = map[string]string{}
			}
			if _, dup := tok.attrs[name]; !dup {
				tok.attrs[name] = value
			}
		}
	}
}

// parseAttr reads one attribute, name="value", name='value', name=value or
// a bare name, and returns how many bytes it took.
func parseAttr(s string) (name, value string, n int) {
	i := 0
	for i < len(s) && !isHTMLSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
		i++
	}
	if i == 0 {
		// A stray '=' or the like: skip it so the tag can still end.
		return "", "", 1
	}
	name = strings.ToLower(s[:i])
	j := i
	for j < len(s) && isHTMLSpace(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '=' {
		return name, "", i
	}
	j++
	for j < len(s) && isHTMLSpace(s[j]) {
		j++
	}
	if j >= len(s) {
		return "", "", 0
	}
	if q := s[j]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[j+1:], q)
		if end < 0 {
			return "", "", 0
		}
		return name, html.UnescapeString(s[j+1 : j+1+end]), j + 1 + end + 1
	}
	k := j
	for k < len(s) && !isHTMLSpace(s[k]) && s[k] != '>' {
		k++
	}
	return name, html.UnescapeString(s[j:k]), k
}

func isTagNameByte(c byte, first bool) bool {
	letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	if first {
		return letter
	}
	return letter || c >= '0' && c <= '9' || c == '-' || c == ':'
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
