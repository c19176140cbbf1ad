package tui

import (
	"chrono/model"
	"strings"
)

// formFixedLines are the lines of the event form but the summary's: the
// heading and a blank line, the fields, and a line each for the reading
// of the date and the proposal of the date text, which may take more
// (noteLines), as the media may (mediaHeight).
const formFixedLines = 12

// mediaLines are the lines the media's field shows when it has any or
// the cursor: a medium's url and two of its fields, the rest scrolled
// to, so that the summary, under it, keeps the lines left.
const mediaLines = 3

// mediaHeight is the lines the media's field takes: one while it is
// empty and the cursor elsewhere, as most events have none.
func (f *eventForm) mediaHeight() int {
	if f.focus != fieldMedia && f.media.Value() == "" {
		return 1
	}
	return mediaLines
}

// notes are the lines of the reading of the date and of the proposal of
// the date text, laid out for the form's width: a proposal ends in the
// key that takes it.
func (f *eventForm) notes() (reading, proposed []string) {
	st := &f.ctx.styles
	style, take := st.Muted, ""
	if !f.proposal.IsZero() {
		style, take = st.Prompt, keyOf(f.keys.Propose)+" takes it"
	}
	return readingLines(st, f.reading, f.readErr, f.w), keyedNoteLines(st, f.proposed, take, style, f.w)
}

// fitSummary gives the media their lines, and the summary the lines the
// other fields and the notes leave.
func (f *eventForm) fitSummary() {
	if f.w < 0 {
		return // not laid out yet
	}
	if h := f.mediaHeight(); f.media.Height() != h {
		_, aw := fieldWidths(f.w)
		resizeArea(&f.media, aw, h)
	}
	f.summary.SetHeight(f.summaryHeight())
}

// summaryHeight is the lines the other fields and the notes leave the
// summary, and three at least: on a short terminal the form scrolls
// (formLines), and one line was too few to read what one types.
func (f *eventForm) summaryHeight() int {
	reading, proposed := f.notes()
	// No more than the room under the heading, or the field's end would
	// push its label and the cursor off a tiny screen.
	least := min(minSummaryLines, max(f.h-2, 1))
	return max(f.h-formFixedLines-(len(reading)-1)-(len(proposed)-1)-(f.mediaHeight()-1), least)
}

// minSummaryLines is the least the summary shows.
const minSummaryLines = 3

// View implements Dialog: a heading, then each field under the one
// before, the summary taking the lines left.
func (f *eventForm) View(w, h int) []string {
	st := &f.ctx.styles
	out := make([]string, 0, h)
	add := func(s string) { out = append(out, st.fit(s, w)) }
	top, second := f.heading(w)
	add(top)
	add(second)
	reading, proposed := f.notes()
	from, to := 0, 0
	starts := make([]int, 0, fieldCount)
	for fld := range fieldCount {
		if fld == f.focus {
			from = len(out)
		}
		starts = append(starts, len(out))
		switch fld {
		case fieldSource:
			add(f.label(fld) + f.choiceView(fld, f.sourceName()))
			for _, l := range proposed {
				add(l)
			}
		case fieldStatus:
			s := formStatuses[f.status]
			word := s.Word()
			if s != "" {
				word = s.Mark() + " " + word
			}
			add(f.label(fld) + f.choiceView(fld, word))
		case fieldSummary:
			for _, l := range labelledLines(f.label(fld), f.summary.View()) {
				add(l)
			}
		case fieldMedia:
			for _, l := range labelledLines(f.label(fld), f.media.View()) {
				add(l)
			}
		default:
			add(f.label(fld) + inputView(st, &f.inputs[fld]))
		}
		if fld == fieldDate {
			for _, l := range reading {
				add(l)
			}
		}
		if fld == f.focus {
			to = len(out)
		}
	}
	at := from // the input or the choice, on the label's line
	if f.focus == fieldSummary || f.focus == fieldMedia {
		at = to - 1 // the summary's lines end where its cursor is
	}
	return formLines(out, 2, from, at, to, h, starts)
}

// heading says what the form does, or what stops it, in a line and the
// one under it, blank unless what stops the form needs it: the keys that
// settle a conflict go there when the line has no room for them.
func (f *eventForm) heading(w int) (string, string) {
	st := &f.ctx.styles
	switch {
	case f.discard.asking:
		return f.discard.ask(st, f.keys.Cancel, f.keys.Save), ""
	case f.conflict != nil:
		what := "✗ " + line(f.conflict.say())
		if st.width(what) > w {
			what = "✗ this event " + f.conflict.changed() // its id is what a short line loses
		}
		keys := keyOf(f.keys.Reload) + " reloads it · " + keyOf(f.keys.Keep) + " keeps yours"
		switch lines := st.wrapWords(what, w); {
		case st.width(what+" · "+keys) <= w:
			return st.Error.Render(what + " · " + keys), ""
		case len(lines) > 1:
			// What changed, whole on two lines, is what the choice needs:
			// the footer names the keys that settle it.
			second := strings.Join(lines[1:], " ")
			return st.Error.Render(lines[0]), st.Error.Render(st.fit(second, w))
		}
		return st.Error.Render(what), st.Error.Render("  " + keys)
	case f.problem.say(f.snapshot()) != "":
		return f.problem.lines(st, w)
	case f.base == nil:
		return st.Heading.Render("New event"), ""
	}
	return st.Prompt.Render("Edit ") + st.Heading.Render(line(f.base.Title)), ""
}

// label is a field's label, marked when the cursor is in it.
func (f *eventForm) label(fld formField) string {
	return fieldLabel(&f.ctx.styles, fieldLabels[fld], fld == f.focus)
}

// choiceView shows a choice, with the arrows that change it when the
// cursor is on it. A choice too long for the line (a source's citation
// at 80 columns) is cut before the arrow after it, not the arrow: cut,
// the line no longer showed that → had more to choose from.
func (f *eventForm) choiceView(fld formField, s string) string {
	if fld != f.focus {
		return s
	}
	if w := f.w - formLabelWidth - 4; w > 0 {
		s = f.ctx.styles.fit(s, w)
	}
	return "‹ " + s + " ›"
}

// sourceName is the source chosen to anchor the date text.
func (f *eventForm) sourceName() string {
	if f.source == 0 || f.source > len(f.sources) {
		if id := f.sourceID(); id != "" {
			return line(id)
		}
		return "none"
	}
	s := f.sources[f.source-1]
	// Clipped first: a source's title may be long, and the line is cut
	// to the screen anyway.
	return line(s.ID) + " · " + model.Citation(s, func(t string) string { return line(clip(t, f.w)) })
}
