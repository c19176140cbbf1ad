package verbatim

import (
	"slices"
	"strings"
	"testing"
)

// TestCheck: each state and each rule, with the range found; a rule is
// named only when the match needed it.
func TestCheck(t *testing.T) {
	const article = "NSO co-founder Omri Lavie allegedly said, “We drop bags of cash at your office,” the newspaper reports.\n\n" +
		"Miller contacted Congressman\nLieu last year on account of the lawmaker’s documented interest.\n\n" +
		"A state\u00ADment from NSO claims it has “never done any business with” Mobileum.\r\n\r\n" +
		"The Caf\u0065\u0301 Society met in the  Cafe\u0301 Royal, with \"plain quotes\".\u2029Next paragraph, after a paragraph separator. Its ﬁnancial oﬃcers ﬂed.\n\nPegasus was in\u200Bstalled by zero\u2060click.\n\nHe said \u200Fשלום עולם\u200F on \u200E2020-01-07\u200E.\n\nHe answered «non», then ‹peut-être›. Donʼt go.\n\n" +
		"He said I can’t confirm. The firm paid $5,000,000. Turnout rose 3.5%. It met at 12:30. उसने कमाई\n\n" +
		"L’homme est mortel. Ziv Tal’s firm paid. It was signed in 2019.12 The note. We’ll see."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string   // the text at Span
		parts       []string // the text at each part, when several
	}{
		{"verbatim", "We drop bags of cash at your office", Verbatim, 0, "We drop bags of cash at your office", nil},
		{"verbatim with typographic quotes", "“We drop bags of cash at your office,”", Verbatim, 0, "“We drop bags of cash at your office,”", nil},
		{"surrounding white space is not the quote's", "  bags of cash\n", Verbatim, 0, "bags of cash", nil},
		{"straight quotes for typographic", `"We drop bags of cash at your office,"`, Normalised, Quotes, "“We drop bags of cash at your office,”", nil},
		{"straight apostrophe", "the lawmaker's documented interest", Normalised, Quotes, "the lawmaker’s documented interest", nil},
		{"typographic for straight", "“plain quotes”", Normalised, Quotes, `"plain quotes"`, nil},
		{"straight quotes for guillemets", `He answered "non", then 'peut-être'.`, Normalised, Quotes, "He answered «non», then ‹peut-être›.", nil},
		{"a straight apostrophe for a modifier letter's", "Don't go", Normalised, Quotes, "Donʼt go", nil},
		{"a paragraph break for a space", "documented interest. A", Normalised, Whitespace | ParagraphBreak, "documented interest.\n\nA", nil},
		{"a line break for a space", "Miller contacted Congressman Lieu last year", Normalised, Whitespace, "Miller contacted Congressman\nLieu last year", nil},
		{"double spaces", "met in the Café Royal", Normalised, Whitespace | NFC, "met in the  Cafe\u0301 Royal", nil},
		{"soft hyphen", "A statement from NSO", Normalised, SoftHyphen, "A state\u00ADment from NSO", nil},
		{"a zero-width space and a word joiner", "was installed by zeroclick", Normalised, Invisible, "was in\u200Bstalled by zero\u2060click", nil},
		{"a zero-width space is no space", "was in stalled", NotFound, 0, "", nil},
		{"direction marks around a name and a date", "He said שלום עולם on 2020-01-07.", Normalised, Invisible, "He said \u200Fשלום עולם\u200F on \u200E2020-01-07\u200E.", nil},
		{"decomposed in the text", "The Café Society", Normalised, NFC, "The Cafe\u0301 Society", nil},
		{"decomposed in the quote", "The Cafe\u0301 Society", Verbatim, 0, "The Cafe\u0301 Society", nil},
		{"CRLF paragraphs", "with” Mobileum. The Café", Normalised, Whitespace | NFC | ParagraphBreak, "with” Mobileum.\r\n\r\nThe Cafe\u0301", nil},
		{"typeset ligatures in the text", "Its financial officers fled", Normalised, Ligatures, "Its ﬁnancial oﬃcers ﬂed", nil},
		{"a ligature in the quote", "at your oﬃce", Normalised, Ligatures, "at your office", nil},
		{"a ligature is one word", "Its ﬁnancial oﬃ", NotFound, 0, "", nil},
		{"rules together", `Lieu last year on account of the lawmaker's documented`, Normalised, 0, "", nil},
		{"ellipsis", "We drop … at your office", Normalised, Ellipsis, "We drop bags of cash at your office", []string{"We drop", "at your office"}},
		{"three dots", "Omri Lavie...said", Normalised, Ellipsis, "Omri Lavie allegedly said", []string{"Omri Lavie", "said"}},
		{"bracketed ellipsis", "NSO co-founder […] said, [...] bags of cash", Normalised, Ellipsis, "NSO co-founder Omri Lavie allegedly said, “We drop bags of cash", []string{"NSO co-founder", "said,", "bags of cash"}},
		{"ellipsis and quotes", `said, "We drop … office,"`, Normalised, Ellipsis | Quotes, "said, “We drop bags of cash at your office,”", []string{"said, “We drop", "office,”"}},
		{"leading ellipsis", "… bags of cash", Normalised, Ellipsis, "bags of cash", []string{"bags of cash"}},
		{"an ellipsis across a paragraph", "the newspaper reports … Miller contacted", NotFound, 0, "", nil},
		{"an ellipsis across a paragraph separator", "Royal … Next paragraph", NotFound, 0, "", nil},
		{"not inside a word", "ash at your", NotFound, 0, "", nil},
		{"not a longer word's start", "bags of ca", NotFound, 0, "", nil},
		{"not a word cut at its apostrophe", "I can", NotFound, 0, "", nil},
		{"not a number cut at its thousands", "The firm paid $5", NotFound, 0, "", nil},
		{"not a number's thousands", "000,000.", NotFound, 0, "", nil},
		{"not a number cut at its decimals", "Turnout rose 3", NotFound, 0, "", nil},
		{"not a time cut at its colon", "met at 12", NotFound, 0, "", nil},
		{"a number ending a sentence", "rose 3.5%. It", Verbatim, 0, "rose 3.5%. It", nil},
		{"not a number cut at its decimal point", "Turnout rose 3.", NotFound, 0, "", nil},
		{"not a number cut after its thousands separator", "The firm paid $5,", NotFound, 0, "", nil},
		{"not a word cut after its apostrophe", "He said I can’", NotFound, 0, "", nil},
		{"not a time cut after its colon", "met at 12:", NotFound, 0, "", nil},
		{"after an elided article", "homme est mortel", Verbatim, 0, "homme est mortel", nil},
		{"before a possessive", "Ziv Tal", Verbatim, 0, "Ziv Tal", nil},
		{"not a word cut before its contraction", "paid. It was signed in 2019.12 The note. We", NotFound, 0, "", nil},
		{"a year before a footnote's number", "It was signed in 2019", Verbatim, 0, "It was signed in 2019", nil},
		{"a whole word before an apostrophe ending a quotation", "I can’t confirm", Verbatim, 0, "I can’t confirm", nil},
		{"not a word cut before its vowel sign", "उसने कम", NotFound, 0, "", nil},
		{"a word with its vowel sign", "उसने कमाई", Verbatim, 0, "उसने कमाई", nil},
		{"letter case counts", "we drop bags of cash", NotFound, 0, "", nil},
		{"dashes count", "NSO co–founder", NotFound, 0, "", nil},
		{"empty", "  ", NotFound, 0, "", nil},
		{"only an ellipsis", "…", NotFound, 0, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "rules together" {
				tc.rules, tc.want = Quotes|Whitespace, "Lieu last year on account of the lawmaker’s documented"
				tc.quote = "Lieu  last year on account of the lawmaker's documented"
			}
			for _, r := range []Result{Check(tc.quote, article), NewIndex(article).Check(tc.quote)} {
				expectResult(t, article, tc.quote, r, tc.state, tc.rules, tc.want, tc.parts)
			}
		})
	}
}

