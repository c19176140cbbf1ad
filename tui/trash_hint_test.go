package tui

import (
	"strings"
	"testing"
)

// TestTrashHintIsNotCut: the line under the trash gives the selected
// event's id and title whole, and what a restore does where that fits
// whole too. It was cut in the middle of its last words ("restored, it
// goes back to its pl…") wherever id, title and they did not all fit.
func TestTrashHintIsNotCut(t *testing.T) {
	const (
		event = `id nso-mobileum-call · NSO offers Mobileum "bags of cash" for SS7 access on a conference call`
		more  = " · restored, it goes back to its place in the timeline"
	)
	for _, c := range []struct {
		w, h int
		want string
	}{
		{120, 40, event},
		{160, 45, event + more},
	} {
		d := newDriver(t, exampleStore(t), c.w, c.h)
		d.keys("d", "y", "D")
		lines := strings.Split(d.screen(), "\n")
		if hint := strings.TrimRight(lines[len(lines)-2], " "); hint != c.want {
			t.Errorf("%dx%d: hint\n%q\nwant\n%q", c.w, c.h, hint, c.want)
		}
	}
}
