package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// editKey handles the keys that change events: tags, marks, notes,
// undo. It reports whether the key was one of them.
func (b *browser) editKey(msg tea.KeyPressMsg) (Action, tea.Cmd, bool) {
	k := &b.keys
	ctx := b.ctx
	switch {
	case key.Matches(msg, k.Tag):
		ids := b.targets()
		if len(ids) == 0 {
			return nil, nil, true
		}
		// Each tag once, as the store spells it most (the facets come most
		// frequent first): "Key" and "key" are one tag.
		return openDialog{newPrompt(ctx, promptTag, "tag "+b.targetPhrase(ids)+": ", model.UniqueInAnyCase(facetNames(ctx.tags)), ids, nil)}, nil, true
	case key.Matches(msg, k.Untag):
		ids := b.targets()
		have := b.tagsOf(ids)
		if len(have) == 0 {
			return nil, say("no tags to remove"), true
		}
		return openDialog{newPrompt(ctx, promptUntag, "remove tag from "+b.targetPhrase(ids)+": ", have, ids, nil)}, nil, true
	case key.Matches(msg, k.Mark):
		return nil, b.toggleMark(), true
	case key.Matches(msg, k.Undo):
		return undoLast{}, nil, true
	case key.Matches(msg, k.Redo):
		return redoLast{}, nil, true
	case key.Matches(msg, k.Note):
		row, ok := b.tl.selected()
		if !ok {
			return nil, nil, true
		}
		return openDialog{newNoteEditor(ctx, row.Event.ID, row.Event.Title)}, nil, true
	case key.Matches(msg, k.Add):
		return openDialog{newEventForm(ctx, nil)}, loadSources(ctx.store), true
	case key.Matches(msg, k.Edit):
		row, ok := b.tl.selected()
		if !ok {
			return nil, nil, true
		}
		e, _ := b.Latest(row.Event.ID)
		return openDialog{newEventForm(ctx, &e)}, loadSources(ctx.store), true
	case key.Matches(msg, k.Editor):
		row, ok := b.tl.selected()
		if !ok {
			return nil, nil, true
		}
		if ctx.readOnly != "" {
			// Refused now, rather than after the editing.
			return nil, ctx.refused(), true
		}
		e, _ := b.Latest(row.Event.ID)
		return nil, startEditing(e), true
	case key.Matches(msg, k.Link):
		row, ok := b.tl.selected()
		if !ok {
			return nil, nil, true
		}
		// The links other events make to it, when the pane has read
		// them: the picker says of those too that they are there.
		var related []model.Relation
		if b.detail.loaded && b.detail.d.Event.ID == row.Event.ID {
			related = b.detail.d.Related
		}
		p, cmd := newLinkPicker(ctx, row.Event, related)
		return openDialog{p}, cmd, true
	case key.Matches(msg, k.Remove):
		return b.removeItem(), nil, true
	case key.Matches(msg, k.Retitle):
		return openDialog{newTitleDialog(ctx)}, nil, true
	case key.Matches(msg, k.EditNote):
		i, ok := b.detail.note()
		if !ok {
			return nil, nil, true
		}
		e := &b.detail.d.Event
		return openDialog{editNote(ctx, e.ID, e.Title, i+1, e.Notes[i])}, nil, true
	case key.Matches(msg, k.QuoteUp, k.QuoteDown):
		it, ok := b.detail.item()
		if !ok || it.quote < 0 {
			return nil, nil, true
		}
		to := it.quote + 1
		if key.Matches(msg, k.QuoteUp) {
			to = it.quote - 1
		}
		// The selection goes with the quote, so that the key pressed
		// again moves it on.
		b.detail.step(to - it.quote)
		return moveQuote{id: b.detail.id(), n: it.quote, to: to}, nil, true
	case key.Matches(msg, k.QuoteAtEnd):
		if msg.String() == "K" {
			return nil, say("the first quote: K moves it up no further"), true
		}
		return nil, say("the last quote: J moves it down no further"), true
	}
	for i, bk := range k.QuickTags {
		if key.Matches(msg, bk) {
			return b.toggleQuickTag(b.quickTags[i]), nil, true
		}
	}
	if key.Matches(msg, k.NoQuickTag) {
		return nil, say(fmt.Sprintf("no tag on %s · %s · --quick-tags sets them", msg.String(), quickTagList(b.quickTags))), true
	}
	return nil, nil, false
}

