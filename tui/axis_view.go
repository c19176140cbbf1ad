package tui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"chrono/model"
)

// The axis's signs, each readable without colour: a date known to a
// cell or better is solid, with half blocks where it covers half a cell;
// a span the event may fall anywhere in is shaded; an open end is an
// arrow at the edge, and a bar that goes on past the edge to a known end
// a hollow one; a division of the scale is a dot where no bar is.
const (
	barSolid    = "█"
	barLeft     = "▌"
	barRight    = "▐"
	barShade    = "░"
	barOpenPast = "◀"
	barOpenOn   = "▶"
	barPastEdge = "◁"
	barOnEdge   = "▷"
	// barUnknown is an end that is not known ("/2019"), which may be
	// anywhere before or after: not open, as an arrow would say; nor a
	// question mark, which is the alleged status's sign in the row.
	barUnknown = "⋯"
	axisTick   = "·"
)

// chronologyView is the chronology pane: the list, or the time axis.
func (b *browser) chronologyView(w int) []string {
	if b.axis.on {
		return b.axisView(w, b.tl.height+b.axis.scale)
	}
	return b.listView(w, b.tl.height)
}

// axisTitle is what the pane's title adds on the axis.
func (a *axis) title() string {
	if !a.on {
		return ""
	}
	return " · time axis in " + a.zoom.String() + a.zoom.zoneNote() + " · lanes by " + a.lanes.String()
}

// axisView draws the time axis: the scale, then the rows on screen one
// a line, grouped in lanes, exactly h lines of at most w cells.
func (b *browser) axisView(w, h int) []string {
	st := &b.ctx.styles
	a := &b.axis
	laneW, barW := axisWidth(w)
	lines := make([]string, 0, h)
	ticks := make([]bool, barW)
	scale := ""
	if !b.tl.empty() {
		// With no event to place the axis, a scale would name wherever
		// it last was (or the years around year 0).
		scale = a.scaleView(st, barW, ticks)
	}
	if a.scale > 0 {
		lines = append(lines, st.fit("  "+st.pad(st.Muted.Render(clip("by "+a.lanes.String(), laneW)), laneW)+" "+scale, w))
	}
	if b.tl.empty() {
		lines = append(lines, st.fit(st.Muted.Render(b.emptyMessage()), w))
	}
	rows, first := b.tl.visible()
	order, lanes := a.lanes.laneOrder(rows)
	// A lane is named once, as laneOrder names it, however its events
	// spell it: "Key" and "key" are one lane.
	prev, lane := "", -1
	for _, i := range order {
		r := &rows[i]
		name := ""
		if key := model.CaseKey(a.lanes.laneOf(&r.Event)); key != prev || lane < 0 {
			lane++
			name, prev = lanes[lane], key
		}
		lines = append(lines, b.lastView(b.axisRow(*r, first+i == b.tl.cur, line(name), laneW, barW, ticks)))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:h]
}

// scaleView is the scale over the bars: the label of each division that
// has room, and the left edge's own when the first division is far in;
// ticks gets the columns divisions begin at.
func (a *axis) scaleView(st *Styles, w int, ticks []bool) string {
	buf := []byte(strings.Repeat(" ", w))
	end := -1
	// A label on the scale names the day and year: a midnight's does,
	// when one is on screen.
	perDay := int64(86400) / fixedCell[zoomHours]
	dated := a.zoom != zoomHours || floorMod(a.left, perDay) == 0 || floorMod(a.left, perDay)+int64(w) > perDay
	for x := range w {
		label, tick := a.zoom.tick(a.left + int64(x))
		if !tick {
			continue
		}
		ticks[x] = true
		if end < 0 && x > 0 {
			// The left edge says where it is, when there is room before
			// the first division: with its day, when that fits.
			edge, _ := a.zoom.tick(a.left)
			if long := a.zoom.dated(a.left); len(long)+1 < x {
				edge, dated = long, true
			}
			if len(edge)+1 < x {
				copy(buf, edge)
			}
		}
		if long := a.zoom.dated(a.left + int64(x)); !dated && x > end && x+len(long) <= w {
			// Hours name no day but at midnight: the first label with
			// room for it says it.
			label, dated = long, true
		}
		if x+len(label) > w {
			label = a.zoom.brief(a.left + int64(x))
		}
		if x > end && x+len(label) <= w {
			copy(buf[x:], label)
			end = x + len(label)
		}
	}
	if end < 0 {
		edge, _ := a.zoom.tick(a.left)
		copy(buf, clip(edge, w))
	}
	return st.Ruler.Render(string(buf))
}

