package verbatim

import (
	"slices"
	"testing"
)

// TestRunningLines: the lines a text's pages repeat at their tops and
// bottoms, digits apart, are found between pages, with the page break;
// lines that are not repeated, or not at a page's edge, are content.
func TestRunningLines(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // the stretches read as page breaks
	}{
		{"no page break", "REPORT\nText.\n1", nil},
		{"one page", "REPORT\nText.\n1\n\f\n", nil},
		{"a head on each page", "REPORT\nOne.\n\f\nREPORT\nTwo.\n\f\nREPORT\nThree.", []string{"\n\f\nREPORT\n", "\n\f\nREPORT\n"}},
		{"page numbers at the foot", "One.\n1\n\f\nTwo.\n2\n\f\nThree.\n3", []string{"\n1\n\f\n", "\n2\n\f\n"}},
		{"a head and a foot of two lines each", "The Post\n12 March 2024\nOne.\nPage 1 of 2\n\f\nThe Post\n13 March 2024\nTwo.\nPage 2 of 2",
			[]string{"\nPage 1 of 2\n\f\nThe Post\n13 March 2024\n"}},
		{"first lines that differ", "Chapter one\nOne.\n\f\nChapter two\nTwo.", nil},
		{"a repeated line inside a page", "a\nb\nc\nSame.\nd\ne\nf\n\f\ng\nh\ni\nSame.\nj\nk\nl", nil},
		{"a page of running lines only", "REPORT\nOne.\n\f\nREPORT\n\f\nREPORT\nThree.", []string{"\n\f\nREPORT\n\f\nREPORT\n"}},
		{"indented, in CRLF lines", "  Report  \r\nOne.\r\n\f\r\n Report\r\nTwo.", []string{"\r\n\f\r\n Report\r\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range runningLines(tc.text) {
				got = append(got, tc.text[s.Start:s.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("skipped %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHeadersFooters: a quote that goes on over a page's end is found
// across the running head and foot between the pages, and the result
// names the rule; a quote found without it does not, and a page's first
// line that no other page repeats is not passed over.
func TestHeadersFooters(t *testing.T) {
	const text = "THE WASHINGTON POST\nLavie said that they would drop bags\nof cash at the office of the\n- 3 -\n\f\n" +
		"THE WASHINGTON POST\nminister, the paper reports. The investi-\n- 4 -\n\f\n" +
		"THE WASHINGTON POST\ngation began in 2017.\n- 5 -\n\f\nA table of contents\nends the report.\n- 6 -"
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string
		parts       []string
	}{
		{"across a head and a foot", "the office of the minister, the paper reports", Normalised, Whitespace | PageBreak | HeadersFooters,
			"the office of the\n- 3 -\n\f\nTHE WASHINGTON POST\nminister, the paper reports", nil},
		{"a word broken over them", "The investigation began", Normalised, Whitespace | Hyphenation | PageBreak | HeadersFooters,
			"The investi-\n- 4 -\n\f\nTHE WASHINGTON POST\ngation began", nil},
		{"within a page", "they would drop bags of cash", Normalised, Whitespace, "they would drop bags\nof cash", nil},
		{"with the running lines quoted as the text has them", "the office of the - 3 - THE WASHINGTON POST minister", Normalised, Whitespace | PageBreak,
			"the office of the\n- 3 -\n\f\nTHE WASHINGTON POST\nminister", nil},
		{"an ellipsis needs no rule to pass them", "they would … minister, the paper", Normalised, Ellipsis | PageBreak,
			"they would drop bags\nof cash at the office of the\n- 3 -\n\f\nTHE WASHINGTON POST\nminister, the paper", []string{"they would", "minister, the paper"}},
		{"an ellipsis and a part across them", "Lavie said … the office of the minister", Normalised, Whitespace | Ellipsis | PageBreak | HeadersFooters,
			"Lavie said that they would drop bags\nof cash at the office of the\n- 3 -\n\f\nTHE WASHINGTON POST\nminister",
			[]string{"Lavie said", "the office of the\n- 3 -\n\f\nTHE WASHINGTON POST\nminister"}},
		{"across a foot alone", "began in 2017. A table of contents", Normalised, Whitespace | PageBreak | HeadersFooters,
			"began in 2017.\n- 5 -\n\f\nA table of contents", nil},
		{"not across a first line no page repeats", "began in 2017. ends the report.", NotFound, 0, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []Result{Check(tc.quote, text), NewIndex(text).Check(tc.quote)} {
				expectResult(t, text, tc.quote, r, tc.state, tc.rules, tc.want, tc.parts)
			}
		})
	}
}

// TestRunningLinesAreOnMostPages: a line of words at the top of some
// pages only may be the text itself; read as a running head, it would be
// left out of a quote and turn its meaning ("he would not resign" found
// as "he would resign"). Such a line stays content; a page number, which
// says nothing, is running on two pages.
func TestRunningLinesAreOnMostPages(t *testing.T) {
	for _, tc := range []struct {
		name, text, quote string
		state             State
	}{
		{"a word at the top of two pages of three", "Transcript of hearing\nThe minister said he would\n\f\nnot\nresign today, he told the committee.\n\f\nnot\na word more was said.",
			"The minister said he would resign today", NotFound},
		{"a sentence at the top of two pages of three, digits apart", "Q. Did NSO offer you anything?\nA. NSO offered us\n\f\nnothing in 2017.\nA. That is correct.\n\f\nnothing in 2018.\nEnd.",
			"NSO offered us A. That is correct.", NotFound},
		{"a head on every page of three", "REPORT\nhe would\n\f\nREPORT\nresign today\n\f\nREPORT\nend.",
			"he would resign today", Normalised},
		{"a page number on two pages of three", "Start.\nhe would\n- 1 -\n\f\nresign today\n- 2 -\n\f\nend.",
			"he would resign today", Normalised},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := Check(tc.quote, tc.text); r.State != tc.state {
				t.Errorf("%q in the text: %v (%v), want %v", tc.quote, r.State, r.Rules, tc.state)
			}
		})
	}
}
