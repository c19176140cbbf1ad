package tui

import (
	"strings"
	"testing"
)

// TestChoiceKeepsItsArrows: the source chosen in the event form, under
// the cursor, shows the arrows that change it at either end, its
// citation cut between them where the line is short. At 80 columns the
// line was cut at its end, and the › with it.
func TestChoiceKeepsItsArrows(t *testing.T) {
	for _, c := range []struct {
		w    int
		want string
	}{
		{80, "› Anchored by ‹ wapo · The Washington Post · Craig Timberg · “NSO offered 'ba… ›"},
		{160, "› Anchored by ‹ wapo · The Washington Post · Craig Timberg · “NSO offered 'bags of cash' for access to U.S. cell network, whistleblower claims” · 1 Feb 2022 ›"},
	} {
		d := newDriver(t, exampleStore(t), c.w, 24)
		d.keys("A", "tab", "tab", "right", "right")
		var got string
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.HasPrefix(l, "› Anchored by") {
				got = strings.TrimRight(l, " ")
			}
		}
		if got != c.want {
			t.Errorf("at %d:\n%q\nwant\n%q", c.w, got, c.want)
		}
	}
}
