package tui

import (
	"strings"
	"testing"
)

// TestEventFormFooterKeepsProposal: while the form proposes a date, its
// footer offers ctrl+y at 80 columns as at 160, naming keys short where
// the line is short, and keeps the keys that settle a conflict beside
// it. At 80 it left ctrl+y out ("…") while the proposal said "ctrl+y
// takes it".
func TestEventFormFooterKeepsProposal(t *testing.T) {
	proposing := func(d *driver) {
		// "last year" in the Post of 1 Feb 2022 is 2021.
		d.keys("A", "tab")
		d.typeText("last year")
		d.keys("tab", "right", "right")
	}
	for _, c := range []struct {
		name string
		do   func(d *driver)
		want map[int]string // by width
	}{
		{"on the source", proposing, map[int]string{
			80:  "tab/shift+tab move • ctrl+y take date • ←/→ choose • ctrl+s save • esc cancel",
			160: "tab next field • shift+tab previous • ←/→ choose • ctrl+y take the proposed date • ctrl+s save • esc cancel",
		}},
		{"on the title", func(d *driver) { proposing(d); d.keys("tab") }, map[int]string{
			80:  "tab/shift+tab move • ctrl+y take date • ctrl+s save • esc cancel",
			160: "tab next field • shift+tab previous • ctrl+y take the proposed date • ctrl+s save • esc cancel",
		}},
		{"with a conflict", func(d *driver) {
			// The call's words, "August 2017", made "last year": the
			// Post's 2021, not the event's Aug 2017.
			d.keys("E", "tab", "ctrl+u")
			d.typeText("last year")
			meddle(d.t, d.m.ctx.store, "nso-mobileum-call")
			d.keys("ctrl+s")
		}, map[int]string{
			80:  "ctrl+r theirs • ctrl+o yours • ctrl+y take date • ctrl+s save • esc cancel",
			160: "ctrl+r take theirs • ctrl+o keep yours • tab next field • shift+tab previous • ctrl+y take the proposed date • ctrl+s save • esc cancel",
		}},
	} {
		for _, w := range []int{80, 160} {
			d := newDriver(t, exampleStore(t), w, 45)
			c.do(d)
			screen := d.screen()
			if !strings.Contains(screen, "proposes 2021") {
				t.Fatalf("%s at %d: no proposal on the form:\n%s", c.name, w, screen)
			}
			lines := strings.Split(screen, "\n")
			if foot := strings.TrimRight(lines[len(lines)-1], " "); foot != c.want[w] {
				t.Errorf("%s at %d: footer\n%q\nwant\n%q", c.name, w, foot, c.want[w])
			}
		}
	}
}
