package markdown

import (
	"chrono/model"
	"chrono/model/termtext"
)

// LostUncitedSource counts sources that no written event cites: the
// chronology lists only the sources it quotes. Everything else an event
// holds has a rendering.
var LostUncitedSource = model.Loss{One: "source cited by no exported event not listed", Many: "sources cited by no exported event not listed"}

// LostNote counts the investigator's notes a draft leaves out: they are
// private, and go into the chronology only when asked for (Options.Notes).
var LostNote = model.Loss{One: "private note left out", Many: "private notes left out"}

// LostMarked counts events whose words hold characters the file shows as
// marks (termtext): a direction mark of Hebrew or Arabic text reads
// "<U+200F>" in the draft, and a story pasted from it would print that.
var LostMarked = model.Loss{One: "event whose text holds invisible or control characters, written as marks such as <U+200F>", Many: "events whose text holds invisible or control characters, written as marks such as <U+200F>"}

// holdsMarked reports whether the words of e, its notes with notes,
// hold a character that termtext shows as a mark.
func holdsMarked(e *model.Event, notes bool) bool {
	texts := []string{e.Title, e.Summary, e.DateText}
	texts = append(texts, e.Actors...)
	texts = append(texts, e.Tags...)
	for _, q := range e.Quotes {
		texts = append(texts, q.Text, q.Speaker, q.Context)
	}
	for _, m := range e.Media {
		texts = append(texts, m.Title, m.Caption, m.Credit)
	}
	if notes {
		for _, n := range e.Notes {
			texts = append(texts, n.Text, n.Author)
		}
	}
	for _, s := range texts {
		if termtext.Text(s) != s {
			return true
		}
	}
	return false
}
