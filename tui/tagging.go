package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

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
		b.marks[row.Event.ID] = true
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