// expectResult checks r, what checking quote against text gave: its state
// and rules, and the text at its span and at each of its parts (want
// alone when parts is nil). A quote not found has no span.
func expectResult(t *testing.T, text, quote string, r Result, state State, rules Rules, want string, parts []string) {
	t.Helper()
	if r.State != state || r.Rules != rules {
		t.Fatalf("%q: %v (%v), want %v (%v)", quote, r.State, r.Rules, state, rules)
	}
	if state == NotFound {
		if r.Span != (Span{}) || r.Parts != nil {
			t.Errorf("not found, but a range %v %v", r.Span, r.Parts)
		}
		return
	}
	if got := text[r.Span.Start:r.Span.End]; got != want {
		t.Errorf("range %v is %q, want %q", r.Span, got, want)
	}
	if parts == nil {
		parts = []string{want}
	}
	var got []string
	for _, p := range r.Parts {
		got = append(got, text[p.Start:p.End])
	}
	if !slices.Equal(got, parts) {
		t.Errorf("parts %q, want %q", got, parts)
	}
}

// TestNearMiss: a quote not found comes with the closest passage and a
// word diff that shows the difference at once.
func TestNearMiss(t *testing.T) {
	const article = "Miller said the company was interested. “We drop bags of cash at your office,” Lavie allegedly said.\n\n" +
		"After reporting the incident to an FBI tip line and getting no response, Miller contacted Congressman Lieu last year.\n\n" +
		"The Post reports. While the Justice Department declined to comment, John Tye reminded the public.\n\n" +
		"The Cafe\u0301 Royal hosted the meeting.\n\n" +
		"Between 5–10 people were there. The so‑called “deal” was off.\n\n" +
		"The minister said—and nobody argued—that it was one—was it not?\n\n" +
		"Between 6-12 a people. Kim Jong–un said so."
	for _, tc := range []struct {
		quote, passage, diff string
	}{
		{"We drop bags of money at your office", "We drop bags of cash at your office", "We drop bags of [-money-]{+cash+} at your office"},
		{"we drop bags of cash at your office", "We drop bags of cash at your office", "[-we-]{+We+} drop bags of cash at your office"},
		{"After reporting the incident to the FBI and getting no response", "After reporting the incident to an FBI tip line and getting no response",
			"After reporting the incident to [-the-]{+an+} FBI {+tip line+} and getting no response"},
		{"Miller contacted Lieu last year", "Miller contacted Congressman Lieu last year", "Miller contacted {+Congressman+} Lieu last year"},
		{"the Justice Department declined to comment on any potential investigation", "the Justice Department declined to comment, John Tye reminded",
			"the Justice Department declined to comment [-on any potential investigation-]{+, John Tye reminded+}"},
		{"bags of cash, at your office", "bags of cash at your office", "bags of cash[-,-] at your office"},
		// Words alike but for a space or a break between them: the
		// space is what differs, and is shown.
		{"The Post reports.While the Justice Department declined", "The Post reports. While the Justice Department declined",
			"The Post reports.{+ +}While the Justice Department declined"},
		{"minister said — and nobody argued", "minister said—and nobody argued", "minister said[- -]—[- -]and nobody argued"},
		// The diff shows the words as written, not as compared: the
		// text's curly quotation mark, its decomposed accent, and the
		// quote's own curly marks.
		{"the company was interested. We drop bags of cash", "the company was interested. “We drop bags of cash",
			"the company was interested. {+“+} We drop bags of cash"},
		{"“We drop bags of money at your office,”", "“We drop bags of cash at your office,”", "“We drop bags of [-money-]{+cash+} at your office,”"},
		{"The Royal hosted the meeting", "The Cafe\u0301 Royal hosted the meeting", "The {+Cafe\u0301+} Royal hosted the meeting"},
		// Dashes that look alike are named, and a word with one inside
		// is one word on either side, so the passage starts where the
		// quote does (it started at "‑called").
		{"5-10", "5–10", "[-5-10-]{+5–10+} (the text's – is U+2013 EN DASH, the quote's - U+002D HYPHEN-MINUS)"},
		// The quote's dash wider than the text's, and a word's parts.
		{"6–12", "6-12", "[-6–12-]{+6-12+} (the text's - is U+002D HYPHEN-MINUS, the quote's – U+2013 EN DASH)"},
		{"6–12 a", "6-12 a", "[-6–12-]{+6-12+} (the text's - is U+002D HYPHEN-MINUS, the quote's – U+2013 EN DASH) a"},
		{"Jong-un", "Jong–un", "[-Jong-un-]{+Jong–un+} (the text's – is U+2013 EN DASH, the quote's - U+002D HYPHEN-MINUS)"},
		{"Between 5-10 people were there", "Between 5–10 people were there",
			"Between [-5-10-]{+5–10+} (the text's – is U+2013 EN DASH, the quote's - U+002D HYPHEN-MINUS) people were there"},
		{"the so-called \"deal\" was off", "The so‑called “deal” was off",
			"[-the so-called-]{+The so‑called+} (the text's ‑ is U+2011 NON-BREAKING HYPHEN, the quote's - U+002D HYPHEN-MINUS) \"deal\" was off"},
		// A dash between words is punctuation, a word of its own: what
		// differs is the word, not the words the dash joins.
		{"minister said nobody argued", "minister said—and nobody argued", "minister said{+—and+} nobody argued"},
		// A full stop the text has only at its sentence's end, words
		// later, is not where the passage ends; a word the text adds
		// before it, as many as the quote has there, is.
		{"We drop bags of cash at your office.", "We drop bags of cash at your office,", "We drop bags of cash at your office[-.-]{+,+}"},
		{"Lavie said.", "Lavie allegedly said.", "Lavie {+allegedly+} said."},
		{"comment, John reminded the public.", "comment, John Tye reminded the public.", "comment, John {+Tye+} reminded the public."},
		{". Justice Department declined", "the Justice Department declined", "[-.-]{+the+} Justice Department declined"},
	} {
		r := Check(tc.quote, article)
		if r.State != NotFound {
			t.Fatalf("%q: %v, want not found", tc.quote, r.State)
		}
		if got := article[r.Closest.Start:r.Closest.End]; got != tc.passage {
			t.Errorf("%q: closest %q, want %q", tc.quote, got, tc.passage)
		}
		if got := DiffString(r.Diff); got != tc.diff {
			t.Errorf("%q: diff\n%s\nwant\n%s", tc.quote, got, tc.diff)
		}
	}
	if r := Check("entirely unrelated words", article); r.State != NotFound || r.Closest != (Span{}) || r.Diff != nil {
		t.Errorf("no word in common: %+v", r)
	}
	// A quote cut inside a number is not found, and its words lead to
	// the passage all the same: "no word of it" would be untrue.
	if r := Check("$5", "The firm paid $5,000,000."); r.State != NotFound || r.Closest == (Span{}) {
		t.Errorf("a number cut short: %+v, want not found with a closest passage", r)
	}
}

