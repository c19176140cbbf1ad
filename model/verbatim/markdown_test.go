package verbatim

import (
	"testing"
)

// TestMarkdown: a quote of a Markdown text as a person reads it is
// found without the markup (emphasis, links, inline code, escapes,
// headings' #), naming the markdown rule and the range in the Markdown
// as written; what matched the raw text still matches as before, and
// words not in the text are still not found.
func TestMarkdown(t *testing.T) {
	const text = "# The *offer*\n\n" +
		"Lavie offered the *bags of cash* offer to **Mobileum**, a firm [named in the filing](https://example.com/f(1)) and in ![a photo](p.png).\n\n" +
		"The file `deal_v2.pdf` was escaped as 2\\*3 \\[sic\\] and snake_case_name stays.\n\n" +
		"See <https://example.com/x> and [the report][r] for _more_ of it; 5 * 3 is 15.\n\n" +
		"## Later ##\n\nThe *second* paragraph.\n\n" +
		"> A quoted line\n> continued here, 3 > 2,\n> > and nested.\n\n" +
		"Paid in cash[^1] and more.[^note]\n\n[^1]: Said the filing.\n\nAs found[^2]: the money."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string   // the text at Span
		parts       []string // the text at each part, when several
	}{
		{"raw still verbatim", "the *bags of cash* offer", Verbatim, 0, "the *bags of cash* offer", nil},
		{"emphasis", "the bags of cash offer", Normalised, Markdown, "the *bags of cash* offer", nil},
		{"strong emphasis ending the quote", "offer to Mobileum", Normalised, Markdown, "offer to **Mobileum", nil},
		{"link text", "a firm named in the filing and in a photo.", Normalised, Markdown, "a firm [named in the filing](https://example.com/f(1)) and in ![a photo](p.png).", nil},
		{"inline code", "The file deal_v2.pdf was escaped", Normalised, Markdown, "The file `deal_v2.pdf` was escaped", nil},
		{"escapes", "escaped as 2*3 [sic] and snake_case_name stays", Normalised, Markdown, "escaped as 2\\*3 \\[sic\\] and snake_case_name stays", nil},
		{"autolink and reference link", "See https://example.com/x and the report for more of it; 5 * 3 is 15.", Normalised, Markdown, "See <https://example.com/x> and [the report][r] for _more_ of it; 5 * 3 is 15.", nil},
		{"heading", "The offer", Normalised, Markdown, "The *offer", nil},
		{"closed heading and the next paragraph", "Later The second paragraph", Normalised, Markdown | Whitespace | ParagraphBreak, "Later ##\n\nThe *second* paragraph", nil},
		{"an ellipsis", "Lavie offered … cash offer", Normalised, Markdown | Ellipsis, "Lavie offered the *bags of cash* offer", []string{"Lavie offered", "cash* offer"}},
		{"markdown and quotes", "the “bags of cash” offer", NotFound, 0, "", nil},
		{"words not in the text", "the bags of money offer", NotFound, 0, "", nil},
		{"markup is not dropped from the quote", "the bags of *cash offer", NotFound, 0, "", nil},
		{"a lone star stays", "5 3 is 15", NotFound, 0, "", nil},
		{"not across a paragraph", "Later … second", NotFound, 0, "", nil},
		{"a block quote's lines", "A quoted line continued here, 3 > 2, and nested.", Normalised, Markdown | Whitespace, "A quoted line\n> continued here, 3 > 2,\n> > and nested.", nil},
		{"footnote references", "Paid in cash and more.", Normalised, Markdown, "Paid in cash[^1] and more.", nil},
		{"a footnote's definition stays", "[^1]: Said the filing.", Verbatim, 0, "[^1]: Said the filing.", nil},
		{"a reference before a colon", "As found: the money.", Normalised, Markdown, "As found[^2]: the money.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectResult(t, text, tc.quote, NewMarkdownIndex(text).Check(tc.quote), tc.state, tc.rules, tc.want, tc.parts)
		})
	}
	// A plain text is not read as Markdown.
	if r := NewIndex(text).Check("the bags of cash offer"); r.State != NotFound {
		t.Errorf("plain index: %v (%v)", r.State, r.Rules)
	}
}
