package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// dateWidth is a date column wide enough for "2021 – 1 Feb 2022".
const dateWidth = 17

// minDateWidth is the least the chronology's date column takes, so that
// titles do not shift as days and months scroll by: "14 Aug 2017".
const minDateWidth = 11

// minTitleWidth is what a title keeps before the date column gives way.
const minTitleWidth = 10

// rowChrome is a row's cells besides the date and the title: cursor,
// mark, space, space after the date, status, what others say of it,
// notes, a chronology problem, space. The problem's cell is kept when no
// event has one: the problems are known only once the store has been
// scanned, after the first rows are drawn, and a column that came then
// would shift every title sideways.
const rowChrome = 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1

// noteSign marks an event with notes, after its standing.
const noteSign = "✎"

// listView renders the chronology pane: exactly height lines of at most
// width cells. Each row reads without colour: › marks the cursor, ● a
// marked event, the status has its own sign, ! or + after it say that
// another event disputes or supports it (* both), ✎ that it has
// notes, and ↯ that it has a chronology problem.
func (b *browser) listView(w, h int) []string {
	lines := make([]string, 0, h)
	st := &b.ctx.styles
	if b.tl.empty() {
		lines = append(lines, st.fit(st.Muted.Render(b.emptyMessage()), w))
	}
	rows, first := b.tl.visible()
	dw := b.dateColumn(rows, w)
	tw := b.tagColumn(rows, w, dw)
	if f := b.frameOf(w, dw, tw); f != b.rows.frame {
		b.rows = rowCache{frame: f}
	}
	next := b.rows.next()
	for i, r := range rows {
		lines = append(lines, b.lastView(b.rowLine(&next, r.Event, first+i == b.tl.cur, w, dw, tw)))
	}
	b.rows.drawn(next)
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:h]
}

// lastView greys a row while a new view loads: the rows are the last
// view's until the new one's come (seconds, filtering a million events),
// and must not be read as what the new filter matches.
func (b *browser) lastView(row string) string {
	if b.rowsOf == b.gen {
		return row
	}
	return b.ctx.styles.Muted.Render(ansi.Strip(row))
}

// emptyMessage is what the chronology pane, list or axis, says when it
// has no rows: why, and under filters how to clear them.
func (b *browser) emptyMessage() string {
	switch {
	case b.loading:
		return "loading…"
	case !b.query.IsZero():
		return "no events match the filters · " + keyOf(b.keys.ClearFilter) + " clears them"
	}
	return "no events"
}

// dateColumn is the width of the date column for rows in a pane w cells
// wide: the widest of their dates, since the date is what a timeline is
// read by; only when a title would keep less than minTitleWidth does the
// date give way.
func (b *browser) dateColumn(rows []model.Row, w int) int {
	st := &b.ctx.styles
	dw := minDateWidth
	for _, r := range rows {
		dw = max(dw, st.width(r.Event.Date.LabelIn(b.ctx.zone)))
	}
	return max(0, min(dw, w-rowChrome-minTitleWidth))
}

// tagColumn is the width of the tags' column, as wide as the widest tags
// on screen need, at most a quarter of what the date leaves (none on a
// narrow pane): titles take the rest. A cell is left before the pane's
// divider.
func (b *browser) tagColumn(rows []model.Row, w, dw int) int {
	room := w - rowChrome - dw
	if room <= 34 {
		return 0
	}
	most, tw := room/4, 0
	for _, r := range rows {
		if len(r.Event.Tags) > 0 {
			tw = max(tw, b.ctx.styles.width(fitChips(&b.ctx.styles, b.shownTags(r.Event.Tags), most-1))+1)
		}
	}
	return min(tw, most)
}

