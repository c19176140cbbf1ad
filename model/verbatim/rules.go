package verbatim

import "strings"

// Rules is a set of normalisation rules: those a match needed.
type Rules uint16

// The normalisation rules, each documented in the package comment.
const (
	Quotes Rules = 1 << iota
	Whitespace
	SoftHyphen
	NFC
	Ellipsis
	Ligatures
	PageBreak
	Markdown
	Hyphenation
	HeadersFooters
	Invisible
	ParagraphBreak
	NestedQuotes
)

// charRules are the rules that normalise characters; Ellipsis is about
// the quote's shape instead, PageBreak and ParagraphBreak about where the
// match is, and
// HeadersFooters about which lines of the text are read.
const charRules = Quotes | Whitespace | SoftHyphen | Invisible | NFC | Ligatures | Hyphenation

var ruleNames = []struct {
	rule Rules
	name string
}{
	{Quotes, "quotes"},
	{NestedQuotes, "nested-quotes"},
	{Whitespace, "whitespace"},
	{SoftHyphen, "soft-hyphen"},
	{Invisible, "invisible"},
	{Hyphenation, "hyphenation"},
	{NFC, "nfc"},
	{Ligatures, "ligatures"},
	{Ellipsis, "ellipsis"},
	{PageBreak, "page-break"},
	{ParagraphBreak, "paragraph-break"},
	{HeadersFooters, "headers-footers"},
	{Markdown, "markdown"},
}

// Names lists the rules in the set by name, in a fixed order: "quotes",
// "nested-quotes", "whitespace", "soft-hyphen", "invisible", "hyphenation", "nfc", "ligatures",
// "ellipsis", "page-break", "paragraph-break", "headers-footers",
// "markdown".
func (r Rules) Names() []string {
	var names []string
	for _, n := range ruleNames {
		if r&n.rule != 0 {
			names = append(names, n.name)
		}
	}
	return names
}

// String is the rules' names joined by ", ", or "none".
func (r Rules) String() string {
	if r == 0 {
		return "none"
	}
	return strings.Join(r.Names(), ", ")
}

// zeroWidth reports whether r is a character a page holds and shows as
// nothing, between the letters of a word or words: a zero-width space,
// a word joiner, a zero-width no-break space, and the marks that set the
// direction of a neutral character (left-to-right, right-to-left and
// Arabic letter marks, which Hebrew and Arabic pages hold around dates
// and names) (Invisible). The joiners that shape a script's letters
// (U+200C, U+200D) are not among them, nor the embeddings and overrides
// that turn text around.
func zeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u061C':
		return true
	}
	return false
}

// dropped reports whether the rules drop r as a character, leaving no
// trace in the normalised text: a soft hyphen or a zero-width one.
func dropped(r rune) bool { return r == '\u00AD' || zeroWidth(r) }
