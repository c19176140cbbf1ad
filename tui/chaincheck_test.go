package tui

import (
	"strings"
	"testing"

	"chrono/model"
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
	if !d.statusErr() || !strings.Contains(d.status(), "the journal's chain breaks at entry #4 (content)") || !strings.Contains(d.status(), "verify --journal") {
		t.Errorf("status %q", d.status())
	}
	d = newDriver(t, exampleStore(t), 120, 40)
	if strings.Contains(d.status(), "chain") {
		t.Errorf("a sound store's status %q", d.status())
	}
}
