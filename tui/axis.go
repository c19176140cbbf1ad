package tui

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// axis is the chronology pane drawn as a time axis: the rows on screen
// are the list's (the same window, cursor and view, so movement, filters,
// search and marks are the list's own), each drawn as a bar from its
// earliest to its latest instant, in lanes. Only the cells on screen are
// worked out, from the rows on screen: never more than the list reads.
type axis struct {
	on    bool
	zoom  zoom
	lanes laneKind
	// left is the first cell on screen, in cells of the zoom; it moves
	// only when the selected event would leave the screen, so that the
	// bars hold still while the cursor moves among them.
	left int64
	// placed is false until left has been chosen for the zoom.
	placed bool
	// scale is the lines the scale takes over the rows: 1, or 0 when the
	// pane has no room for it.
	scale int
	keys  axisKeys
}

// axisKeys are the time axis's keys: the switch is always there, the
// zoom and the lanes only on the axis.
type axisKeys struct {
	Toggle, ZoomIn, ZoomOut, Lanes key.Binding
}

func newAxisKeys() axisKeys {
	return axisKeys{
		Toggle:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "time axis")),
		ZoomIn:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/=", "zoom in")),
		ZoomOut: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "zoom out")),
		Lanes:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "lanes by")),
	}
}

func newAxis() axis { return axis{zoom: zoomYears, keys: newAxisKeys()} }

// bindings are the axis's keys for the help.
func (a *axis) bindings() []key.Binding {
	return []key.Binding{a.keys.Toggle, a.keys.ZoomIn, a.keys.ZoomOut, a.keys.Lanes}
}

// updateKeys turns the zoom and the lanes off while the list is shown,
// and names what v switches to.
func (a *axis) updateKeys() {
	for _, k := range []*key.Binding{&a.keys.ZoomIn, &a.keys.ZoomOut, &a.keys.Lanes} {
		k.SetEnabled(a.on)
	}
	if a.on {
		a.keys.Toggle.SetHelp("v", "back to the list")
	} else {
		a.keys.Toggle.SetHelp("v", "time axis")
	}
}

// axisKey takes the axis's keys; ok is false for any other.
func (b *browser) axisKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	a := &b.axis
	switch {
	case key.Matches(msg, a.keys.Toggle):
		a.on = !a.on
		a.placed = false
		b.relayout() // the axis's scale takes a line of the pane
		if a.on {
			return tea.Batch(b.fill(), say("time axis: "+a.zoom.String()+", lanes by "+a.lanes.String())), true
		}
		return b.fill(), true
	case !a.on:
		return nil, false
	case key.Matches(msg, a.keys.ZoomIn, a.keys.ZoomOut):
		z := a.zoom + 1
		if key.Matches(msg, a.keys.ZoomOut) {
			z = a.zoom - 1
		}
		if z < 0 || z >= zoomCount {
			return say("the axis is at its " + map[bool]string{true: "widest", false: "closest"}[z < 0] + ": " + a.zoom.String()), true
		}
		a.zoom, a.placed = z, false
		return nil, true
	case key.Matches(msg, a.keys.Lanes):
		a.lanes = (a.lanes + 1) % laneCount
		return say("lanes by " + a.lanes.String()), true
	}
	return nil, false
}

// axisWidth is the cells of the pane the bars have, after the cursor's
// column and the lanes' names.
func axisWidth(w int) (laneW, barW int) {
	laneW = min(16, max(0, (w-2)/5))
	return laneW, max(0, w-2-laneW-1)
}

// follow keeps the selected event on the axis (row; for an undated one,
// the dated row nearest it): when its bar would be off screen (or on a
// new zoom), the axis moves so that the bar starts a quarter of the way
// across. It runs in Update, so that View only draws.
func (a *axis) follow(row model.Row, paneW int) {
	if !a.on || row.Event.Date.IsZero() {
		return
	}
	_, w := axisWidth(paneW)
	if w <= 0 {
		return
	}
	from, to := a.barCells(row.Event.Date)
	if a.placed && from < float64(a.left+int64(w)) && to > float64(a.left) {
		return
	}
	at := from
	if math.IsInf(at, -1) {
		at = to
	}
	a.left = int64(math.Floor(at)) - int64(w/4)
	a.placed = true
}

// barCells is where a date's bar runs on the axis, in cells: minus or
// plus infinity at an open end.
func (a *axis) barCells(d model.Date) (from, to float64) { return a.cells(d.Earliest(), d.Latest()) }

// spanCells is where a span runs on the axis, as barCells.
func (a *axis) spanCells(s model.Span) (from, to float64) { return a.cells(s.Earliest, s.Latest) }

// cells is where the instants e to l run on the axis, as barCells.
func (a *axis) cells(e, l model.Instant) (from, to float64) {
	from, to = math.Inf(-1), math.Inf(1)
	if !e.IsUnbounded() {
		from = a.zoom.cellOf(e)
	}
	if !l.IsUnbounded() {
		to = a.zoom.cellOf(l)
	}
	if math.IsInf(from, -1) && math.IsInf(to, 1) {
		return from, to
	}
	return from, max(to, from) // an inclusive latest instant is never before the earliest
}

// laneKind is what the axis's lanes group events by.
type laneKind int

const (
	lanesByActor laneKind = iota
	lanesByTag
	lanesBySource
	lanesByStatus
	laneCount
)

var laneNames = [...]string{"actor", "tag", "source", "status"}

func (k laneKind) String() string { return laneNames[k] }

// laneOf is the lane of an event: its first actor, tag or source (of its
// first quote that names one, else its date's), or its status; an event
// with none goes in a lane that says so.
func (k laneKind) laneOf(e *model.Event) string {
	switch k {
	case lanesByActor:
		if len(e.Actors) > 0 {
			return e.Actors[0]
		}
		return "(no actor)"
	case lanesByTag:
		if len(e.Tags) > 0 {
			return model.Hashtag(e.Tags[0])
		}
		return "(untagged)"
	case lanesBySource:
		for _, q := range e.Quotes {
			if q.Source != "" {
				return q.Source
			}
		}
		if e.DateSource != "" {
			return e.DateSource
		}
		return "(no source)"
	}
	if e.Status == "" {
		return "(no status)"
	}
	return e.Status.Mark() + " " + string(e.Status)
}

// laneOrder returns the indexes of rows grouped by lane, the lanes in
// the order their first event comes, and each lane's events in timeline
// order: the lines of the axis from top to bottom. A tag or actor
// written in another case is the same lane, named as its first event
// writes it.
func (k laneKind) laneOrder(rows []model.Row) (order []int, lanes []string) {
	byLane := map[string][]int{}
	var keys []string
	for i := range rows {
		l := k.laneOf(&rows[i].Event)
		key := model.CaseKey(l)
		if _, seen := byLane[key]; !seen {
			lanes, keys = append(lanes, l), append(keys, key)
		}
		byLane[key] = append(byLane[key], i)
	}
	order = make([]int, 0, len(rows))
	for _, key := range keys {
		order = append(order, byLane[key]...)
	}
	return order, lanes
}
