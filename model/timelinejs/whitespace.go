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
		if oneLine(s) != s {
			n++
		}
	}
	if e.Summary != "" && htmlToTextOnly(paragraphs(e.Summary)) != e.Summary {
		n++
	}
	if media != nil {
		if htmlToTextOnly(inline(media.Text)) != media.Text {
			n++
		}
		for _, s := range []string{media.Speaker, media.Context} {
			if oneLine(s) != s {
				n++
			}
		}
	}
	losses.Add(LossWhiteSpace, n)
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
		if oneLine(s) != s {
			n++
		}
	}
	losses.Add(LossWhiteSpace, n)
}
