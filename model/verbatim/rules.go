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
)

// charRules are the rules that normalise characters; Ellipsis is about
// the quote's shape instead, PageBreak about where the match is, and
// HeadersFooters about which lines of the text are read.
const charRules = Quotes | Whitespace | SoftHyphen | NFC | Ligatures | Hyphenation

var ruleNames = []struct {
	rule Rules
	name string
}{
	{Quotes, "quotes"},
	{Whitespace, "whitespace"},
	{SoftHyphen, "soft-hyphen"},
	{Hyphenation, "hyphenation"},
	{NFC, "nfc"},
	{Ligatures, "ligatures"},
	{Ellipsis, "ellipsis"},
	{PageBreak, "page-break"},
	{HeadersFooters, "headers-footers"},
	{Markdown, "markdown"},
}

// Names lists the rules in the set by name, in a fixed order: "quotes",
// "whitespace", "soft-hyphen", "hyphenation", "nfc", "ligatures",
// "ellipsis", "page-break", "headers-footers", "markdown".
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
