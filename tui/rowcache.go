package tui

import (
	"slices"
	"strings"

	"chrono/model"
)

// rowCache keeps the rows of the list as the last frame drew them, so
// that the next draws again only those whose event or state changed. A
// key that moves the cursor one row changes two rows of forty; a served
// session's screen is drawn again for others' moves and changes, which
// seldom touch its rows.
type rowCache struct {
	frame rowFrame
	last  drawnRows
	// spare holds the rows of the frame before last, emptied: the next
	// frame's rows go in it, so that a frame allocates nothing of its
	// own for them.
	spare drawnRows
}

// drawnRows are a frame's rows by event id. The rows are in a slice and
// the map holds their places: a map of the rows themselves, too big to
// be kept in the map's own slots, allocated each row anew.
type drawnRows struct {
	rows []drawnRow
	at   map[string]int
}

func (d *drawnRows) get(id string) (drawnRow, bool) {
	i, ok := d.at[id]
	if !ok {
		return drawnRow{}, false
	}
	return d.rows[i], true
}

func (d *drawnRows) put(id string, r drawnRow) {
	if d.at == nil {
		d.at = map[string]int{}
	}
	d.at[id] = len(d.rows)
	d.rows = append(d.rows, r)
}

// next is the empty set the rows of the frame about to be drawn go in.
func (c *rowCache) next() drawnRows {
	next := c.spare
	c.spare = drawnRows{}
	clear(next.rows) // nothing kept alive by a row no longer drawn
	next.rows = next.rows[:0]
	clear(next.at)
	return next
}

// drawn makes next the rows the last frame drew.
func (c *rowCache) drawn(next drawnRows) {
	c.spare, c.last = c.last, next
}

// rowFrame is what every row of a frame is drawn with: any change of it
// draws them all again.
type rowFrame struct {
	w, dw    int
	tw       int // the tags' column
	zone     model.Zone
	styles   int // shared.stylesGen
	search   string
	focus    focus
	problems *idText // the problems' list, by its identity (nil for none)
	tags     string  // the tags filtered by, shown first (shownTags)
}

// drawnRow is one row's line with what it was drawn from.
type drawnRow struct {
	selected, marked bool
	sign, where      string
	title            string
	date             model.Date
	status           model.Status
	tags             []string
	noted            bool
	line             string
}

// frameOf is what the rows of the frame about to be drawn depend on.
func (b *browser) frameOf(w, dw, tw int) rowFrame {
	return rowFrame{w: w, dw: dw, tw: tw, zone: b.ctx.zone, styles: b.ctx.stylesGen, search: b.search.text, focus: b.focus, problems: b.problems.d, tags: strings.Join(b.query.Tags, "\x00")}
}

// rowLine returns the line of the row of e, drawn again only when it or
// its state changed since the last frame; next keeps it for the frame
// after.
func (b *browser) rowLine(next *drawnRows, e model.Event, selected bool, w, dw, tw int) string {
	d := drawnRow{
		selected: selected, marked: b.marks[e.ID], sign: b.standing[e.ID].sign(), where: b.places.of(e.ID),
		title: e.Title, date: e.Date, status: e.Status, tags: e.Tags, noted: len(e.Notes) > 0,
	}
	if was, ok := b.rows.last.get(e.ID); ok && was.same(d) {
		d.line = was.line
	} else {
		d.line = b.rowView(e, selected, w, dw, tw)
	}
	next.put(e.ID, d)
	return d.line
}

// same reports whether a row drawn from d would read as r.
func (r drawnRow) same(d drawnRow) bool {
	return r.selected == d.selected && r.marked == d.marked && r.sign == d.sign && r.where == d.where &&
		r.title == d.title && r.date == d.date && r.status == d.status && r.noted == d.noted && slices.Equal(r.tags, d.tags)
}
