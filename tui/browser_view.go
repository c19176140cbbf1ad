package tui

import (
	"fmt"
	"strings"

	"chrono/model"
)

// View draws the browser: its header, the filter line and the ruler when
// there is room, then the panes (or the dialog over them), in exactly
// its height.
func (b *browser) View(over Dialog) []string {
	w, h := b.width, b.height
	if w <= 0 || h <= 0 {
		return nil
	}
	st := &b.ctx.styles
	lines := make([]string, 0, h)
	lines = append(lines, b.headerView(w))
	if b.lay.filterBar {
		lines = append(lines, b.filterView(w))
	}
	if b.lay.ruler {
		at := model.SpanOf(model.Date{}) // no marker
		if row, ok := b.tl.selected(); ok {
			// The months its row shows it in, as the ruler counts them.
			at = row.Event.Date.SpanShown(b.ctx.zone)
		}
		lines = append(lines, b.ruler.view(st, w, at))
	}
	return append(lines, b.bodyView(w, b.lay.bodyH, over)...)
}

// headerView is the title on the left and where the cursor is on the
// right: "event 3 of 12", with the total when filtered.
func (b *browser) headerView(w int) string {
	at := thousands(b.tl.position() + 1)
	if b.rowsOf != b.gen {
		// The rows are the last view's until the new one's come: the
		// count may come first (a million events' filter: "event
		// 1,000,000 of 198,892" for seconds).
		at = "…"
	}
	var where string
	switch {
	case b.tl.empty():
		where = ""
	case b.tl.total < 0 && b.tl.counted > 0:
		where = "event " + at + " of " + thousands(b.tl.counted) + "+ (counting…)"
	case b.tl.total < 0:
		where = "event " + at
	default:
		where = "event " + at + " of " + thousands(b.tl.total+b.stale)
		if !b.query.IsZero() && b.allEvents >= 0 {
			where += " (" + thousands(b.allEvents) + " in all)"
		}
	}
	if n := len(b.marks); n > 0 {
		where = strings.TrimSuffix(fmt.Sprintf("%d marked · %s", n, where), " · ")
	}
	return frameHeader(b.ctx, w, where)
}

// filterView lists the active filters and search.
func (b *browser) filterView(w int) string {
	st := &b.ctx.styles
	q := b.query
	var parts []string
	if len(q.Statuses) > 0 {
		var s []string
		for _, x := range q.Statuses {
			s = append(s, strings.TrimSpace(x.Mark()+" "+x.Word()))
		}
		parts = append(parts, strings.Join(s, " or "))
	}
	if len(q.Tags) > 0 {
		// Each tag as it is shown, one holding a space quoted whole.
		var tags []string
		for _, t := range model.UniqueInAnyCase(q.Tags) {
			tags = append(tags, model.Hashtag(t))
		}
		parts = append(parts, strings.Join(tags, " or "))
	}
	if len(q.Actors) > 0 {
		parts = append(parts, "actor "+line(strings.Join(model.UniqueInAnyCase(q.Actors), " or ")))
	}
	if len(q.Sources) > 0 {
		parts = append(parts, "source "+line(strings.Join(q.Sources, " or ")))
	}
	if !q.During.IsZero() {
		parts = append(parts, "during "+q.During.Label())
	}
	if q.Untagged {
		parts = append(parts, shapeUntagged)
	}
	if q.Noted {
		parts = append(parts, shapeNoted)
	}
	if len(q.Linked) > 0 {
		names := make([]string, len(q.Linked))
		for i, r := range q.Linked {
			names[i] = linkedName(r)
		}
		parts = append(parts, strings.Join(names, " or "))
	}
	if q.ByID {
		var names []string
		for _, set := range []idSet{setProblems, setNotFound, setUnchecked} {
			if b.idSets&set != 0 {
				names = append(names, setSign(set)+" "+setName(set))
			}
		}
		parts = append(parts, strings.Join(names, " or "))
	}
	// The filters are shortened first: the search and the keys that
	// clear stay readable, and the picker (f) lists every filter. A
	// search too long for that gives up its keys, then its count, so
	// that the filter keeps a few words.
	var searches []string
	if b.search.text != "" {
		text := st.FilterBar.Render("search: /" + b.search.text)
		phrase := st.Muted.Render(" · " + b.search.phrase())
		keys := st.Muted.Render("  (" + keyOf(b.keys.NextMatch) + "/" + keyOf(b.keys.PrevMatch) + " next, " + keyOf(b.keys.Escape) + " clears)")
		searches = []string{text + phrase + keys, text + phrase, text}
	}
	if len(parts) == 0 {
		if len(searches) == 0 {
			return ""
		}
		// As beside a filter: the keys, then the count, go before the
		// line is cut, which read "(n/N next, esc clear…".
		for _, s := range searches {
			if st.width(s) <= w {
				return s
			}
		}
		return st.fit(searches[len(searches)-1], w)
	}
	clears := "  (" + keyOf(b.keys.ClearFilter) + " clears)"
	const fewWords = len("filter: ") + 8
	room, search := w-st.width(clears), ""
	for _, s := range searches {
		search = s
		if w-st.width(clears)-st.width(s)-3 >= fewWords {
			break
		}
	}
	if search != "" {
		room -= st.width(search) + 3
	}
	filter := st.FilterBar.Render(st.fit("filter: "+strings.Join(parts, " · "), max(room, len("filter: …"))))
	s := filter + st.Muted.Render(clears)
	if search != "" {
		s += "   " + search
	}
	return st.fit(s, w)
}