// TestLongText: a text far longer than a quote, with the quote near its
// end and near misses before it, finds the quote where it is.
func TestLongText(t *testing.T) {
	var b strings.Builder
	for range 2000 {
		b.WriteString("Filler words of the article that say nothing in particular about bags.\n\n")
	}
	at := b.Len()
	b.WriteString("He said “we drop bags of cash at your office” to them.")
	text := b.String()
	x := NewIndex(text)
	r := x.Check(`we drop bags of cash at your office`)
	if r.State != Verbatim || r.Span.Start <= at {
		t.Errorf("verbatim: %+v", r)
	}
	r = x.Check(`"we drop bags of cash at your office"`)
	if r.State != Normalised || r.Rules != Quotes || text[r.Span.Start:r.Span.End] != "“we drop bags of cash at your office”" {
		t.Errorf("normalised: %+v", r)
	}
	r = x.Check(`we drop bags of money at your office`)
	if r.State != NotFound || DiffString(r.Diff) != "we drop bags of [-money-]{+cash+} at your office" {
		t.Errorf("near miss: %+v %s", r, DiffString(r.Diff))
	}
}

// TestCommonWordsOnly: a quote whose words are all too common in a long
// text to anchor it still gets a closest passage, never "no word of it
// is in the text".
func TestCommonWordsOnly(t *testing.T) {
	text := strings.Repeat("the word of the day ", maxAnchorHits+1)
	r := NewIndex(text).Check("the word of the night")
	if r.State != NotFound || r.Closest == (Span{}) {
		t.Fatalf("no closest passage: %+v", r)
	}
	if got, want := DiffString(r.Diff), "the word of the [-night-]{+day+}"; got != want {
		t.Errorf("diff %q, want %q", got, want)
	}
}