// axisRow draws one event: cursor, mark, its lane's name on the lane's
// first line, then its bar with its title beside it; an event off the
// axis says where it is with an arrow, and an undated one says so.
func (b *browser) axisRow(row model.Row, selected bool, lane string, laneW, barW int, ticks []bool) string {
	e := &row.Event
	st := &b.ctx.styles
	a := &b.axis
	cursor, mark := " ", " "
	if selected {
		cursor = "›"
	}
	if b.marks[e.ID] {
		mark = "●"
	}
	text := style(st, selected, b.focus == focusList)
	head := cursor + st.Mark.Render(mark) + st.pad(st.Muted.Render(clip(lane, laneW)), laneW) + " "
	if selected {
		head = text.Render(cursor+mark) + st.pad(text.Render(clip(lane, laneW)), laneW) + " "
	}
	title := line(e.Title)
	// The signs the list's row has before its title, so that the axis
	// loses none: its standing, what others say of it, notes, and a
	// chronology problem.
	signs := e.Status.Mark() + b.standing[e.ID].sign()
	if len(e.Notes) > 0 {
		signs += noteSign
	}
	if b.problems.has(e.ID) {
		signs += problemSign
	}
	if signs = strings.TrimSpace(signs); signs != "" {
		title = signs + " " + title
	}
	titled := func(room int, s string) string {
		match := st.Match
		if selected {
			match = Ink{Style: text.Underline(true)}
		}
		return st.fit(highlight(s, b.search.text, text, match), room)
	}
	// Drawn over the span its links narrow it to, where they do: an
	// undated event that precedes another is no later than that one.
	// Links its dates make impossible leave a span that ends before it
	// begins, which says nothing of where the event is: it is drawn at
	// its own date, as the list dates it.
	span, placed := row.Pos.Placed()
	narrowed := placed && span != model.SpanOf(e.Date) && !span.Latest.Before(span.Earliest)
	if e.Date.IsZero() && !narrowed {
		return head + titled(barW, "undated · "+title)
	}
	from, to := a.barCells(e.Date)
	if narrowed {
		from, to = a.spanCells(span)
	}
	left, right := float64(a.left), float64(a.left+int64(barW))
	switch {
	case to < left:
		where := "← " + offAxisLabel(e.Date, b.ctx.zone, "by ", span.Latest) + " "
		return head + st.Muted.Render(where) + titled(max(0, barW-st.width(where)), title)
	case from >= right:
		// The title is shortened first: where the event is must stay
		// readable, as it does on the left.
		where := "  " + offAxisLabel(e.Date, b.ctx.zone, "from ", span.Earliest) + " →"
		s := titled(max(0, barW-st.width(where)), title) + st.Muted.Render(st.fit(where, barW))
		return head + strings.Repeat(" ", max(0, barW-st.width(s))) + s
	}
	c0 := max(0, int(math.Floor(from-left)))
	c1 := min(barW, int(math.Ceil(to-left)))
	if math.IsInf(from, -1) {
		c0 = 0
	}
	if math.IsInf(to, 1) {
		c1 = barW
	}
	c1 = max(c1, c0+1)
	bar := a.bar(st, from, to, c0, c1, b.isPrecise(e.Date), barW, e.Date)
	gap := func(x0, x1 int) string { return tickGap(st, ticks, x0, x1) }
	const least = 6 // a title is worth showing from a few cells
	switch {
	case barW-c1-1 >= least:
		t := titled(barW-c1-1, title)
		return head + gap(0, c0) + bar + " " + t + gap(c1+1+st.width(t), barW)
	case c0-1 >= least:
		t := titled(c0-1, title)
		return head + gap(0, c0-1-st.width(t)) + t + " " + bar + gap(c1, barW)
	}
	if c1-c0 < barW-least {
		return head + gap(0, c0) + bar + gap(c1, barW)
	}
	// The bar fills the axis: the title goes over its start, so that
	// the line still says which event it is, after the arrow that says
	// the bar begins before the axis does.
	open := ""
	if from < left {
		open = a.bar(st, from, to, 0, 1, b.isPrecise(e.Date), barW, e.Date) + " "
	}
	t := titled(barW/2-st.width(open), title)
	from0 := min(c1, st.width(open)+st.width(t)+1)
	return head + open + t + " " + a.bar(st, from, to, from0, c1, b.isPrecise(e.Date), barW, e.Date) + gap(c1, barW)
}

