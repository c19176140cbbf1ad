package tui

import (
	"testing"

	"chrono/model"
)

// TestStanding: the rows come with what other events say of them, read
// from links in both directions, and read again after a write links
// them; an event both disputed and supported, as the call is, says both
// with a sign of its own, so that the support is not lost under the
// dispute.
func TestStanding(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	b := d.browser()
	if got := b.standing["nso-mobileum-call"]; got != disputedByOther|supportedByOther || got.sign() != contestedSign {
		t.Errorf("the call: standing %b, sign %q", got, got.sign())
	}
	if got := b.standing["fbi-tip"]; got != 0 || got.sign() != " " {
		t.Errorf("the tip: standing %b", got)
	}
	// Another event comes to support the tip: a link from it.
	link := model.EventEdit{ID: "lieu-interview", Op: model.OpLink, Say: "linked", Edit: func(e *model.Event) error {
		e.Links = append(e.Links, model.Link{Rel: model.Supports, Event: "fbi-tip"})
		return nil
	}}
	d.run(d.m.act(writeEdit{link}, nil))
	if got := b.standing["fbi-tip"]; got != supportedByOther || got.sign() != supportedSign {
		t.Errorf("the tip, supported: standing %b", got)
	}
}