func TestRulesNames(t *testing.T) {
	if got := (Quotes | NFC | Ellipsis).String(); got != "quotes, nfc, ellipsis" {
		t.Errorf("%q", got)
	}
	if got := Rules(0).String(); got != "none" {
		t.Errorf("%q", got)
	}
}

// TestPageBreak: a form feed, which chrono puts between a PDF's pages,
// is white space that a quote or its ellipsis may run across, and the
// result says when the match crossed one; it is not a paragraph break
// unless a blank line is beside it.
func TestPageBreak(t *testing.T) {
	const text = "Lavie said that they would drop bags\nof cash at the office of the\n\f\nminister, the paper reports.\n\n" +
		"A paragraph ends here.\n\n\f\nAnother begins on the next page."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string
	}{
		{"within a page", "they would drop bags of cash", Normalised, Whitespace, "they would drop bags\nof cash"},
		{"across the break", "the office of the minister, the paper", Normalised, Whitespace | PageBreak, "the office of the\n\f\nminister, the paper"},
		{"an ellipsis across the break", "they would … minister, the paper", Normalised, Ellipsis | PageBreak, "they would drop bags\nof cash at the office of the\n\f\nminister, the paper"},
		{"an ellipsis and a part across the break", "they would … the minister", Normalised, Whitespace | Ellipsis | PageBreak, "they would drop bags\nof cash at the office of the\n\f\nminister"},
		{"an ellipsis within a page", "they would … of cash", Normalised, Ellipsis, "they would drop bags\nof cash"},
		{"words not in the text", "the office of the prime minister", NotFound, 0, ""},
		{"an ellipsis with a part not in the text", "they would … the prime minister", NotFound, 0, ""},
		{"an ellipsis across a paragraph ending a page", "ends here … Another begins", NotFound, 0, ""},
		{"across a paragraph ending a page", "ends here. Another begins", Normalised, Whitespace | PageBreak | ParagraphBreak, "ends here.\n\n\f\nAnother begins"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []Result{Check(tc.quote, text), NewIndex(text).Check(tc.quote)} {
				if r.State != tc.state || r.Rules != tc.rules {
					t.Fatalf("%q: %v (%v), want %v (%v)", tc.quote, r.State, r.Rules, tc.state, tc.rules)
				}
				if got := text[r.Span.Start:r.Span.End]; got != tc.want {
					t.Errorf("range %v is %q, want %q", r.Span, got, tc.want)
				}
			}
		})
	}
}