// targets are the events a tag key acts on: the marked ones, else the
// selected one.
func (b *browser) targets() []string {
	if len(b.marks) > 0 {
		ids := make([]string, 0, len(b.marks))
		for _, r := range b.tl.rows { // in timeline order where loaded
			if b.marks[r.Event.ID] {
				ids = append(ids, r.Event.ID)
			}
		}
		for id := range b.marks {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		return ids
	}
	if row, ok := b.tl.selected(); ok {
		return []string{row.Event.ID}
	}
	return nil
}

func (b *browser) targetPhrase(ids []string) string {
	if len(b.marks) > 0 {
		return fmt.Sprintf("%s (marked)", plural(len(ids), "event"))
	}
	return "this event"
}

// tagsOf returns the tags the events carry, for T to offer.
func (b *browser) tagsOf(ids []string) []string {
	var out []string
	for _, id := range ids {
		e, _ := b.Latest(id)
		for _, t := range e.Tags {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

func (b *browser) toggleMark() tea.Cmd {
	row, ok := b.tl.selected()
	if !ok {
		return nil
	}
	if b.marks[row.Event.ID] {
		delete(b.marks, row.Event.ID)
	} else {
		b.marks[strings.Clone(row.Event.ID)] = true // not the row's whole value (model.Store.Page)
	}
	b.tl.move(1)
	return tea.Batch(b.moved(), b.fill())
}

// toggleQuickTag removes the tag when every target has it, else adds it.
func (b *browser) toggleQuickTag(tag string) Action {
	ids := b.targets()
	if len(ids) == 0 {
		return nil
	}
	// As the store spells it ("Key" for a quick tag key), as a tag typed
	// at t is: the quick tag adds no second spelling, and what it says
	// it removed is what the event held.
	tag = model.SpeltAs([]string{tag}, facetNames(b.ctx.tags))[0]
	all := true
	for _, id := range ids {
		if e, _ := b.Latest(id); !e.HasTag(tag) {
			all = false
		}
	}
	if all {
		return writeEdit{model.Retag{Events: ids, Remove: []string{tag}}}
	}
	return writeEdit{model.Retag{Events: ids, Add: []string{tag}}}
}

// noteShownLines is how many of a note's lines a confirmation of its
// deletion shows: enough to know it, not the whole of a long one.
const noteShownLines = 4

// deletedNoteLines is a note as a confirmation of its deletion shows it: its
// first lines and who wrote it when.
func deletedNoteLines(n model.Note) []string {
	var out []string
	lines := strings.Split(n.Text, "\n")
	for i, l := range lines {
		if i == noteShownLines {
			out = append(out, "  … and "+plural(len(lines)-i, "more line"))
			break
		}
		out = append(out, "  "+line(l))
	}
	if by := noteByline(n); by != "" {
		out = append(out, "  "+by)
	}
	return out
}

// removeItem removes the quote or link selected in the sources pane. A
// link another event makes to this one is removed from that event; a
// note is deleted once the investigator says yes.
func (b *browser) removeItem() Action {
	it, ok := b.detail.item()
	if !ok {
		return nil
	}
	e := &b.detail.d.Event
	if it.note >= 0 {
		q := fmt.Sprintf("delete note %d of %s? ", it.note+1, e.ID)
		was := e.Notes[it.note] // a copy: the pane's event is replaced as the store changes
		return openDialog{newConfirm(b.ctx, q, "delete it", deletedNoteLines(e.Notes[it.note]), writeEdit{model.DropNote{ID: e.ID, N: it.note + 1, Was: &was}})}
	}
	if it.link >= 0 {
		r := b.detail.d.Related[it.link]
		if slices.Contains(e.Links, model.Link(r)) {
			return unlinkEvents{from: e.ID, rel: r.Rel, to: r.Event}
		}
		return unlinkEvents{from: r.Event, rel: r.Rel.Inverse(), to: e.ID}
	}
	return removeQuote{id: e.ID, n: it.quote}
}

// quickTagList names the quick tags, for a digit that has none.
func quickTagList(tags []string) string {
	if len(tags) == 0 {
		return "no quick tags"
	}
	var b strings.Builder
	for i, t := range tags {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d #%s", i+1, line(t))
	}
	return b.String()
}
