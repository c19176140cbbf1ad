package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/wordwrap"
)

// chainMsg is what walking the journal's chain found as the browser
// opened: where it breaks, if it does.
type chainMsg struct{ broken *model.ChainBreak }

// checkChain walks the store's journal chain, when it keeps one: a store
// altered outside chrono is written to as any other (its writes chain on
// from the break), and the investigator should know before writing to
// it; and the quotes' checks weigh the snapshots' records by it. The
// sessions a server serves from one store (remote) walk it once for them
// all, and say nothing of a break on the status line, the server being
// its admin's to check: what is on screen is read again (chainWeighedMsg).
func checkChain(s model.Store, remote bool) tea.Cmd {
	v, ok := s.(model.JournalVerifier)
	if !ok {
		return nil
	}
	j := journaledOf(s)
	if remote && !j.claimWalk() {
		return nil
	}
	return func() tea.Msg {
		r, err := v.VerifyJournal()
		if err != nil {
			if remote {
				j.unclaimWalk() // the next session to open tries again
			}
			return nil // a store that cannot be read says so at every read
		}
		j.setChain(r)
		switch {
		case r.OK():
			return nil
		case remote:
			return chainWeighedMsg{}
		}
		return chainMsg{broken: r.Break}
	}
}

// chainBroken says where the journal's chain breaks, on the status line
// until the next key and in the header for as long as the browser is
// open (every write chains on from the break, and a store altered
// outside chrono should not be taken for sound a key later), and has
// what is on screen read again: a quote checked against a snapshot whose
// record the chain no longer vouches for is marked so.
func (m *Model) chainBroken(msg chainMsg) tea.Cmd {
	b := msg.broken
	m.ctx.chainBreak = b.Seq
	return tea.Batch(m.say(statusMsg{text: chainBreakNotice(b), err: true}), m.changed(nil))
}

// chainBreakNotice says where the journal's chain breaks, and the
// command that says more, kept whole on a line.
func chainBreakNotice(b *model.ChainBreak) string {
	return fmt.Sprintf("the journal's chain breaks at entry #%d (%s): it was altered outside chrono; %s says more", b.Seq, b.Fault, wordwrap.Keep("chrono verify --journal"))
}

// chainWeighedMsg: a walk for the served sessions found the chain
// broken, after which the snapshots' records it does not vouch for are
// read as vouching for nothing.
type chainWeighedMsg struct{}

// withChainBreak puts where the journal's chain breaks before where, the
// right of a header, once the walk found it broken.
func (c *shared) withChainBreak(where string) string {
	switch {
	case c.chainBreak == 0:
		return where
	case where == "":
		return fmt.Sprintf("journal altered at #%d", c.chainBreak)
	}
	return fmt.Sprintf("journal altered at #%d · %s", c.chainBreak, where)
}
