package tui

import (
	"errors"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// quoteRefusedMsg brings the event as it is now to a quote form whose
// save was refused, so that it opens again on what was typed.
type quoteRefusedMsg struct {
	form    *quoteForm
	current model.Event
	found   bool // the event could be read
	why     error
}

// reopenQuote reads the event the refused quote was for, and reopens
// its form: a refused save must not take away the words typed.
func reopenQuote(s model.Store, f *quoteForm, why error) tea.Cmd {
	id := f.event.ID
	return func() tea.Msg {
		cur, err := s.Event(id)
		return quoteRefusedMsg{form: f, current: cur, found: err == nil, why: why}
	}
}

// refused puts the form on the event as it is now, after its save met
// why. The quote edited, when it only moved meanwhile, is edited where
// it is now; when it was changed or removed, the form adds what was
// typed as a new quote beside it, so that saving keeps both changes.
// Any other refusal is said as it came, the form as it was.
func (f *quoteForm) refused(cur model.Event, found bool, why error) {
	f.discard = discardGuard{}
	f.inTrash = false
	if trashed := (inTrashError{}); errors.As(why, &trashed) {
		// What is typed is kept, and saved where it was meant to go, as
		// the event form does; the store's advice, D, would be typed
		// into the form.
		if trashed.restoreNeeds == nil {
			f.inTrash = true
			f.problem = refuse(fmt.Sprintf("not saved: the event went to the trash meanwhile: %s restores it and saves yours, %s drops what you typed", keyOf(f.keys.Save), keyOf(f.keys.Cancel)), f.snapshot())
			return
		}
		f.problem = refuse(fmt.Sprintf("not saved: the event went to the trash meanwhile; %s closes the form, and what you typed with it (restoring it needs the %s role)", keyOf(f.keys.Cancel), *trashed.restoreNeeds), f.snapshot())
		return
	}
	was := f.n
	if !found || was == 0 || was > len(f.event.Quotes) {
		f.problem = refuse("not saved: "+why.Error(), f.snapshot())
		return
	}
	base := f.event.Quotes[was-1]
	if qc := (*model.QuoteConflict)(nil); errors.As(why, &qc) {
		f.takeTheirs(base, qc.Now)
		f.event = cur.Clone()
		f.problem = refuse(fmt.Sprintf("quote %d's %s was changed meanwhile, %s: %s puts yours in its place", was, qc.Field, qc.ChangedTo(), keyOf(f.keys.Save)), f.snapshot())
		return
	}
	if was <= len(cur.Quotes) && cur.Quotes[was-1] == base {
		f.problem = refuse("not saved: "+why.Error(), f.snapshot())
		return
	}
	n := slices.Index(cur.Quotes, base) + 1
	// Removed, when every quote the event has now it had before, and
	// one fewer: else changed (its words, or its source).
	removed := len(cur.Quotes) == len(f.event.Quotes)-1 &&
		!slices.ContainsFunc(cur.Quotes, func(q model.Quote) bool { return !slices.Contains(f.event.Quotes, q) })
	f.event, f.n = cur.Clone(), n
	say := fmt.Sprintf("quote %d changed meanwhile: ctrl+s adds yours as a new quote, esc drops it", was)
	switch {
	case n > 0:
		say = fmt.Sprintf("quote %d moved meanwhile to %d: ctrl+s saves yours there", was, n)
	case removed:
		say = fmt.Sprintf("quote %d was removed meanwhile: ctrl+s adds yours as a new quote, esc drops it", was)
	}
	f.problem = refuse(say, f.snapshot())
}

// takeTheirs puts now, the quote as another change left it, in the
// fields the form left as they were in base, so that saving again keeps
// that change beside what was typed.
func (f *quoteForm) takeTheirs(base, now model.Quote) {
	if f.value(quoteText) == f.stored[quoteText] {
		f.text.SetValue(areaText(now.Text))
	}
	f.stored[quoteText] = now.Text
	for fld, v := range map[quoteField]string{quoteSpeaker: now.Speaker, quoteContext: now.Context} {
		f.stored[fld] = refill(&f.inputs[fld], f.value(fld), f.stored[fld], v)
	}
	if f.newSource == nil && f.sourceID == base.Source {
		f.sourceID = now.Source
	}
	if quoteStances[f.stance] == base.Stance {
		f.stance = max(slices.Index(quoteStances, now.Stance), 0)
	}
}

// quoteRefused reopens the form of a refused quote, unless another
// dialog was opened meanwhile.
func (m *Model) quoteRefused(msg quoteRefusedMsg) tea.Cmd {
	if m.dialog != nil {
		return nil
	}
	msg.form.refused(msg.current, msg.found, msg.why)
	m.open(msg.form)
	return nil
}
