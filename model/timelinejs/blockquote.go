package timelinejs

import (
	"strings"
)

// splitCite takes the <cite> elements out of a <blockquote>'s markup:
// TimelineJS shows them as the attribution under the quote, so they are
// no part of the verbatim text. It returns the markup without them, and
// their markup.
func splitCite(markup string) (quote, cite string) {
	var q, c strings.Builder
	lower := asciiLower(markup) // same byte offsets as markup
	for {
		open := indexTag(lower, "<cite")
		if open < 0 {
			q.WriteString(markup)
			return q.String(), c.String()
		}
		q.WriteString(markup[:open])
		end := strings.Index(lower[open:], "</cite")
		if end < 0 {
			c.WriteString(" " + markup[open:])
			return q.String(), c.String()
		}
		c.WriteString(" " + markup[open:open+end])
		rest := open + end
		if gt := strings.IndexByte(lower[rest:], '>'); gt >= 0 {
			rest += gt + 1
		} else {
			rest = len(markup)
		}
		markup, lower = markup[rest:], lower[rest:]
	}
}

// indexTag finds a start tag by its name: "<cite" followed by '>', '/'
// or a space, not "<citation".
func indexTag(lower, prefix string) int {
	from := 0
	for {
		i := strings.Index(lower[from:], prefix)
		if i < 0 {
			return -1
		}
		i += from
		if j := i + len(prefix); j == len(lower) || strings.IndexByte("> \t\n\r/", lower[j]) >= 0 {
			return i
		}
		from = i + len(prefix)
	}
}

// asciiLower lowers ASCII letters only, so that offsets into the result
// are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// nameSuffixes follow a name after a comma and are part of it.
var nameSuffixes = []string{"jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "esq", "inc", "ltd"}

// attribution splits a cite's text into who said it and the context that
// follows the name after a comma: "Jane Roe, to the inquiry". A leading
// dash, as in "— Jane Roe", is punctuation, not part of the name.
func attribution(cite string) (speaker, context string) {
	cite = strings.TrimLeft(oneLine(cite), "—–-―~ ")
	from := 0
	for {
		i := strings.Index(cite[from:], ",")
		if i < 0 {
			return strings.TrimSpace(cite), ""
		}
		i += from
		rest := strings.TrimSpace(cite[i+1:])
		word := strings.ToLower(strings.TrimRight(strings.SplitN(rest, " ", 2)[0], ".,"))
		if !isSuffix(word) {
			return strings.TrimSpace(cite[:i]), rest
		}
		from = i + 1
	}
}

func isSuffix(word string) bool {
	for _, s := range nameSuffixes {
		if word == s {
			return true
		}
	}
	return false
}
