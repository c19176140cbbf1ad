package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/wordwrap"
)

// brokenChain is a store whose journal's chain breaks at entry #4.
type brokenChain struct{ model.Store }

func (brokenChain) VerifyJournal() (model.ChainReport, error) {
	return model.ChainReport{Entries: 3, Break: &model.ChainBreak{Seq: 4, Fault: model.ChainContent}}, nil
}

// TestBrowserSaysTheChainIsBroken: a store whose journal was altered
// outside chrono is said to be as the browser opens, before anything is
// written to it; a sound one says nothing of it.
func TestBrowserSaysTheChainIsBroken(t *testing.T) {
	d := newDriver(t, brokenChain{exampleStore(t)}, 120, 40)
	if !d.statusErr() || !strings.Contains(d.status(), "the journal's chain breaks at entry #4 (content)") || !strings.Contains(wordwrap.Plain(d.status()), "chrono verify --journal") {
		t.Errorf("status %q", d.status())
	}
	// The status line goes at the next key; the header keeps saying
	// it, at every width, for as long as the browser is open, since
	// every write then chains on from the break.
	for _, w := range []int{80, 160} {
		d := newDriver(t, brokenChain{exampleStore(t)}, w, 24)
		d.keys("j", "j")
		if head := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(head, "journal altered at #4") {
			t.Errorf("at %d columns, after two keys, the header: %q", w, head)
		}
	}
	d = newDriver(t, exampleStore(t), 120, 40)
	if strings.Contains(d.status(), "chain") {
		t.Errorf("a sound store's status %q", d.status())
	}
	if head := strings.SplitN(d.screen(), "\n", 2)[0]; strings.Contains(head, "altered") {
		t.Errorf("a sound store's header: %q", head)
	}
}

// TestServedSessionsWeighRecordsByTheChain: a browser served over SSH
// says nothing of a broken chain (the server is its admin's to check),
// but weighs the snapshots' records by it as one at its own terminal
// does: the sessions share one walk, and a snapshot rewritten with the
// entry that kept it is not called sound to them.
func TestServedSessionsWeighRecordsByTheChain(t *testing.T) {
	s := brokenChain{exampleStore(t)}
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }, Remote: true}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if strings.Contains(d.status(), "chain") {
		t.Errorf("a served session's status %q", d.status())
	}
	if !journaledOf(s).chainBroken() {
		t.Fatal("a served session's snapshot records are not weighed by the chain")
	}
	if cmd := checkChain(s, true); cmd != nil {
		t.Error("a second session walks the chain again")
	}
}
