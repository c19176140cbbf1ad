package tui

import (
	"strings"
	"testing"
)

// TestJournalHintIsNotCut: the line under the journal gives the selected
// change whole, and who this browser's changes are recorded as where
// that fits whole too. At 80 columns it was cut in the middle of the
// name it was there to give ("your changes are recorde…").
func TestJournalHintIsNotCut(t *testing.T) {
	const (
		change = "#1 imported timeline.example.json: 13 new, 0 updated"
		you    = " · your changes are recorded as ana"
	)
	for _, c := range []struct {
		w, h int
		want string
	}{
		{80, 24, change},
		{160, 45, change + you},
	} {
		d := newDriver(t, exampleStoreBy(t, "ana"), c.w, c.h)
		d.keys("H")
		lines := strings.Split(d.screen(), "\n")
		if hint := strings.TrimRight(lines[len(lines)-2], " "); hint != c.want {
			t.Errorf("%dx%d: hint\n%q\nwant\n%q", c.w, c.h, hint, c.want)
		}
	}
}