// TestParagraphBreak: a quote found only by reading a paragraph break as
// a space (a headline run into the paragraph below it) is found, and the
// result says it crosses a paragraph, as it says a page; a quote that
// holds the break itself, or stays within a paragraph's lines, does not.
func TestParagraphBreak(t *testing.T) {
	const text = "NSO offered bags of cash\n\nIn August 2017, on a call,\nLavie spoke.\u2029Then silence."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string
	}{
		{"a headline run into its paragraph", "bags of cash In August 2017", Normalised, Whitespace | ParagraphBreak, "bags of cash\n\nIn August 2017"},
		{"across U+2029", "Lavie spoke. Then silence.", Normalised, Whitespace | ParagraphBreak, "Lavie spoke.\u2029Then silence."},
		{"within a paragraph's lines", "on a call, Lavie spoke.", Normalised, Whitespace, "on a call,\nLavie spoke."},
		{"the break as the text has it", "bags of cash\n\nIn August", Verbatim, 0, "bags of cash\n\nIn August"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []Result{Check(tc.quote, text), NewIndex(text).Check(tc.quote)} {
				expectResult(t, text, tc.quote, r, tc.state, tc.rules, tc.want, nil)
			}
		})
	}
}

// TestHyphenation: a word a line's end breaks with a hyphen, as a PDF's
// text layer has it, is found whole, across a page's end too; a hyphen
// before a capital, after a space, or before a blank line stays, and so
// does one inside a word.
func TestHyphenation(t *testing.T) {
	const text = "The documents show the investi-\ngation began in 2017. A well-\nknown firm, the so-called\nbroker, paid. " +
		"A self-made well-\nknown man. " +
		"It was re-\nElected. The sur-\n\nvey ended. Pay-\n\fments went on. Not -\nthis. The inter\u2010\r\nview."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string
	}{
		{"a word broken at a line's end", "the investigation began", Normalised, Whitespace | Hyphenation, "the investi-\ngation began"},
		{"as the text has it", "the investi-\ngation began", Verbatim, 0, "the investi-\ngation began"},
		{"the word alone", "investigation", Normalised, Whitespace | Hyphenation, "investi-\ngation"},
		{"across a page's end", "Payments went on", Normalised, Whitespace | Hyphenation | PageBreak, "Pay-\n\fments went on"},
		{"the hyphen character and CRLF", "The interview.", Normalised, Whitespace | Hyphenation, "The inter\u2010\r\nview."},
		{"a hyphen inside a word stays", "the so-called broker", Normalised, Whitespace, "the so-called\nbroker"},
		{"before a capital it stays", "It was re- Elected", Normalised, Whitespace, "It was re-\nElected"},
		{"after a space it stays", "Not - this", Normalised, Whitespace, "Not -\nthis"},
		// A compound broken at its own hyphen reads joined, and as
		// written: the text cannot say whose the hyphen was, and a quote
		// typed right is not to be "not found". The rule is named.
		{"a compound broken at its hyphen reads joined", "A wellknown firm", Normalised, Whitespace | Hyphenation, "A well-\nknown firm"},
		{"and as written, its own hyphen kept", "A well-known firm", Normalised, Whitespace | Hyphenation, "A well-\nknown firm"},
		{"a hyphen left out where no line ends is not", "the socalled broker", NotFound, 0, ""},
		{"nor one added there", "the documents-show", NotFound, 0, ""},
		{"beside a compound of the text's own", "A self-made well-known man", Normalised, Whitespace | Hyphenation, "A self-made well-\nknown man"},
		{"whose hyphen the quote must have", "A selfmade well-known man", NotFound, 0, ""},
		{"not across a paragraph", "The survey ended", NotFound, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []Result{Check(tc.quote, text), NewIndex(text).Check(tc.quote)} {
				expectResult(t, text, tc.quote, r, tc.state, tc.rules, tc.want, nil)
			}
		})
	}
}

