package tui

import (
	"strconv"
	"strings"

	"chrono/model"
)

// View implements Dialog: the new source's form while it is open; else a
// heading, the words taking the lines the other fields leave, then the
// speaker, the source with the sources that match what is typed, the
// context and the stance.
func (f *quoteForm) View(w, h int) []string {
	if f.sub != nil {
		return f.sub.View(w, h)
	}
	st := &f.ctx.styles
	out := make([]string, 0, h)
	add := func(s string) { out = append(out, st.fit(s, w)) }
	first, second := f.heading(w)
	add(first)
	add(second)
	pad := strings.Repeat(" ", formLabelWidth)
	starts := [quoteFieldCount + 1]int{}
	chosen := 0 // the line after the chosen candidate, when listed
	starts[quoteText] = len(out)
	for _, l := range labelledLines(f.label(quoteText), f.text.View()) {
		add(l)
	}
	starts[quoteSpeaker] = len(out)
	add(f.label(quoteSpeaker) + inputView(st, &f.inputs[quoteSpeaker]))
	starts[quoteSource] = len(out)
	if f.focus == quoteSource {
		add(f.label(quoteSource) + inputView(st, &f.inputs[quoteSource]))
		cs := f.candidates()
		first := max(0, min(f.cand-quoteCandidates+1, len(cs)-quoteCandidates))
		for i := first; i < first+quoteCandidates; i++ {
			if i >= len(cs) {
				add("")
				continue
			}
			text := f.candidateName(cs[i], w)
			if i == f.cand {
				add(pad + st.Selected.Render(st.fit("› "+text, max(w-formLabelWidth, 0))))
				chosen = len(out) // the field ends there for formLines
				continue
			}
			add(pad + "  " + text)
		}
	} else {
		add(f.label(quoteSource) + f.chosenName(w))
		for range quoteCandidates {
			add("")
		}
	}
	starts[quoteContext] = len(out)
	add(f.label(quoteContext) + inputView(st, &f.inputs[quoteContext]))
	starts[quoteStance] = len(out)
	stance := quoteStances[f.stance]
	word := "not stated"
	if stance != "" {
		word = string(stance)
	}
	if f.focus == quoteStance {
		word = "‹ " + word + " ›"
	}
	add(f.label(quoteStance) + word)
	starts[quoteFieldCount] = len(out)
	end := starts[f.focus+1]
	if f.focus == quoteSource && chosen > 0 {
		end = chosen
	}
	return formLines(out, 2, starts[f.focus], end-1, end, h, starts[:quoteFieldCount])
}

// heading says what the form does, or what stops it, on the line that
// starts the form and the one under it, blank unless it needs it.
func (f *quoteForm) heading(w int) (string, string) {
	st := &f.ctx.styles
	title := line(clip(f.event.Title, f.w))
	switch {
	case f.discard.asking:
		return f.discard.ask(st, f.keys.Cancel, f.keys.Save), ""
	case f.problem.say(f.snapshot()) != "":
		return f.problem.lines(st, w)
	case f.n > 0:
		return st.Prompt.Render("Edit quote "+strconv.Itoa(f.n)+" of ") + st.Heading.Render(title), ""
	}
	return st.Prompt.Render("New quote for ") + st.Heading.Render(title), ""
}

func (f *quoteForm) label(fld quoteField) string {
	return fieldLabel(&f.ctx.styles, quoteLabels[fld], fld == f.focus)
}

// newSourceEntry is the source field's entry that opens a new source's
// form.
const newSourceEntry = "new source…"

// candidateName is an entry of the source field's list.
func (f *quoteForm) candidateName(c candidate, w int) string {
	switch {
	case c.fresh:
		return newSourceEntry
	case c.pending:
		return "new: " + newSourceName(*c.source, w)
	case c.source == nil:
		return "none"
	}
	return sourceName(*c.source, w)
}

// chosenName is the source chosen, as the field shows it when the cursor
// is elsewhere.
func (f *quoteForm) chosenName(w int) string {
	if f.newSource != nil {
		return "new: " + newSourceName(*f.newSource, w) + f.ctx.styles.Muted.Render(" (added with the quote)")
	}
	if f.sourceID == "" {
		return "none"
	}
	for _, s := range f.sources {
		if s.ID == f.sourceID {
			return sourceName(s, w)
		}
	}
	return line(f.sourceID)
}

// sourceName is a source as a choice: its id, then its citation, clipped
// first (a title may be long, and the line is cut to the screen anyway).
func sourceName(s model.Source, w int) string {
	return line(s.ID) + " · " + model.Citation(s, func(t string) string { return line(clip(t, w)) })
}

// newSourceName is a source not yet written: its id may come when it is.
func newSourceName(s model.Source, w int) string {
	c := model.Citation(s, func(t string) string { return line(clip(t, w)) })
	if s.ID == "" {
		return c
	}
	return line(s.ID) + " · " + c
}
