package model

import "strings"

// Retitle changes the investigation's title and description (SetHeader),
// as one journal entry that RevertEdit takes back. It changes no event.
type Retitle struct{ Header Header }

// IDs implements Edit: none.
func (r Retitle) IDs() []string { return nil }

// Change implements Edit: events stay as they are.
func (r Retitle) Change(e Event) Event { return e }

// Apply implements Edit. It returns no Change, and a revert when the
// title or the description changed.
func (r Retitle) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpTitle, r.Phrase(), func(tx Tx) error { return SetHeader(tx, r.Header) })
}

// Phrase implements Edit: "titled the investigation “NSO Group”".
func (r Retitle) Phrase() string { return "titled the investigation " + quoteEnds(r.Header.Title) }

// quoteEnds quotes a title as quoteTitle does, but cuts a long one in
// its middle: an investigation's title is changed most often at its end
// (a subtitle, a "draft" taken off), which a cut there would hide, the
// phrase reading as the title it replaced.
func quoteEnds(t string) string {
	const head, tail = 24, 15
	if r := []rune(t); len(r) > head+tail+1 {
		t = strings.TrimRight(string(r[:head]), " ") + " … " + strings.TrimLeft(string(r[len(r)-tail:]), " ")
	}
	return "“" + t + "”"
}
