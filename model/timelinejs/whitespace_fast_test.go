package timelinejs

import (
	"strings"
	"testing"
)

// FuzzWhiteSpaceShortcuts checks the shortcuts of countCollapsedSpace
// against the long way: isOneLine agrees with the words joined again, and
// a text surelyKept holds reads back from its HTML as it is.
func FuzzWhiteSpaceShortcuts(f *testing.F) {
	for _, s := range []string{
		"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\n\nb", "a\n\n\nb",
		"a \nb", "a\n b", "a\u00a0b", "a\rb", "a\fb", "\na", "a\n", "x & <y>",
		"déjà vu\n\nnext paragraph", "a\u2029b", "&amp; &lt;", "a\n\n \nb",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// oneLine's long way, which it takes when isOneLine says no.
		if got, want := isOneLine(s), strings.Join(strings.FieldsFunc(s, isSpaceRune), " ") == s; got != want {
			t.Errorf("isOneLine(%q) = %v, the fields joined say %v", s, got, want)
		}
		if !surelyKept(s) {
			return
		}
		if back := htmlToTextOnly(paragraphs(s)); back != s {
			t.Errorf("surelyKept(%q), but its paragraphs read back as %q", s, back)
		}
		if back := htmlToTextOnly(inline(s)); back != s {
			t.Errorf("surelyKept(%q), but written inline it reads back as %q", s, back)
		}
	})
}
