package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// chainMsg is what walking the journal's chain found as the browser
// opened: where it breaks, if it does.
type chainMsg struct{ broken *model.ChainBreak }

// checkChain walks the store's journal chain, when it keeps one: a store
// altered outside chrono is written to as any other (its writes chain on
// from the break), and the investigator should know before writing to it.
func checkChain(s model.Store) tea.Cmd {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		r, err := v.VerifyJournal()
		if err != nil {
			return nil // a store that cannot be read says so at every read
		}
		// The quotes' checks weigh the snapshots' records by it.
		journaledOf(s).setChain(r)
		if r.OK() {
			return nil
		}
		return chainMsg{broken: r.Break}
	}
}

// chainBroken says where the journal's chain breaks, until the next key,
// and has what is on screen read again: a quote checked against a
// snapshot whose record the chain no longer vouches for is marked so.
func (m *Model) chainBroken(msg chainMsg) tea.Cmd {
	b := msg.broken
	return tea.Batch(m.say(statusMsg{text: fmt.Sprintf("the journal's chain breaks at entry #%d (%s): it was altered outside chrono; chrono verify --journal says more", b.Seq, b.Fault), err: true}),
		m.broadcast(storeChangedMsg{}))
}

// weighChain walks the store's journal chain for the sessions served
// from it, once for them all, to weigh the snapshots' records by (as
// checkChain does for a browser at its own terminal), and has what is on
// screen read again when it breaks. It says nothing of the break on the
// status line: the server is its admin's to check.
func weighChain(s model.Store) tea.Cmd {
	v, ok := s.(model.JournalVerifier)
	j := journaledOf(s)
	if !ok || !j.claimWalk() {
		return nil
	}
	return func() tea.Msg {
		r, err := v.VerifyJournal()
		if err != nil {
			j.unclaimWalk() // the next session to open tries again
			return nil
		}
		j.setChain(r)
		if r.OK() {
			return nil
		}
		return chainWeighedMsg{}
	}
}

// chainWeighedMsg: a walk for the served sessions found the chain
// broken, after which the snapshots' records it does not vouch for are
// read as vouching for nothing.
type chainWeighedMsg struct{}
