package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A jump (g, G, a year, a date, a link followed, a filter) asks the store
// for the rows it lands on; until they come, the rows on screen are the
// ones the cursor leaves. A key pressed meanwhile would act on the event
// the screen no longer shows as selected: a note written on the wrong
// event. Such keys wait for the rows, and are then taken in the order
// they were pressed.

// awaiter is a screen that can be waiting for the rows its keys act on.
type awaiter interface {
	awaitingRows() bool
}

// maxHeld bounds the keys kept while a screen waits: a store that does
// not answer must not make a queue of every key pressed.
const maxHeld = 64

// heldFor is how long keys wait for rows that do not come (a store that
// does not answer): then they act on what the screen shows, as they would
// have without waiting.
const heldFor = 1500 * time.Millisecond

// heldExpiredMsg ends the wait of the keys held since the hold numbered
// seq began.
type heldExpiredMsg struct{ seq int }

// holdKey keeps msg for the top screen when it waits for its rows, and
// reports whether it did, with the timer of the wait it began.
func (m *Model) holdKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if m.expired || !m.awaiting() {
		return false, nil
	}
	var cmd tea.Cmd
	if len(m.held) == 0 {
		m.heldSeq++
		seq := m.heldSeq
		cmd = tea.Tick(heldFor, func(time.Time) tea.Msg { return heldExpiredMsg{seq} })
	}
	if len(m.held) < maxHeld {
		m.held = append(m.held, msg)
	}
	return true, cmd
}

// heldExpired lets the keys held go when their wait has lasted heldFor.
func (m *Model) heldExpired(msg heldExpiredMsg) tea.Cmd {
	if msg.seq != m.heldSeq {
		return nil
	}
	keys := m.held
	m.held = nil
	m.expired = true
	defer func() { m.expired = false }()
	var cmds []tea.Cmd
	for _, k := range keys {
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

// releaseKeys takes the keys held, once the top screen has its rows (or
// is no longer on top), as they were pressed; one may ask for a jump
// again, and the keys after it wait once more.
func (m *Model) releaseKeys() tea.Cmd {
	if len(m.held) == 0 {
		return nil
	}
	if m.awaiting() {
		return nil
	}
	keys := m.held
	m.held = nil
	var cmds []tea.Cmd
	for i, k := range keys {
		cmds = append(cmds, m.key(k))
		if m.awaiting() {
			// It jumped: the rest wait for that jump's rows.
			m.held = keys[i+1:]
			break
		}
	}
	return tea.Batch(cmds...)
}

// awaiting reports whether the top screen waits for its rows, or the
// browser for where the journal stands, before which a key that reads
// the store would read beside the browser's first read and could miss a
// change made meanwhile (Model.opened).
func (m *Model) awaiting() bool {
	if m.opening {
		return true
	}
	a, ok := m.top().(awaiter)
	return ok && a.awaitingRows()
}

// awaitingRows implements awaiter: a window asked for is on its way,
// unless it is only the view read again after a change made elsewhere,
// which comes back with the cursor where the keys took it meanwhile.
func (b *browser) awaitingRows() bool { return b.inflight > 0 && !b.rereading }
