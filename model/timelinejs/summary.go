package timelinejs

import (
	"strings"

	"chrono/model"
)

// holdsAdditions reports whether a slide's text, as HTML and as read,
// holds what chrono's export writes after an event's summary (slideText):
// a quote in a blockquote, or a paragraph of status, actors, tags or
// links. Such a text is more than the summary, and an update keeps the
// stored one; a text without any is the summary, and an update takes it,
// as it takes a changed headline.
func holdsAdditions(markup, text string) bool {
	if strings.Contains(strings.ToLower(markup), "<blockquote") {
		return true
	}
	for _, p := range strings.Split(text, "\n\n") {
		if isAddition(strings.TrimSpace(p)) {
			return true
		}
	}
	return false
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
