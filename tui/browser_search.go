package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// searchAsTyped moves to the first match of what is typed so far, at or
// after the event where the search began.
func (b *browser) searchAsTyped(value string) tea.Cmd {
	s := &b.search
	s.text = line(strings.TrimSpace(value))
	s.seq++ // an answer to an earlier key is stale
	b.relayout()
	if s.text == "" {
		s.countSeq++
		return b.returnToSearchStart()
	}
	s.searching = true
	s.step = searchStep{from: s.from, origin: s.from, typed: true}
	return tea.Batch(
		b.findStep(s.step),
		b.countSearch(),
	)
}

// countSearch starts counting the search's matches in the view.
func (b *browser) countSearch() tea.Cmd {
	s := &b.search
	s.countSeq++
	s.matches, s.matchesDone = 0, false
	if s.text == "" {
		return nil
	}
	q := b.query
	q.Text = s.text
	return s.counting.start(countMatches(b.ctx.store, b.gen, s.countSeq, q, model.Position{}, 0))
}

// findStep starts a step of the search from st (searchFor).
func (b *browser) findStep(st searchStep) tea.Cmd {
	s := &b.search
	return s.finding.start(searchFor(b.ctx.store, b.gen, s.seq, b.query, s.text, st, windowSize(b.tl.height)))
}

func (b *browser) gotMatches(msg matchesMsg) tea.Cmd {
	s := &b.search
	if next := s.counting.answered(); next != nil || msg.gen != b.gen || msg.seq != s.countSeq {
		return next // a later count's, or none
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	s.matches, s.matchesDone = msg.n, msg.next.IsZero()
	if !msg.next.IsZero() {
		q := b.query
		q.Text = s.text
		return s.counting.start(countMatches(b.ctx.store, b.gen, s.countSeq, q, msg.next, msg.n))
	}
	return nil
}

// cancelSearch is esc at the / prompt: the search as it was before, and
// the cursor back where it was.
func (b *browser) cancelSearch() tea.Cmd {
	s := &b.search
	s.text = s.prev
	s.seq++
	s.searching = false
	b.relayout()
	return tea.Batch(b.returnToSearchStart(), b.countSearch())
}

func (b *browser) returnToSearchStart() tea.Cmd {
	if row, ok := b.tl.selected(); !ok || b.search.fromID == "" || row.Event.ID == b.search.fromID {
		return nil
	}
	return b.askEvent(b.search.fromID)
}

// submitSearch is enter at the / prompt: keep the search and go to its
// match.
func (b *browser) submitSearch(value string) tea.Cmd {
	s := &b.search
	changed := line(value) != s.text
	s.text = line(value)
	b.relayout()
	if s.text == "" {
		s.countSeq++
		return nil
	}
	if changed || (s.matches == 0 && !s.matchesDone) {
		return tea.Batch(b.find(false, true), b.countSearch())
	}
	return b.find(false, true)
}

// find moves to the next (or previous) match of the search.
func (b *browser) find(backward, inclusive bool) tea.Cmd {
	s := &b.search
	s.seq++
	st := searchStep{backward: backward}
	if row, ok := b.tl.selected(); ok {
		st.origin, st.from = row.Pos, row.Pos
		if !backward && !inclusive {
			st.from = row.Pos.After()
		}
	}
	s.searching, s.step = true, st
	b.layoutDetail()
	return b.findStep(st)
}

func (b *browser) gotSearch(msg searchMsg) tea.Cmd {
	s := &b.search
	if next := s.finding.answered(); next != nil || msg.gen != b.gen || msg.seq != s.seq {
		return next // a later search's, or none
	}
	if msg.more != nil && msg.err == nil {
		return b.findStep(*msg.more)
	}
	s.searching = false
	if msg.err != nil {
		return fail(msg.err)
	}
	s.miss = !msg.found
	if !msg.found {
		// The cursor is not left on what an earlier letter matched: the
		// investigator's place is where the search began.
		missed := fail(fmt.Errorf("no event matches %q", s.text))
		if s.step.typed {
			return tea.Batch(missed, b.returnToSearchStart())
		}
		return missed
	}
	b.tl.reset(msg.w, 0)
	b.rowsOf, b.stale = b.gen, 0
	b.tl.place(b.tl.indexAt(msg.anchor))
	cmds := []tea.Cmd{b.moved(), b.fill()}
	if msg.wrapped {
		cmds = append(cmds, say("search wrapped around"))
	}
	return tea.Batch(cmds...)
}