// style is the text style of a row: reversed when selected, bold when
// the chronology has the keys.
func style(st *Styles, selected, focused bool) Ink {
	switch {
	case selected && focused:
		return st.Selected
	case selected:
		return st.SelectedBlurred
	}
	return st.Item
}

// tickGap is the empty cells x0 to x1 of the axis, with the scale's
// divisions dotted.
func tickGap(st *Styles, ticks []bool, x0, x1 int) string {
	if x1 <= x0 {
		return ""
	}
	var sb strings.Builder
	for x := x0; x < x1; x++ {
		if x < len(ticks) && ticks[x] {
			sb.WriteString(axisTick)
		} else {
			sb.WriteByte(' ')
		}
	}
	return st.Muted.Render(sb.String())
}

// bar draws the cells c0 to c1 of a bar from cell from to cell to: a
// precise one in solid and half blocks, an uncertain one shaded, open
// ends as arrows, ends not known (of d) as question marks, and an end
// past the axis's edge as a hollow arrow, so that a bar cut by the edge
// never reads as beginning or ending there.
func (a *axis) bar(st *Styles, from, to float64, c0, c1 int, precise bool, barW int, d model.Date) string {
	var sb strings.Builder
	left := float64(a.left)
	for x := c0; x < c1; x++ {
		c := left + float64(x)
		switch {
		case x == 0 && math.IsInf(from, -1) && (d.UnknownStart() || d.IsZero()):
			sb.WriteString(barUnknown) // an undated event's, bounded by a link on one side

		case x == 0 && math.IsInf(from, -1):
			sb.WriteString(barOpenPast)
		case x == barW-1 && math.IsInf(to, 1) && (d.UnknownEnd() || d.IsZero()):
			sb.WriteString(barUnknown)
		case x == barW-1 && math.IsInf(to, 1):
			sb.WriteString(barOpenOn)
		case x == 0 && from < left:
			sb.WriteString(barPastEdge)
		case x == barW-1 && to > left+float64(barW):
			sb.WriteString(barOnEdge)
		case !precise:
			sb.WriteString(barShade)
		default:
			l := from < c+0.5 && to >= c
			r := to > c+0.5 && from < c+1
			switch {
			case l && r:
				sb.WriteString(barSolid)
			case r:
				sb.WriteString(barRight)
			default:
				sb.WriteString(barLeft)
			}
		}
	}
	if precise {
		return st.Ruler.Render(sb.String())
	}
	return st.Muted.Render(sb.String())
}

// isPrecise reports whether a date is known to a cell of the axis or
// better, and certain: its whole span, a single date's or an interval's
// from its start to its end, no wider than a cell. An interval is
// somewhere between its ends, so one wider than a cell is a span the
// event may fall anywhere in, and is drawn as such, however precise its
// ends.
func (b *browser) isPrecise(d model.Date) bool {
	certain := func(d model.Date, ok bool) bool { return ok && d.Qualifier() == model.Certain }
	if d.IsInterval() && (!certain(d.Start()) || !certain(d.End())) || !d.IsInterval() && !certain(d, true) {
		return false
	}
	from, to := b.axis.barCells(d)
	return to-from <= 1
}

// lineRow is the index in the window of the row drawn on line y of the
// chronology pane (from its first row), for a click.
func (b *browser) lineRow(y int) (int, bool) {
	if !b.axis.on {
		i := b.tl.offset + y
		return i, y >= 0 && y < b.tl.height && i < len(b.tl.rows)
	}
	y -= b.axis.scale
	rows, first := b.tl.visible()
	if y < 0 || y >= len(rows) {
		return 0, false
	}
	order, _ := b.axis.lanes.laneOrder(rows)
	return first + order[y], true
}

// offAxisLabel says where an event off the axis is: its date, or for an
// undated one its links bound, the day of that bound (in UTC, as the
// scale).
func offAxisLabel(d model.Date, zone model.Zone, bound string, at model.Instant) string {
	if !d.IsZero() {
		return d.LabelIn(zone)
	}
	y, m, day := at.Civil()
	return bound + strconv.Itoa(day) + " " + time.Month(m).String()[:3] + " " + yearLabel(y)
}
