package model

import "testing"

// TestWebURL: an http or https URL is opened as it is when it is
// printable ASCII, and percent-encoded when its path or query holds other
// letters (as a French page's name does); a host beyond ASCII (a
// lookalike), another scheme, a control or a space is refused.
func TestWebURL(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"https://example.org/a?b=c#d", "https://example.org/a?b=c#d", true},
		{"https://fr.wikipedia.org/wiki/Société_générale", "https://fr.wikipedia.org/wiki/Soci%C3%A9t%C3%A9_g%C3%A9n%C3%A9rale", true},
		{"https://de.example/suche?q=Zürich", "https://de.example/suche?q=Z%C3%BCrich", true},
		{"https://exаmple.org/", "", false}, // a Cyrillic а in the host
		{"javascript:alert(1)", "", false},
		{"file:///etc/passwd", "", false},
		{"https://example.org/\x1b]0;x\a", "", false},
		{"https://example.org/a b", "", false},
		{"https://example.org/\u202egnp.exe", "", false},
		{"", "", false},
	} {
		got, ok := WebURL(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("WebURL(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
