package model

import "time"

// Event is one entry of a chronology: something that happened (or is said
// to have happened), when, and who says so.
type Event struct {
	// ID is a stable slug, unique within the investigation.
	ID string `json:"id"`
	// Date is when it happened, as precisely as the sources allow. The zero
	// Date means undated.
	Date Date `json:"date,omitzero"`
	// DateText is the words the source used for the date ("last year").
	DateText string `json:"date_text,omitempty"`
	// DateTextOf says which part of the date DateText names: the whole
	// date (empty), its start or its end, or each end in turn, as a
	// TimelineJS file gives its dates' own display_date.
	DateTextOf DateTextPart `json:"date_text_of,omitempty"`
	// DateSource is the id of the source whose publication date anchors
	// DateText: "last year" in an article of 1 Feb 2022 is 2021.
	DateSource string `json:"date_source,omitempty"`
	Title      string `json:"title"`
	Summary    string `json:"summary,omitempty"`
	// Status is the standing of the claim; empty when not yet assessed.
	Status Status `json:"status,omitempty"`
	// Actors are the people and organisations involved.
	Actors []string `json:"actors,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	Quotes []Quote  `json:"quotes,omitempty"`
	Links  []Link   `json:"links,omitempty"`
	// Notes are the investigator's own annotations.
	Notes []Note `json:"notes,omitempty"`
	// Media are the pictures, videos, maps and other documents shown
	// with the event.
	Media []Medium `json:"media,omitempty"`
}

// Medium is a picture, video, map or other document shown with an
// event: where it is, and the words that describe it. Unlike a quote's
// text, its caption is no one's words to check against a source: it
// says what the medium shows.
type Medium struct {
	URL string `json:"url,omitempty"`
	// Caption says what the medium shows.
	Caption string `json:"caption,omitempty"`
	// Credit says whose it is: a photographer, an agency.
	Credit string `json:"credit,omitempty"`
	// Title names it, as a page shows it over the medium.
	Title string `json:"title,omitempty"`
	// Alt describes it for those who cannot see it.
	Alt string `json:"alt,omitempty"`
	// Thumbnail is the URL of a small picture of it.
	Thumbnail string `json:"thumbnail,omitempty"`
	// Link is the URL a click on it leads to.
	Link string `json:"link,omitempty"`
}

// Quote is verbatim text from a source, with who said it and where.
type Quote struct {
	// Text is verbatim: never edited, only displayed safely.
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	// Source is the id of the Source the quote is taken from.
	Source string `json:"source,omitempty"`
	// Context says where the words were said or written ("in Miller's
	// account to the Justice Department").
	Context string `json:"context,omitempty"`
	// Stance is the quote's stance toward the event's claim.
	Stance Stance `json:"stance,omitempty"`
}

// Link relates an event to another event of the same investigation.
type Link struct {
	Rel   Rel    `json:"rel"`
	Event string `json:"event"`
}

// Note is an annotation the investigator wrote.
type Note struct {
	Text string `json:"text"`
	// At is when the note was written; zero when unknown.
	At time.Time `json:"at,omitzero"`
	// Author is who wrote it; empty when unknown. Editing the text keeps
	// it: the note stays its writer's.
	Author string `json:"author,omitempty"`
	// Edited is when its text was last changed; zero when it never was
	// (or, for a note written before chrono kept it, when unknown).
	Edited time.Time `json:"edited,omitzero"`
	// EditedBy is who last changed its text; empty when no one did, or
	// it is unknown.
	EditedBy string `json:"edited_by,omitempty"`
}

// same reports whether n and o are one note as written and as last
// edited: text, author, times and editor alike.
func (n Note) same(o Note) bool {
	return n.written(o) && n.EditedBy == o.EditedBy && n.Edited.Equal(o.Edited)
}

// written reports whether n and o say the same words by the same writer
// of the same time, whether or not one says who last edited it: an edit
// shown before its save comes back has no mark of it yet.
func (n Note) written(o Note) bool {
	return n.Text == o.Text && n.Author == o.Author && n.At.Equal(o.At)
}

// HasTag reports whether e carries tag, in any case: tags in any case
// are one tag.
func (e *Event) HasTag(tag string) bool {
	return hasTag(e.Tags, tag)
}

// HasActor reports whether actor is among e's actors.
func (e *Event) HasActor(actor string) bool {
	for _, a := range e.Actors {
		if a == actor {
			return true
		}
	}
	return false
}
