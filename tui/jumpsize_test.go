package tui

import (
	"fmt"
	"testing"
)

// TestAJumpReadsItsRunway: a movement's jump (a year, a date, the first
// or last event) reads the rows the next movements need on each side
// (two pages), no more: a page each way after it moves at once, and reads
// at most the rows beyond, ahead of need.
func TestAJumpReadsItsRunway(t *testing.T) {
	base := exampleStore(t)
	importFiller(t, base, 3000, func(i int) string {
		return fmt.Sprintf(`{"id": "filler-%d", "date": "%d-%02d-%02d", "title": "Filler %d"}`, i, 2000+i/200, i%12+1, i%28+1, i)
	})
	s := &windowCounted{Store: base}
	d := newDriver(t, s, 120, 30)
	h := d.browser().tl.height
	for _, jump := range [][]string{{":", "2", "0", "0", "6", "enter"}, {"]"}, {"["}, {"G"}, {"g"}} {
		d.keys(":", "2", "0", "0", "8", "enter")
		s.windows.Store(0)
		d.keys(jump...)
		tl := d.browser().tl
		if got := s.windows.Load(); got > 2 { // [ asks which year comes before
			t.Errorf("%v read %d windows", jump, got)
		}
		before, after := tl.cur, len(tl.rows)-1-tl.cur
		if before > jumpSize(h) || after > jumpSize(h) || (!tl.atStart && before < runway(h)) || (!tl.atEnd && after < runway(h)) {
			t.Errorf("%v holds %d rows before the cursor and %d after; a jump reads %d a side", jump, before, after, jumpSize(h))
		}
		for _, page := range []string{"pgdown", "pgup"} {
			if (page == "pgdown" && tl.atEnd && after == 0) || (page == "pgup" && tl.atStart && before == 0) {
				continue
			}
			at := d.browser().tl.position()
			s.windows.Store(0)
			d.keys(page)
			if moved := d.browser().tl.position() - at; moved == 0 || s.windows.Load() > 1 {
				t.Errorf("after %v, %s moved %d rows and read %d windows", jump, page, moved, s.windows.Load())
			}
		}
	}
}
