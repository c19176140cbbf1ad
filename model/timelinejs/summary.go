package timelinejs

import (
	"strings"
	"unicode/utf8"

	"chrono/model"
)

// SummaryTaken is the summary an update takes from a slide's text, read
// as plain text, given the stored summary. chrono's export writes after
// an event's summary what TimelineJS has no field for (slideText): its
// status, actors, quotes, tags and links, which the store keeps in
// fields of their own. A text that holds them after the stored summary
// is the stored event's export, and the summary stays; one whose summary
// was changed gives the summary it holds now. A stored summary that
// holds such paragraphs itself was a slide's whole text (a slide written
// by hand, with a status line or a quote of its own), and the whole text
// is taken again. Keeping the stored summary whenever a text held more
// than one ignored every change made to such a slide.
func SummaryTaken(stored, read string) string {
	shown := SummaryRead(stored)
	if read == stored || read == shown {
		return stored
	}
	part, added := summaryPart(read)
	switch {
	case !added:
		return read
	case part == stored || part == shown:
		return stored
	}
	for _, s := range []string{stored, shown} {
		// A whole text stored, exported with the event's status or
		// quotes after it: those are not to be added to it again.
		if rest, ok := strings.CutPrefix(read, s+"\n\n"); ok {
			if p, more := summaryPart(rest); more && p == "" {
				return stored
			}
		}
	}
	if _, had := summaryPart(shown); had {
		return read
	}
	return part
}

// summaryPart is the summary a slide's plain text begins with, and
// whether paragraphs such as chrono's export adds after a summary
// follow it (slideText): a status, actors, quotes folded in with who
// said them, tags, links. A quote is taken for one only with the line
// that says who said it: a paragraph of the summary may well begin
// and end with quotation marks.
func summaryPart(text string) (string, bool) {
	ps := strings.Split(text, "\n\n")
	end := additionsStart(ps)
	if end == len(ps) {
		return text, false
	}
	return strings.Join(ps[:end], "\n\n"), true
}

// additionsStart is the index of the first of the paragraphs ps ends
// with that read as slideText adds them after a summary; len(ps) when
// there are none.
func additionsStart(ps []string) int {
	end := len(ps)
	for end > 0 {
		p := strings.TrimSpace(ps[end-1])
		if isAddition(p) {
			end--
			continue
		}
		if !strings.HasPrefix(p, "— ") || end < 2 {
			break
		}
		j, ok := quoteStart(ps, end-2) // the quote above who said it
		if !ok {
			break
		}
		end = j
	}
	return end
}

// quoteStart is where the quote that ends with paragraph k of ps begins,
// as blockquote writes one: between quotation marks, over one paragraph
// or several.
func quoteStart(ps []string, k int) (int, bool) {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(ps[k]))
	for j := k; j >= 0; j-- {
		first, _ := utf8.DecodeRuneInString(strings.TrimSpace(ps[j]))
		if closers, ok := model.QuoteCloses(first); ok && strings.ContainsRune(closers, last) {
			return j, true
		}
	}
	return 0, false
}

// SummaryRead is what an event's summary reads back as once written as a
// slide's text, as HTML shows it: runs of spaces, spaces at the ends of
// lines and blank lines beyond one are gone. An update whose slide text
// is that of the stored summary leaves the summary as it is.
func SummaryRead(summary string) string {
	text, _ := htmlToText(paragraphs(summary))
	return text
}

// isAddition reports whether a paragraph reads as one slideText adds.
func isAddition(p string) bool {
	if word, ok := strings.CutPrefix(p, "Status: "); ok {
		_, err := model.ParseStatus(word)
		return err == nil || word == model.Status("").Word()
	}
	if strings.HasPrefix(p, "Actors: ") || strings.HasPrefix(p, "Tags: ") {
		return true
	}
	for _, line := range strings.Split(p, "\n") {
		if !isLinkLine(line) {
			return false
		}
	}
	return p != ""
}

// isLinkLine reports whether a line reads as slideText writes a link:
// "Disputes nso-denial".
func isLinkLine(line string) bool {
	for _, r := range model.Rels {
		if id, ok := strings.CutPrefix(line, capitalize(r.Phrase())+" "); ok && model.CheckID(id) == "" {
			return true
		}
	}
	return false
}
