package tui

import (
	"slices"

	"chrono/model"
)

// timeline is the chronology pane's state: a window of the view's rows
// around the cursor, never the whole investigation. It is pure: it says
// when it needs more rows, and Update asks the store.
type timeline struct {
	rows           []model.Row
	start          int  // the view position of rows[0]
	atStart, atEnd bool // the window reaches the view's first / last event
	cur            int  // index in rows of the selected event
	offset         int  // index in rows of the first visible row
	height         int  // rows on screen
	total          int  // events in the view; -1 until counted
	counted        int  // while counting: how many so far
	// Requests in flight, so that a held key does not flood the store.
	fetchingBack, fetchingFwd bool
	// unplaced holds the events whose shown version changed what places
	// them since the store last confirmed a write of them: an edit is
	// shown before it is saved, and the window is loaded again once it
	// is.
	unplaced map[string]bool
}

// maxRows bounds the window; rows far from the cursor are dropped.
func (t *timeline) maxRows() int { return max(12*t.height, 400) }

func (t *timeline) empty() bool { return len(t.rows) == 0 }

// selected returns the selected row, if any.
func (t *timeline) selected() (model.Row, bool) {
	if t.cur < 0 || t.cur >= len(t.rows) {
		return model.Row{}, false
	}
	return t.rows[t.cur], true
}

// nearestDated returns the selected row, or when it is undated the dated
// row nearest it in the window, if any: what the time axis shows around
// (an undated event has no place on it; placed at year 0, the axis showed
// 1 BCE to 4 CE).
func (t *timeline) nearestDated() (model.Row, bool) {
	if t.cur < 0 || t.cur >= len(t.rows) {
		return model.Row{}, false
	}
	for d := 0; t.cur-d >= 0 || t.cur+d < len(t.rows); d++ {
		for _, i := range []int{t.cur - d, t.cur + d} {
			if i >= 0 && i < len(t.rows) && !t.rows[i].Event.Date.IsZero() {
				return t.rows[i], true
			}
		}
	}
	return model.Row{}, false
}

// beside reports whether event id is in the row just before or just
// after the selected one.
func (t *timeline) beside(id string) bool {
	for _, i := range []int{t.cur - 1, t.cur + 1} {
		if i >= 0 && i < len(t.rows) && t.rows[i].Event.ID == id {
			return true
		}
	}
	return false
}

// position returns the selected event's position in the view, from 0.
func (t *timeline) position() int { return t.start + t.cur }

// reset replaces the window with a freshly loaded one and puts the cursor
// on the row at index cur.
func (t *timeline) reset(w model.Window, cur int) {
	t.rows = w.Rows
	t.start = w.Start
	t.atStart, t.atEnd = w.AtStart, w.AtEnd
	t.fetchingBack, t.fetchingFwd = false, false
	t.place(cur)
}

// place puts the cursor on the row at index cur, with some context above
// it, as after a jump.
func (t *timeline) place(cur int) {
	t.cur = max(0, min(cur, len(t.rows)-1))
	t.offset = t.cur - t.height/3
	t.clampOffset()
}

// indexAt returns the index of the first row at or after at, or the last
// row when all are before it.
func (t *timeline) indexAt(at model.Position) int { return rowAt(t.rows, at) }

// rowAt returns the index of the first of rows at or after at, or the
// last when all are before it.
func rowAt(rows []model.Row, at model.Position) int {
	for i, r := range rows {
		if r.Pos.Compare(at) >= 0 {
			return i
		}
	}
	return len(rows) - 1
}

// indexOf returns the index of the row of an event id, or -1.
func (t *timeline) indexOf(id string) int {
	for i, r := range t.rows {
		if r.Event.ID == id {
			return i
		}
	}
	return -1
}

// move moves the cursor by delta rows within the loaded window.
func (t *timeline) move(delta int) {
	if t.empty() {
		return
	}
	t.cur = max(0, min(t.cur+delta, len(t.rows)-1))
	t.follow()
}

// canMove reports whether the cursor has a row to go to that way (delta
// < 0 up): not from the view's first or last event. The last row loaded
// is not the last event while the view goes on beyond the window.
func (t *timeline) canMove(delta int) bool {
	if delta < 0 {
		return !t.atStart || t.cur > 0
	}
	return !t.atEnd || t.cur < len(t.rows)-1
}

// page moves the view and the cursor by delta rows, so that the cursor
// keeps its line on the screen; at an edge of the window the cursor goes
// as far as there is.
func (t *timeline) page(delta int) {
	if t.empty() {
		return
	}
	t.cur = max(0, min(t.cur+delta, len(t.rows)-1))
	t.offset = max(0, min(t.offset+delta, len(t.rows)-t.height))
	t.follow()
}

// follow scrolls so that the cursor stays on screen.
func (t *timeline) follow() {
	if t.cur < t.offset {
		t.offset = t.cur
	}
	if t.cur >= t.offset+t.height {
		t.offset = t.cur - t.height + 1
	}
	t.clampOffset()
}

