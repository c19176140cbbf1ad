package tui

import "strings"

// typedAway is a dialog that can hold what was typed and not saved: a
// signal that ends the browser closes it, and the message chrono leaves
// says what went with it rather than that every change is saved.
type typedAway interface {
	// typedAway says what would be lost ("" when nothing was typed).
	typedAway() string
}

func (f *eventForm) typedAway() string {
	switch {
	case !f.changed():
		return ""
	case f.base == nil:
		return "the new event typed in the form"
	}
	return "the changes typed in the form of " + f.base.ID
}

func (f *quoteForm) typedAway() string {
	switch {
	case f.sub != nil && f.sub.typedAway() != "":
		return "the source typed in the quote's form"
	case !f.changed():
		return ""
	case f.n == 0:
		return "the new quote typed for " + f.event.ID
	}
	return "the changes typed to a quote of " + f.event.ID
}

func (f *sourceForm) typedAway() string {
	if f.snapshot() == f.initial {
		return ""
	}
	return "the source typed in the form"
}

func (n *noteEditor) typedAway() string {
	if t := n.text(); t == "" || t == strings.TrimSpace(n.was) {
		return ""
	}
	return "the note typed for " + n.id
}

func (d *titleDialog) typedAway() string {
	if d.header() == d.was {
		return ""
	}
	return "the investigation's title and description typed"
}