// TestShortWordOnly: a quote whose longest words are none of them in the
// text, and a shorter one is, gets a closest passage around it: not "no
// word of it is in the text", which was said while "Mobileum" was there.
func TestShortWordOnly(t *testing.T) {
	text := "NSO said it has never done business with Mobileum and does not use cash."
	quote := "extraordinarily unconventional bureaucratic arrangements notwithstanding considerable international disagreements concerning telecommunications infrastructure with Mobileum"
	r := Check(quote, text)
	if r.State != NotFound || r.Closest == (Span{}) || !strings.Contains(text[r.Closest.Start:r.Closest.End], "Mobileum") {
		t.Errorf("closest %+v (%q), want a passage with Mobileum", r.Closest, text[r.Closest.Start:r.Closest.End])
	}
}

// TestNestedQuotes: a quotation inside the quote, which the writer set
// in single quotation marks because the quote is itself one, is found
// where the source sets it in double ones, and the other way round; the
// result names nested-quotes. An apostrophe is never taken for one.
func TestNestedQuotes(t *testing.T) {
	const text = "Lavie said NSO would pay “bags of cash” for access. " +
		"Miller recalled: “They said ‘we drop it at your office’ and laughed.” NSO’s denial came later."
	for _, tc := range []struct {
		name, quote string
		state       State
		rules       Rules
		want        string
	}{
		{"single for double", "would pay ‘bags of cash’ for access", Normalised, NestedQuotes, "would pay “bags of cash” for access"},
		{"straight single for double", "would pay 'bags of cash' for", Normalised, Quotes | NestedQuotes, "would pay “bags of cash” for"},
		{"double for single", "They said “we drop it at your office” and laughed", Normalised, NestedQuotes, "They said ‘we drop it at your office’ and laughed"},
		{"an apostrophe is the quotes rule's", "NSO's denial", Normalised, Quotes, "NSO’s denial"},
		{"other words are not found", "would pay ‘bags of money’ for", NotFound, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []Result{Check(tc.quote, text), NewIndex(text).Check(tc.quote)} {
				expectResult(t, text, tc.quote, r, tc.state, tc.rules, tc.want, nil)
			}
		})
	}
}
