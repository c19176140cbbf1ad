// Package verbatim checks that a quote is in a source's text, and where.
//
// A quote is found verbatim when its bytes are in the text as they are.
// Otherwise it may be found after normalisation, by these rules and no
// others; the Result names each rule the match needed:
//
//   - Quotes: typographic quotation marks and apostrophes (‘ ’ ‚ ‛ ‹ › ʼ
//     and “ ” „ ‟ « ») count as the straight ones (' and ").
//   - NestedQuotes: a quote not found otherwise is looked for with the
//     quotation marks of a quotation inside it swapped between single and
//     double: quoting a passage, a writer sets what it quotes in single
//     marks (‘bags of cash’) where the source has double ones, or the
//     other way round. Single marks count only in pairs around words, so
//     that an apostrophe stays one.
//   - Whitespace: any run of white space, line breaks included (and the
//     no-break space), counts as one space. A quote's leading and
//     trailing white space is not part of it.
//   - SoftHyphen: soft hyphens (U+00AD), invisible unless a line breaks
//     there, are ignored.
//   - Invisible: zero-width spaces (U+200B), word joiners (U+2060),
//     zero-width no-break spaces (U+FEFF) and the direction marks (U+200E,
//     U+200F, U+061C) that Hebrew and Arabic pages hold around dates and
//     names, which a page shows as nothing, are ignored: "Zero<U+200B>width"
//     reads as the "Zerowidth" shown.
//   - Hyphenation: a word a line's end breaks with a hyphen (- or U+2010)
//     after a letter, the next line going on with a lower-case letter,
//     counts as the word whole ("investi-\ngation" is "investigation"),
//     as a PDF's text layer has hyphenated lines. Not across a paragraph
//     break. The page cannot say whose the hyphen was: a compound broken
//     at its own hyphen ("well-\nknown") is found both joined and with
//     its hyphen ("well-known"), which the rule's name in the Result says;
//     a hyphen a quote has or lacks anywhere else is not passed over.
//   - NFC: text is compared in Unicode Normalization Form C, so that "é"
//     as one code point and as "e" with a combining accent are alike.
//   - Ligatures: a typeset ligature (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, as a PDF's text
//     layer has them) counts as the letters it joins.
//   - Ellipsis: "…", "...", "[…]" or "[...]" in the quote stands for a
//     stretch of the source left out, within one paragraph (paragraphs
//     are separated by a blank line or U+2029). The parts around it must
//     be found in order, in the same paragraph.
//   - PageBreak: the match runs across a page break, white space with a
//     form feed (as a PDF's text has between pages). It is not a rule
//     that lets more match, but is named so that the result says the
//     quote crosses pages. A page break is not a paragraph break, since
//     a sentence often goes on over a page's end, unless a blank line is
//     beside the form feed.
//   - ParagraphBreak: the match runs across a paragraph break (a blank
//     line or U+2029), which the Whitespace rule read as a space: a
//     headline run into the paragraph below it. As PageBreak, it lets
//     nothing more match, and is named so that the result says the quote
//     joins what the source keeps apart.
//   - HeadersFooters: a quote not found otherwise is looked for in the
//     text without its running heads and feet: between two pages, the
//     lines at a page's top (or bottom), up to three, that another
//     page also has at its top (or bottom), digits apart (a page number,
//     a date), read as the page break. A page's first line that no other
//     page repeats is content, and stays. The blank lines beside the
//     running lines are the page's layout: the page break read in their
//     place is not a paragraph break.
//   - Markdown: for a Markdown text (NewMarkdownIndex), a quote not found
//     in the text as written is looked for in it as a person reads it
//     rendered: without emphasis markers, link and image syntax (the
//     link's text stays), inline code's backticks, backslash escapes'
//     backslashes and headings' #. The other rules apply there too; the
//     range found is given in the text as written.
//
// Nothing else counts: not letter case, not other punctuation, not
// hyphens, dashes or spelling. A match begins and ends at word edges: a
// quote that begins or ends with a letter or digit is not found inside a
// longer word ("rape" is not in "grape").
//
// When a quote is not found, Result gives the closest passage of the
// text and a word-level diff of the quote against it, so that a reader
// sees at once that "bags of money" is not "bags of cash". The passage
// is found by anchoring the quote's words in the text, not by an edit
// distance over the whole text, so that it stays cheap on long texts.
// Where a word differs only in dashes that look alike ("5-10" against
// "5–10"), DiffString names them by their code points.
//
// Check builds what it needs for one text each time; to check many
// quotes against one text, build an Index once with NewIndex.
package verbatim
