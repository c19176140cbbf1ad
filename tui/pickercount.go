package tui

import (
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// The picker counts, in the background and one at a time, the entries
// the store keeps no count of: the events with no tags, with notes, by
// each kind of link, and with a tag or actor in any of its spellings. Asking
// has the store work out and keep the events such a filter selects (at
// a million events, some 0.1 to 0.3 s for each kind of link, and 0.5 s
// for a set of half a million): whichever is then chosen applies from
// what is kept, as a tag does. The sets' counts are known; they are
// asked for for the same reason.

// pickerCountMsg brings the count of one entry, for the picker that
// asked.
type pickerCountMsg struct {
	picker *picker
	entry  int
	n      int
	err    error
}

// countFrom asks for the count of the first entry at or after from that
// has none, and nil when none is left.
func (p *picker) countFrom(from int) tea.Cmd {
	s := p.ctx.store
	for i := from; i < len(p.entries); i++ {
		e := p.entries[i]
		var q model.Query
		switch {
		case e.shape == shapeLinked && !e.counted:
			q.Linked = []model.Rel{e.rel}
		case e.shape == shapeUntagged && !e.counted:
			q.Untagged = true
		case e.shape == shapeNoted && !e.counted:
			q.Noted = true
		case e.shape == shapeSet && p.sets[e.set].len() > 0:
			q.ByID, q.IDs = true, p.sets[e.set].strings()
		case len(e.variants) > 0 && !e.counted && e.kind == model.FacetActors:
			// One actor in two spellings: an event naming it both ways
			// is one event, where the spellings' counts add up to two.
			q.Actors = append([]string{e.name}, e.variants...)
		case len(e.variants) > 0 && !e.counted && e.kind == model.FacetTags:
			q.Tags = append([]string{e.name}, e.variants...)
		default:
			continue
		}
		return func() tea.Msg {
			n, err := s.Count(q)
			return pickerCountMsg{picker: p, entry: i, n: n, err: err}
		}
	}
	return nil
}

// counted takes an entry's count and asks for the next. An entry whose
// count failed stays uncounted (choosing it still filters, and says what
// went wrong then); those after it are counted still.
func (p *picker) counted(msg pickerCountMsg) tea.Cmd {
	if msg.picker != p || msg.entry >= len(p.entries) {
		return nil
	}
	if e := &p.entries[msg.entry]; msg.err == nil && e.shape != shapeSet {
		e.count, e.counted = msg.n, true
		p.countWidth = max(p.countWidth, len(thousands(e.count)))
	}
	return p.countFrom(msg.entry + 1)
}
