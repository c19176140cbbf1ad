package verbatim

import (
	"strings"
	"testing"
)

// FuzzCheck: no input panics, every range is within the text and in
// order, a verbatim range holds the quote, and a normalised one without
// an ellipsis holds what normalises to the quote (once the running heads
// and feet it passes are read as a page break).
func FuzzCheck(f *testing.F) {
	f.Add("bags of cash", "“We drop bags of cash at your office”")
	f.Add(`"We drop … office"`, "“We drop bags of cash at your office”\n\nNext.")
	f.Add("Cafe\u0301", "Caf\u00e9 a\u00ADb  c\r\n\r\n")
	f.Add("a…b…c", "a x b\u2029c")
	f.Add("\xff", "\xfe\xff e\u0301\u0302")
	f.Add("the investigation", "the investi-\r\n\fgation a-\n\nb ﬁ-\nﬁ")
	f.Add("of the minister", "POST\nof the\n- 3 -\n\f\nPOST\nminister\n- 4 -\f\n\fPOST")
	f.Add("a self-made well-known man", "It is a self-made well-\nknown man.")
	f.Add("pay ‘bags of cash’ for '\xff' NSO's", "pay “bags of cash” for \"\xff\" NSO’s")
	f.Fuzz(func(t *testing.T, quote, text string) {
		r := Check(quote, text)
		valid := func(s Span) {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("range %v outside the text of %d bytes", s, len(text))
			}
		}
		valid(r.Span)
		valid(r.Closest)
		last := r.Span.Start
		for _, p := range r.Parts {
			valid(p)
			if p.Start < last {
				t.Fatalf("parts out of order: %v", r.Parts)
			}
			last = p.End
		}
		switch r.State {
		case Verbatim:
			if text[r.Span.Start:r.Span.End] != strings.TrimSpace(quote) {
				t.Fatalf("verbatim range %v holds %q", r.Span, text[r.Span.Start:r.Span.End])
			}
		case Normalised:
			passage := text[r.Span.Start:r.Span.End]
			if r.Rules&HeadersFooters != 0 {
				passage = withoutRunning(text, runningLines(text), r.Span)
			}
			np, nq := normString(passage, charRules), normString(quote, charRules)
			// A word's own hyphen where a line's end joins the word is
			// the one difference Hyphenation allows beside the rules.
			bq, _ := hyphensOut(nq)
			bp, _ := hyphensOut(np)
			if r.Rules&Ellipsis == 0 && np != nq && (r.Rules&Hyphenation == 0 || bp != bq) {
				t.Fatalf("normalised range %v holds %q, not %q", r.Span, passage, quote)
			}
		}
		if r2 := NewIndex(text).Check(quote); r2.State != r.State || r2.Span != r.Span {
			t.Fatalf("Check and Index.Check differ: %+v, %+v", r, r2)
		}
	})
}

// FuzzMarkdown: reading any text as Markdown never panics, and a quote
// found in it has ranges inside the text, in order, that hold the quote
// once the markup is read.
func FuzzMarkdown(f *testing.F) {
	f.Add("the bags of cash offer", "# The *offer*\n\nthe *bags of [cash](u)* offer `x` \\* ![a](b) <https://e.x>")
	f.Add("a … b", "**a** _[x][y]_ ``b`` ## c ##\n\\")
	f.Fuzz(func(t *testing.T, quote, text string) {
		r := NewMarkdownIndex(text).Check(quote)
		last := 0
		for _, s := range append([]Span{r.Span, r.Closest}, r.Parts...) {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("range %v outside the text of %d bytes", s, len(text))
			}
		}
		for _, p := range r.Parts {
			if p.Start < last {
				t.Fatalf("parts out of order: %v", r.Parts)
			}
			last = p.End
		}
		if r.State == Normalised && r.Rules&(Ellipsis|Markdown) == Markdown {
			read := normString(readMarkdown(text[r.Span.Start:r.Span.End]).s, charRules)
			if read != normString(quote, charRules) && !strings.Contains(normString(readMarkdown(text).s, charRules), normString(quote, charRules)) {
				t.Fatalf("range %v holds %q, not %q", r.Span, text[r.Span.Start:r.Span.End], quote)
			}
		}
	})
}