// bodyView is the panes, or the dialog over them.
func (b *browser) bodyView(w, h int, over Dialog) []string {
	st := &b.ctx.styles
	if h <= 0 {
		return nil
	}
	overPane := over != nil && over.Place() == placePane
	if over != nil && over.Place() == placeBody {
		return over.View(w, h)
	}
	if b.noEvents() && over == nil {
		return b.emptyView(w, h)
	}
	if !b.lay.wide {
		switch {
		case overPane:
			return over.View(w, h)
		case b.zoomed:
			return b.paneView(b.detailTitle(true), true, b.detail.view(), w, h)
		}
		return b.paneView(b.listTitle(), b.focus == focusList, b.chronologyView(w), w, h)
	}
	left := b.paneView(b.listTitle(), b.focus == focusList, b.chronologyView(b.lay.listW), b.lay.listW, h)
	var right []string
	if overPane {
		right = over.View(b.lay.detailW, h)
	} else {
		right = b.paneView(b.detailTitle(false), b.focus == focusDetail, b.detail.view(), b.lay.detailW, h)
	}
	div := st.Divider.Render("│")
	out := make([]string, h)
	for i := range out {
		out[i] = st.pad(left[i], b.lay.listW) + div + st.fit(right[i], b.lay.detailW)
	}
	return out
}

// paneView puts a title line over a pane's lines when there is roob.
func (b *browser) paneView(title string, focused bool, body []string, w, h int) []string {
	st := &b.ctx.styles
	out := make([]string, 0, h)
	if b.lay.titles {
		style := b.ctx.styles.PaneTitle
		if focused {
			style = b.ctx.styles.PaneTitleFocused
		}
		out = append(out, st.fit(style.Render(title), w))
	}
	out = append(out, body...)
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

func (b *browser) listTitle() string {
	if b.tl.total >= 0 {
		return "Chronology · " + plural(b.tl.total+b.stale, "event") + b.axis.title()
	}
	return "Chronology" + b.axis.title()
}

func (b *browser) detailTitle(zoomed bool) string {
	t := "Sources" + b.ctx.alsoSelecting(b.detail.d.Event.ID)
	if n := len(b.detail.d.Event.Quotes); n > 0 {
		t += " · " + plural(n, "quote")
	}
	if n := len(b.detail.d.Related); n > 0 {
		t += " · " + plural(n, "link")
	}
	if zoomed {
		t += " · " + keyOf(b.keys.Escape) + "/q back"
	}
	return t
}