func (t *timeline) clampOffset() {
	t.offset = max(0, min(t.offset, len(t.rows)-t.height))
	if t.cur < t.offset || t.cur >= t.offset+max(t.height, 1) {
		t.offset = max(0, t.cur-max(t.height, 1)+1)
	}
}

// setHeight changes how many rows are on screen.
func (t *timeline) setHeight(h int) {
	t.height = max(h, 0)
	t.follow()
}

// needs reports which edges should be loaded further: when the cursor is
// within a few screens of an edge that is not the view's own.
func (t *timeline) needs() (back, fwd bool) {
	if t.empty() {
		return false, false
	}
	margin := runway(t.height)
	back = !t.atStart && !t.fetchingBack && t.cur < margin
	fwd = !t.atEnd && !t.fetchingFwd && len(t.rows)-1-t.cur < margin
	return back, fwd
}

// lastBeforeYear is the last event before the first the rows show, in
// zone, in the year they show the event at at in (shownYear), when the
// rows loaded hold it: they are a stretch of the view without a gap, so
// when they reach back to where that year's first row may be, the row
// before it is the view's. nil when they do not.
func (t *timeline) lastBeforeYear(at model.Row, zone model.Zone) *model.Row {
	year, ok := shownYear(at, zone)
	if !ok {
		return nil
	}
	from := model.YearDate(year)
	i := firstIndexFrom(t.rows, model.PositionShownFrom(from))
	if i == 0 {
		return nil
	}
	for ; i < len(t.rows); i++ {
		if shownFrom(t.rows[i], zone, from) {
			return &t.rows[i-1]
		}
	}
	return nil
}

// runway is how many rows the list keeps loaded beyond the cursor on each
// side before it reads more: two pages, so that paging does not wait.
func runway(height int) int { return max(2*height, 20) }

// extend adds rows loaded beyond an edge, when the edge is still where it
// was asked from, and drops rows far behind the cursor.
func (t *timeline) extend(m extendMsg) {
	if m.backward {
		t.fetchingBack = false
		if t.empty() || t.rows[0].Pos != m.edge {
			return
		}
		n := len(m.w.Rows)
		t.rows = append(m.w.Rows, t.rows...)
		t.start -= n
		t.cur += n
		t.offset += n
		t.atStart = m.w.AtStart
		if extra := len(t.rows) - t.maxRows(); extra > 0 && len(t.rows)-1-t.cur > t.maxRows()/2 {
			t.rows = t.rows[:len(t.rows)-extra]
			t.atEnd = false
		}
		return
	}
	t.fetchingFwd = false
	if t.empty() || t.rows[len(t.rows)-1].Pos != m.edge {
		return
	}
	t.rows = append(t.rows, m.w.Rows...)
	t.atEnd = m.w.AtEnd
	if extra := len(t.rows) - t.maxRows(); extra > 0 && t.cur > t.maxRows()/2 {
		t.rows = t.rows[extra:]
		t.start += extra
		t.cur -= extra
		t.offset = max(0, t.offset-extra)
		t.atStart = false
	}
}

// update replaces loaded versions of events with new ones, and returns
// the ids of those whose change may have moved events: the window must
// be loaded again around them once the store has the change (placed).
func (t *timeline) update(events []model.Event) (moved []string) {
	for _, e := range events {
		i := t.indexOf(e.ID)
		if i < 0 {
			continue
		}
		old := t.rows[i].Event
		t.rows[i].Event = e
		if mayMove(&old, &e) {
			if t.unplaced == nil {
				t.unplaced = map[string]bool{}
			}
			t.unplaced[e.ID] = true
			moved = append(moved, e.ID)
		}
	}
	return moved
}

// placed returns the events, of those the store has now confirmed,
// whose change since the last confirmed version may have moved events,
// and forgets them.
func (t *timeline) placed(events []model.Event) (moved []string) {
	for _, e := range events {
		if t.unplaced[e.ID] {
			delete(t.unplaced, e.ID)
			moved = append(moved, e.ID)
		}
	}
	return moved
}

// mayMove reports whether a change from old to e may move events in the
// chronology's order: it changes the date or title that place e, or its
// order links. An event in a linked group is placed with the whole group
// (model.Order), so a change to one may move others, loaded or not, and
// not next to it; whether others link to e the browser does not know
// without asking, so any such change loads the window again.
func mayMove(old, e *model.Event) bool {
	return old.Date != e.Date || old.Title != e.Title || !slices.Equal(orderLinks(old), orderLinks(e))
}

// orderLinks returns the links of e that order events.
func orderLinks(e *model.Event) []model.Link {
	var out []model.Link
	for _, l := range e.Links {
		if l.Rel.Orders() {
			out = append(out, l)
		}
	}
	return out
}

// visible returns the rows on screen and the index of the first.
func (t *timeline) visible() ([]model.Row, int) {
	end := min(t.offset+t.height, len(t.rows))
	if t.offset >= end {
		return nil, t.offset
	}
	return t.rows[t.offset:end], t.offset
}
