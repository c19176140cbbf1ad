package tui

import (
	"fmt"
	"testing"

	"chrono/model"
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
		if got := s.windows.Load(); got != 1 {
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

// TestPreviousYearFromTheRowsLoaded: [ finds the year before in the rows
// loaded when they hold it, reading only the window it lands in, and
// lands where asking the store would: on the first event of that year,
// in the view as it is, filtered or not, and while a new view is being
// read, whose rows are not loaded yet.
func TestPreviousYearFromTheRowsLoaded(t *testing.T) {
	base := exampleStore(t)
	importFiller(t, base, 3000, func(i int) string { // 200 events a year, 2000 to 2014
		return fmt.Sprintf(`{"id": "filler-%d", "date": "%d-%02d-%02d", "title": "Filler %d"}`, i, 2000+i/200, i%12+1, i%28+1, i)
	})
	rare := []string{"filler-205", "filler-805", "filler-1605", "filler-1606"} // 2001, 2004, 2008
	if _, err := base.Write(model.OpTag, "tag", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags(rare, []string{"rare"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s := &windowCounted{Store: base}
	d := newDriver(t, s, 120, 30)
	back := func(want int64, windows int64) {
		t.Helper()
		s.windows.Store(0)
		d.keys("[")
		tl := d.browser().tl
		row := mustSelected(t, d)
		if y, _ := yearOf(row.Pos); y != want || s.windows.Load() != windows {
			t.Errorf("[ to %s of %d, %d windows read; want the first of %d, %d windows", row.Event.ID, y, s.windows.Load(), want, windows)
		}
		if tl.cur > 0 {
			if y, _ := yearOf(tl.rows[tl.cur-1].Pos); y >= want {
				t.Errorf("[ landed on %s, after %s of %d: not the year's first event", row.Event.ID, tl.rows[tl.cur-1].Event.ID, y)
			}
		}
	}
	d.keys(":", "2", "0", "0", "8", "enter")
	back(2007, 1)
	back(2006, 1)
	back(2005, 1)

	// From deep in a year, the rows loaded do not reach back before it:
	// the store says which year is previous.
	d.keys(":", "2", "0", "0", "5", "-", "0", "7", "enter")
	if d.browser().tl.lastBeforeYear(mustSelected(t, d), model.ZoneWritten) != nil {
		t.Fatal("the rows loaded reach back before 2005 from its middle; the test needs a bigger year")
	}
	back(2004, 2)

	// A filter chosen, its window not read yet: the rows loaded are the
	// whole timeline's, which would say 2007; the filtered view's year
	// before 2008 is 2004.
	d.keys(":", "2", "0", "0", "8", "enter")
	d.to("filler-1605")
	_ = d.browser().requery(model.Query{Tags: []string{"rare"}}) // its window never comes
	back(2004, 2)
	back(2001, 1)
}

func mustSelected(t *testing.T, d *driver) model.Row {
	t.Helper()
	row, ok := d.browser().tl.selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return row
}
