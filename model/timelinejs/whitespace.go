package timelinejs

import "chrono/model"

// LossWhiteSpace counts texts that HTML shows, and chrono reads back,
// with other white space than they have: TimelineJS text is HTML, in
// which a tab or a run of spaces is one space, spaces at the ends of a
// line and a carriage return are nothing. Counted so that a title or a
// quote that reads back changed is never changed silently.
var LossWhiteSpace = model.Loss{
	One:  "text whose tabs, repeated spaces or spaces at line ends HTML collapses",
	Many: "texts whose tabs, repeated spaces or spaces at line ends HTML collapses",
}

// countCollapsedSpace counts the texts of an event's slide that read back
// with other white space: the headline and display_date (one line), the
// summary (paragraphs), and the media quote's text, speaker and context.
func countCollapsedSpace(e model.Event, media *model.Quote, losses *model.Losses) {
	n := 0
	for _, s := range []string{e.Title, e.DateText} {
		if !isOneLine(s) {
			n++
		}
	}
	if e.Summary != "" && !surelyKept(e.Summary) && htmlToTextOnly(paragraphs(e.Summary)) != e.Summary {
		n++
	}
	if media != nil {
		if !surelyKept(media.Text) && htmlToTextOnly(inline(media.Text)) != media.Text {
			n++
		}
		for _, s := range []string{media.Speaker, media.Context} {
			if !isOneLine(s) {
				n++
			}
		}
	}
	losses.Add(LossWhiteSpace, n)
}

// isOneLine reports whether s is as oneLine writes it: words between
// single spaces. Asking oneLine cost an export of a million events a
// fifth of its time in the copies it made.
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c != ' ' && isSpaceRune(rune(c)):
			return false
		}
	}
	return true
}

// surelyKept reports, without writing and reading the HTML, that text
// written as paragraphs or inline reads back as it is: it has no
// white space HTML would collapse or trim (a tab, a carriage return, a
// form feed, a no-break space, two spaces, a space at a line's end, or
// a line at either end), and no more than one blank line in a row. Text
// it is not sure of is written and read to tell.
func surelyKept(text string) bool {
	if text == "" {
		return true
	}
	if first, last := text[0], text[len(text)-1]; first == ' ' || first == '\n' || last == ' ' || last == '\n' {
		return false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\t' || c == '\r' || c == '\f':
			return false
		case i == 0:
		case c == ' ' && (text[i-1] == ' ' || text[i-1] == '\n'):
			return false
		case c == '\n' && (text[i-1] == ' ' || i >= 2 && text[i-1] == '\n' && text[i-2] == '\n'):
			return false
		case c == 0xa0 && text[i-1] == 0xc2: // U+00A0 in UTF-8
			return false
		}
	}
	return true
}

// htmlToTextOnly is the text htmlToText reads from HTML chrono wrote,
// which holds no embeds.
func htmlToTextOnly(s string) string {
	text, _ := htmlToText(s)
	return text
}

// countCollapsedSource counts the details of a source, carried by the
// first media that cites it, that read back with other white space.
func countCollapsedSource(src model.Source, losses *model.Losses) {
	n := 0
	for _, s := range []string{src.Author, src.Publisher, src.Title} {
		if !isOneLine(s) {
			n++
		}
	}
	losses.Add(LossWhiteSpace, n)
}
