package markdown

import "strings"

// linkable reports whether u may become a link: an http or https URL made
// only of the characters RFC 3986 allows in a URL (printable ASCII without
// spaces, quotes, angle brackets, backslashes or braces), and with nothing
// Markdown would decode as an HTML entity ("&amp;"), so that the link goes
// exactly where the source said. Anything else, javascript: and data: URLs
// above all, is shown as text.
func linkable(u string) bool {
	lower := strings.ToLower(u)
	var rest string
	switch {
	case strings.HasPrefix(lower, "https://"):
		rest = u[len("https://"):]
	case strings.HasPrefix(lower, "http://"):
		rest = u[len("http://"):]
	default:
		return false
	}
	if rest == "" || rest[0] == '/' {
		return false // no host
	}
	for i := 0; i < len(u); i++ {
		if !urlChar(u[i]) || u[i] == '&' && entityAt(u[i:]) {
			return false
		}
	}
	return true
}

// urlChar reports whether c may appear in a URL: unreserved, reserved or %.
func urlChar(c byte) bool {
	switch {
	case isLetter(c) || isDigit(c):
		return true
	case strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0:
		return true
	}
	return false
}

// link writes a Markdown link to a linkable URL; text is already escaped.
// Parentheses in the URL are escaped so that none can end it early.
func link(text, u string) string {
	dest := strings.NewReplacer("(", `\(`, ")", `\)`).Replace(u)
	return "[" + text + "](" + dest + ")"
}