// rowView renders one event as one line of w cells, its date in dw and
// its tags in tw (tagColumn).
func (b *browser) rowView(e model.Event, selected bool, w, dw, tw int) string {
	st := &b.ctx.styles
	cursor, mark := " ", " "
	if selected {
		cursor = "›"
	}
	if b.marks[e.ID] {
		mark = "●"
	}
	date := st.pad(e.Date.LabelIn(b.ctx.zone), dw)
	status := e.Status.Mark()
	sign := b.standing[e.ID].sign()
	noted := " "
	if len(e.Notes) > 0 {
		noted = noteSign
	}
	// After the notes, before the title (rowChrome).
	problem := " "
	if b.problems.has(e.ID) {
		problem = problemSign
	}
	title := line(clip(e.Title, w))
	// cursor, mark, space, date, space, status, what others say of it
	// (disputed, supported), notes, space: then the title, and the tags in
	// a column of their own so that titles line up.
	room := w - rowChrome - dw
	tagRoom := tw
	tags := fitChips(st, b.shownTags(e.Tags), tagRoom-1) // a cell left before the pane's divider
	titleRoom := room - tagRoom
	if tagRoom > 0 {
		titleRoom -= 2
	}
	// A row the search matches outside its title says where, so that a
	// match in a quote or a note is not taken for a miss.
	where := ""
	if q := b.search.text; q != "" && titleRoom > 24 {
		if in := b.places.of(e.ID); in != "" && in != "title" {
			where = "  in " + in
			titleRoom -= st.width(where)
		}
	}
	titleRoom = max(titleRoom, 0)
	if selected {
		// A selected row is one reversed span, readable without colour;
		// the search's match in it is underlined as well.
		style := st.SelectedBlurred
		if b.focus == focusList {
			style = st.Selected
		}
		var sb strings.Builder
		sb.WriteString(style.Render(cursor + mark + " " + date + " " + status + sign + noted + problem + " "))
		t := st.fit(highlight(title, b.search.text, style, Ink{Style: style.Underline(true)}), titleRoom)
		sb.WriteString(t + style.Render(strings.Repeat(" ", max(0, titleRoom-st.width(t)))+where))
		if tagRoom > 0 {
			sb.WriteString(style.Render("  " + tags))
		}
		if n := w - st.width(sb.String()); n > 0 {
			sb.WriteString(style.Render(strings.Repeat(" ", n)))
		}
		return st.fit(sb.String(), w)
	}
	var sb strings.Builder
	sb.WriteString(cursor)
	sb.WriteString(st.Mark.Render(mark))
	sb.WriteString(" ")
	sb.WriteString(st.Date.Render(date))
	sb.WriteString(" ")
	sb.WriteString(st.status(e.Status).Render(status))
	sb.WriteString(st.Mark.Render(sign))
	sb.WriteString(st.Muted.Render(noted))
	sb.WriteString(st.Error.Render(problem))
	sb.WriteString(" ")
	t := st.fit(highlight(title, b.search.text, st.Item, st.Match), titleRoom)
	sb.WriteString(t)
	// Padded by what was drawn: a title cut before a wide character
	// takes a cell less than the room.
	pad := max(0, titleRoom-st.width(t))
	if where != "" {
		sb.WriteString(strings.Repeat(" ", pad) + st.Muted.Render(where))
		pad = 0
	}
	if tagRoom > 0 {
		sb.WriteString(strings.Repeat(" ", pad+2))
		sb.WriteString(st.Chip.Render(tags))
	}
	return st.fit(sb.String(), w)
}

// shownTags is an event's tags in the order its row shows them: those
// the filter selects by first, so that a row cut to "#a +2" shows the
// tag it is listed for. They are a new slice only when the order changes.
func (b *browser) shownTags(tags []string) []string {
	want := b.query.Tags
	if len(want) == 0 || len(tags) < 2 {
		return tags
	}
	filtered := func(t string) bool {
		return slices.ContainsFunc(want, func(w string) bool { return model.SameInAnyCase(w, t) })
	}
	// Already in order: no tag the filter selects after one it does not.
	i := slices.IndexFunc(tags, func(t string) bool { return !filtered(t) })
	if i < 0 || !slices.ContainsFunc(tags[i:], filtered) {
		return tags
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if filtered(t) {
			out = append(out, t)
		}
	}
	for _, t := range tags {
		if !filtered(t) {
			out = append(out, t)
		}
	}
	return out
}

// fitChips shows as many whole tags as fit in w cells and counts the rest:
// "#ss7 +2" says more than "#ss7 #cash-of…".
func fitChips(st *Styles, tags []string, w int) string {
	if w <= 0 || len(tags) == 0 {
		return ""
	}
	var b strings.Builder
	for i, t := range tags {
		chip := model.Hashtag(line(t))
		if i > 0 {
			chip = " " + chip
		}
		more := ""
		if rest := len(tags) - i - 1; rest > 0 {
			more = fmt.Sprintf(" +%d", rest)
		}
		if st.width(b.String())+st.width(chip)+st.width(more) <= w {
			b.WriteString(chip)
			continue
		}
		if i > 0 {
			// The last round made sure this count fits.
			return b.String() + fmt.Sprintf(" +%d", len(tags)-i)
		}
		if room := w - st.width(more); room >= 4 {
			return st.fit(chip, room) + more
		}
		return st.fit(chip, w)
	}
	return b.String()
}
