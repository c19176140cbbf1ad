package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// The browser's ways to the screens and dialogs of quotes, sources and
// the trash.

// trashCheckMsg brings what moving events to the trash leaves behind:
// the links other events make to them, which stay.
type trashCheckMsg struct {
	ids    []string
	titles []string
	links  []string // "“Other” disputes “This”", safe to show
	// own are the events' links to events left on the timeline, which go
	// to the trash with them: "“This” disputed by “Other”".
	own []string
	err error
}

// trashEvents moves events to the trash, once confirmed.
type trashEvents struct{ ids []string }

// checkTrash reads the links other events make to the events about to
// go to the trash.
func checkTrash(s model.Store, ids []string) tea.Cmd {
	return func() tea.Msg {
		msg := trashCheckMsg{ids: ids}
		for _, id := range ids {
			d, err := s.Detail(id)
			if err != nil {
				msg.err = fmt.Errorf("event %q: %w", id, err)
				return msg
			}
			msg.titles = append(msg.titles, d.Event.Title)
			for _, r := range d.Related {
				if slices.Contains(ids, r.Event) {
					continue // trashed with it
				}
				other := d.Titles[r.Event]
				if other == "" {
					other = r.Event
				}
				this := "it"
				if len(ids) > 1 {
					this = "“" + line(clip(d.Event.Title, 60)) + "”"
				}
				if slices.Contains(d.Event.Links, model.Link(r)) {
					msg.own = append(msg.own, "  "+this+" "+r.Rel.Verb()+" “"+line(clip(other, 60))+"”")
					continue
				}
				msg.links = append(msg.links, "  “"+line(clip(other, 60))+"” "+r.Rel.Inverse().Verb()+" "+this)
			}
		}
		return msg
	}
}

// updateScreenKeys turns off what has nothing to act on: a quote is
// added to the selected event, edited when one is selected in the
// sources pane; events go to the trash when selected or marked.
func (b *browser) updateScreenKeys(selected, targets bool) {
	it, item := b.detail.item()
	inPane := b.focus == focusDetail || b.zoomed
	b.keys.AddQuote.SetEnabled(selected)
	b.keys.EditQuote.SetEnabled(inPane && item && it.quote >= 0)
	b.keys.Delete.SetEnabled(targets)
}

// screensUpdate handles the keys and messages of the quote dialog, the
// sources and the trash, and reports whether msg was one of them.
func (b *browser) screensUpdate(msg tea.Msg) (Action, tea.Cmd, bool) {
	k := &b.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.AddQuote):
			row, ok := b.tl.selected()
			if !ok {
				return nil, nil, true
			}
			e, _ := b.Latest(row.Event.ID)
			return openDialog{newQuoteForm(b.ctx, e, 0)}, loadSources(b.ctx.store), true
		case key.Matches(msg, k.EditQuote):
			it, ok := b.detail.item()
			if !ok || it.quote < 0 || it.quote >= len(b.detail.d.Event.Quotes) {
				return nil, nil, true
			}
			return openDialog{newQuoteForm(b.ctx, b.detail.d.Event, it.quote+1)}, loadSources(b.ctx.store), true
		case key.Matches(msg, k.Sources):
			return pushScreen{newSourcesScreen(b.ctx)}, nil, true
		case key.Matches(msg, k.Trash):
			return pushScreen{newTrashScreen(b.ctx)}, nil, true
		case key.Matches(msg, k.Journal):
			return pushScreen{newJournalScreen(b.ctx)}, nil, true
		case key.Matches(msg, k.Sides):
			row, ok := b.tl.selected()
			if !ok {
				return nil, nil, true
			}
			return pushScreen{newSidesScreen(b.ctx, row.Event.ID)}, nil, true
		case key.Matches(msg, k.Delete):
			ids := b.targets()
			if len(ids) == 0 {
				return nil, nil, true
			}
			return nil, checkTrash(b.ctx.store, ids), true
		}
	case trashCheckMsg:
		if msg.err != nil {
			return nil, fail(msg.err), true
		}
		return openDialog{b.confirmTrash(msg)}, nil, true
	case trashEvents:
		for _, id := range msg.ids {
			b.trashing[id] = true
			delete(b.marks, id)
		}
		return writeEdit{model.Trash{Events: msg.ids}}, nil, true
	}
	return nil, nil, false
}

// confirmTrash asks before moving events to the trash, saying which
// links of other events will point at nothing until they are restored.
func (b *browser) confirmTrash(msg trashCheckMsg) *confirmDialog {
	what, them := "this event", "it"
	if len(msg.ids) > 1 {
		what, them = plural(len(msg.ids), "event"), "them"
	}
	var lines []string
	for _, t := range msg.titles {
		lines = append(lines, "  "+line(clip(t, b.width)))
	}
	lines = append(lines, "")
	if len(msg.links) == 0 {
		lines = append(lines, "No other event links to "+them+".")
	} else {
		lines = append(lines, plural(len(msg.links), "link")+" of other events will point at nothing until restored:")
		lines = append(lines, msg.links...)
	}
	if len(msg.own) > 0 {
		// The other event shows these links too, from its side: they
		// leave it as well, though the links are not its own.
		lines = append(lines, plural(len(msg.own), "link")+" to other events go"+map[bool]string{true: "es", false: ""}[len(msg.own) == 1]+" with "+them+":")
		lines = append(lines, msg.own...)
	}
	lines = append(lines, "", "The trash ("+keyOf(b.keys.Trash)+") keeps "+them+" until the trash is emptied; "+keyOf(b.keys.Undo)+" undoes this.")
	return newConfirm(b.ctx, "Move "+what+" to the trash?", "move to the trash", lines, trashEvents{ids: msg.ids})
}

// settleMoves reads the view again once events asked to the trash have
// gone there: their rows leave the chronology.
func (b *browser) settleMoves(msg showEventsMsg) tea.Cmd {
	if !msg.written {
		return nil // shown at once, or rolled back: the rows stay
	}
	for _, e := range msg.events {
		delete(b.trashing, e.ID)
	}
	// The write's placement (placedMsg) requeries the view, and the
	// cursor moves to a neighbour: nothing more to load here.
	return nil
}
