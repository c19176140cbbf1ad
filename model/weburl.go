package model

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// WebURL accepts only an http or https URL with a host of printable
// ASCII, and gives it in printable ASCII: what reaches the opener or the
// clipboard cannot smuggle in a command, an escape sequence or a
// lookalike host. Letters beyond ASCII in its path, query or fragment
// (a French or German page's name) are percent-encoded, as a browser
// sends them.
func WebURL(s string) (string, bool) {
	notASCII := func(r rune) bool { return r <= ' ' || r > '~' }
	if s == "" || URLHides(s) {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsFunc(u.Host, notASCII) {
		return "", false
	}
	if !strings.ContainsFunc(s, notASCII) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c > '~' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// URLHides reports whether a URL holds what no address has: white
// space, controls, or the invisible (bidi overrides, zero widths), which
// would show one URL and open another. WebURL refuses such a URL.
func URLHides(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) })
}
