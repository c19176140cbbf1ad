package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"chrono/model"
	"chrono/model/listing"
	"chrono/model/quotecheck"
)

// detailPane is the sources pane: the selected event in full, its quotes
// as blocks with their sources, its links and notes, and its latest
// changes from the journal. An event may hold thousands of quotes of
// pages each, so the pane is laid out a block at a time (the event's
// heading, a quote, a link, a note ...) and only the blocks on screen:
// its place is a block and a line within it, and the blocks it has laid
// out are kept until what they show changes. The lines on screen are put
// together in Update, so that View only reads them.
type detailPane struct {
	d       model.Detail
	loaded  bool          // d.Sources and d.Related came from the store
	history []model.Entry // the event's latest changes, newest first
	chron   chronologyNote
	marks   []quoteMark // the quotes checked against their sources
	// snapshots says some source has a snapshot: until then no quote is
	// said to have none to be checked against.
	snapshots bool
	sel       int      // index of the selected item; -1 when there are none
	top       paneLine // the first line on screen
	width     int
	height    int  // the lines on screen but the foot
	foot      bool // a last line under them says what is below

	// What the blocks were laid out for: when one changes, every block
	// is laid out again as it comes on screen.
	st      *Styles
	search  string
	focused bool
	zone    model.Zone
	w       int  // the text's width
	stale   bool // the event, its detail or its history changed

	blocks detailBlocks
	cache  map[int]laidBlock
	shown  []string // the lines on screen
	above  string   // what is above them, for the first line when scrolled
	below  string   // what is below them, for the foot
	laid   int      // lines laid out so far, which the tests bound
}

// paneLine is a line of the pane: the line within a block.
type paneLine struct{ blk, line int }

func (a paneLine) before(b paneLine) bool {
	return a.blk < b.blk || a.blk == b.blk && a.line < b.line
}

// laidBlock is a block's lines, and whether they show it selected.
type laidBlock struct {
	lines    []string
	selected bool
}

// detailBlocks numbers the pane's blocks: the event's heading, the
// quotes' heading, each quote, the links' heading, each link, the notes'
// heading, each note, and the latest changes. A heading of no items is a
// block of no lines.
type detailBlocks struct{ quotes, links, notes int }

func (b detailBlocks) count() int { return b.quotes + b.links + b.notes + 5 }
func (b detailBlocks) items() int { return b.quotes + b.links + b.notes }

// The blocks that are not items.
const blockHead = 0

func (b detailBlocks) quotesHead() int { return 1 }
func (b detailBlocks) linksHead() int  { return 2 + b.quotes }
func (b detailBlocks) notesHead() int  { return 3 + b.quotes + b.links }
func (b detailBlocks) historyBlk() int { return 4 + b.quotes + b.links + b.notes }

// block is the block of item i.
func (b detailBlocks) block(i int) int {
	switch {
	case i < b.quotes:
		return 2 + i
	case i < b.quotes+b.links:
		return 3 + i
	}
	return 4 + i
}

// item is the item block k shows, if it shows one.
func (b detailBlocks) item(k int) (detailItem, int, bool) {
	switch {
	case k >= 2 && k < b.linksHead():
		return detailItem{quote: k - 2, link: -1, note: -1}, k - 2, true
	case k > b.linksHead() && k < b.notesHead():
		i := k - b.linksHead() - 1
		return detailItem{quote: -1, link: i, note: -1}, b.quotes + i, true
	case k > b.notesHead() && k < b.historyBlk():
		i := k - b.notesHead() - 1
		return detailItem{quote: -1, link: -1, note: i}, b.quotes + b.links + i, true
	}
	return detailItem{}, 0, false
}

// detailItem is a quote, link or note the cursor of the pane can rest
// on.
type detailItem struct {
	quote int // index into Event.Quotes, or -1
	link  int // index into Detail.Related, or -1
	note  int // index into Event.Notes, or -1
}

// show puts an event in the pane. Keeping the selection and scroll when
// the same event comes back (a retag, the loaded detail) stops the pane
// from jumping under the reader.
func (p *detailPane) show(d model.Detail, loaded bool) {
	same := p.d.Event.ID == d.Event.ID
	p.d, p.loaded = d, loaded
	p.stale = true
	if !same {
		p.sel, p.top = 0, paneLine{}
		p.history = nil
		p.chron = chronologyNote{}
		p.marks = nil
	}
}

// setMarks shows what checking the quotes against their sources found.
func (p *detailPane) setMarks(m []quoteMark) {
	p.marks, p.stale = m, true
}

// mark is what checking quote i found, if it is known for the quote as
// it is now.
func (p *detailPane) mark(i int) (quoteMark, bool) {
	qs := p.d.Event.Quotes
	if i < 0 || i >= len(p.marks) || i >= len(qs) || !p.marks[i].of(qs[i]) {
		return quoteMark{}, false
	}
	return p.marks[i], true
}

// setChronology shows why the event is where it is, and its problems.
func (p *detailPane) setChronology(c chronologyNote) {
	p.chron, p.stale = c, true
}

// setHistory shows the event's latest changes.
func (p *detailPane) setHistory(h []model.Entry) {
	p.history, p.stale = h, true
}

func (p *detailPane) id() string { return p.d.Event.ID }

// linksWith says whether the pane lists a link with event id, either
// way round.
func (p *detailPane) linksWith(id string) bool {
	return slices.ContainsFunc(p.d.Related, func(r model.Relation) bool { return r.Event == id })
}

// count is how many quotes, links and notes the pane shows.
func (p *detailPane) count() int { return p.blocks.items() }

// quote returns the selected quote, or the event's first quote when a
// link is selected.
func (p *detailPane) quote() (model.Quote, bool) {
	qs := p.d.Event.Quotes
	if len(qs) == 0 {
		return model.Quote{}, false
	}
	if it, ok := p.item(); ok && it.quote >= 0 && it.quote < len(qs) {
		return qs[it.quote], true
	}
	return qs[0], true
}

// link returns the selected link, if a link is selected.
func (p *detailPane) link() (model.Relation, bool) {
	it, ok := p.item()
	if !ok || it.link < 0 || it.link >= len(p.d.Related) {
		return model.Relation{}, false
	}
	return p.d.Related[it.link], true
}

// note returns the index of the selected note, if a note is selected.
func (p *detailPane) note() (int, bool) {
	it, ok := p.item()
	if !ok || it.note < 0 {
		return 0, false
	}
	return it.note, true
}

// item returns the selected quote, link or note. While the pane has the
// keys, that is only one whose cursor is on screen: a key acts on what
// the investigator sees selected, never on an item scrolled away.
func (p *detailPane) item() (detailItem, bool) {
	if p.sel < 0 || p.sel >= p.count() || p.focused && !p.marked(p.sel) {
		return detailItem{}, false
	}
	it, _, _ := p.blocks.item(p.blocks.block(p.sel))
	return it, true
}

// marked reports whether item i's cursor is on screen: a quote's bar is
// on each of its lines, a link's or a note's › on its first. Only the
// blocks on screen are laid out to tell.
func (p *detailPane) marked(i int) bool {
	if i < 0 || i >= p.count() {
		return false
	}
	k := p.blocks.block(i)
	end := p.bottom()
	if k < p.top.blk || k > end.blk {
		return false
	}
	first, last := p.cursor(k)
	return first.line < len(p.lines(k)) && !last.before(p.top) && first.before(end)
}

// cursor is the first and last lines of item block k that show its
// cursor: a quote's bar is on each of its lines, a link's or a note's ›
// on its first.
func (p *detailPane) cursor(k int) (first, last paneLine) {
	first = paneLine{k, p.lead(k)}
	last = first
	if it, _, _ := p.blocks.item(k); it.quote >= 0 {
		last.line = len(p.lines(k)) - 1
	}
	return first, last
}

// nearest is the item nearest the screen going down (or up): the first
// whose cursor is not above the screen, or the last whose cursor begins
// before its end; none when there is no such item.
func (p *detailPane) nearest(down bool) (int, bool) {
	if down {
		for k := p.top.blk; k < p.nblocks(); k++ {
			if _, i, ok := p.blocks.item(k); ok {
				if _, last := p.cursor(k); !last.before(p.top) {
					return i, true
				}
			}
		}
		return 0, false
	}
	end := p.bottom()
	for k := min(end.blk, p.nblocks()-1); k >= 0; k-- {
		if _, i, ok := p.blocks.item(k); ok && (paneLine{k, p.lead(k)}).before(end) {
			return i, true
		}
	}
	return 0, false
}

// itemAt is the index of the quote, link or note on screen line row of
// the pane (its blank lead line aside), if one is there.
func (p *detailPane) itemAt(row int) (int, bool) {
	if p.rows(p.top) < p.height {
		row-- // the first line says what is above
	}
	if row < 0 || row >= len(p.shown) {
		return 0, false
	}
	at := p.forward(p.top, row)
	_, i, ok := p.blocks.item(at.blk)
	if !ok || at.line < p.lead(at.blk) {
		return 0, false
	}
	return i, true
}

// step moves the selection delta quotes, links or notes on and scrolls
// it into view. From a cursor off screen (the pane scrolled where no
// item is, or showing a new event above its first), it goes to the item
// nearest the screen that way, not on from where it was.
func (p *detailPane) step(delta int) {
	if p.count() == 0 {
		p.scroll(delta)
		return
	}
	if p.marked(p.sel) {
		p.sel = max(0, min(p.sel+delta, p.count()-1))
	} else if i, ok := p.nearest(delta > 0); ok {
		p.sel = i
	}
	p.reveal()
}

// move is what down (delta 1) and up (-1) do: select the next or
// previous quote, link or note and scroll it into view, as step does,
// but never past a line not yet on screen. When more than a screen of
// text comes before the item that way (the event's heading above the
// first item, the latest changes below the last, an item taller than
// the pane), the pane scrolls a line instead, so that every line comes
// on screen.
func (p *detailPane) move(delta int) {
	to, ok := p.sel+delta, false
	if p.marked(p.sel) {
		ok = to >= 0 && to < p.count()
	} else if p.count() > 0 {
		to, ok = p.nearest(delta > 0)
	}
	if !ok {
		p.scroll(delta)
		return
	}
	top, bottom, sel := p.top, p.bottom(), p.sel
	p.sel = to
	p.reveal()
	switch {
	case delta > 0 && bottom.before(p.top):
		p.top = bottom
		p.clamp()
	case delta < 0 && p.bottom().before(top):
		p.top = p.upTo(top)
		p.clamp()
	}
	if !p.marked(to) {
		p.top, p.sel = top, sel
		p.scroll(delta)
	}
}

// canMove reports whether move(delta) would select or scroll to
// anything: the keys that do nothing are not offered.
func (p *detailPane) canMove(delta int) bool {
	if p.canScroll(delta) {
		return true
	}
	if p.marked(p.sel) {
		return p.sel+delta >= 0 && p.sel+delta < p.count()
	}
	_, ok := p.nearest(delta > 0)
	return ok && p.count() > 0
}

// canScroll reports whether the pane has lines beyond the screen that
// way: below it (delta > 0) or above it.
func (p *detailPane) canScroll(delta int) bool {
	if delta > 0 {
		return p.bottom().blk < p.nblocks()
	}
	return (paneLine{}).before(p.top)
}

// reveal scrolls the selected item into view: all of it when it fits,
// else its first lines.
func (p *detailPane) reveal() {
	if p.sel >= 0 && p.sel < p.count() {
		k := p.blocks.block(p.sel)
		lines := p.lines(k)
		first, last := paneLine{k, p.lead(k)}, paneLine{k, len(lines) - 1}
		if first.before(p.top) {
			p.top = first
		}
		if !last.before(p.bottom()) {
			p.top = p.upTo(paneLine{k, len(lines)})
			if first.before(p.top) {
				p.top = first
			}
		}
	}
	p.clamp()
}

// scroll moves the view by delta lines. A selection scrolled off screen
// moves to the first item on screen (the last, going up), as a cursor
// stays in view in less or vim; with none on screen, nothing is
// selected that a key could act on (item).
func (p *detailPane) scroll(delta int) {
	if delta >= 0 {
		p.top = p.forward(p.top, delta)
	} else {
		p.top = p.back(p.top, -delta)
	}
	p.clamp()
	if p.count() == 0 || p.marked(p.sel) {
		return
	}
	if i, ok := p.nearest(delta >= 0); ok && p.marked(i) {
		p.sel = i
		p.clamp() // the cursor is drawn on the new item
	}
}

// home goes to the top of the pane and selects its first item, scrolled
// into view when it begins below the first screen.
func (p *detailPane) home() {
	p.top, p.sel = paneLine{}, min(0, p.count()-1)
	p.clamp()
	if !p.marked(p.sel) {
		p.reveal()
	}
}

// end scrolls to the bottom of the pane and selects its last item,
// scrolled into view when the latest changes below it take more than a
// screen.
func (p *detailPane) end() {
	p.top, p.sel = paneLine{p.nblocks(), 0}, p.count()-1
	p.clamp()
	if !p.marked(p.sel) {
		p.reveal()
	}
}

// atTop reports whether the pane shows its first line.
func (p *detailPane) atTop() bool { return !(paneLine{}).before(p.top) }

// nblocks is how many blocks the pane has: none when there is nothing
// to show or no room.
func (p *detailPane) nblocks() int {
	if p.w <= 0 || p.d.Event.ID == "" {
		return 0
	}
	return p.blocks.count()
}

// rows is how many lines of text the pane shows from top at: scrolled
// from its first line, it gives its first line to saying what is above,
// as it gives its last to what is below.
func (p *detailPane) rows(at paneLine) int {
	if p.foot && (paneLine{}).before(at) {
		return p.height - 1
	}
	return p.height
}

// bottom is the first line below the screen.
func (p *detailPane) bottom() paneLine { return p.forward(p.top, p.rows(p.top)) }

// upTo is the top of the screen whose last line is the one before end:
// the first line when that screen shows it.
func (p *detailPane) upTo(end paneLine) paneLine {
	if !p.forward(paneLine{}, p.height).before(end) {
		return paneLine{}
	}
	return p.back(end, p.rows(end))
}

// forward is the paneLine n lines after at, or the end.
func (p *detailPane) forward(at paneLine, n int) paneLine {
	for at.blk < p.nblocks() {
		rest := len(p.lines(at.blk)) - at.line
		if n < rest {
			at.line += n
			return at
		}
		n -= max(rest, 0)
		at = paneLine{at.blk + 1, 0}
	}
	return paneLine{p.nblocks(), 0}
}

// back is the paneLine n lines before at, or the first line.
func (p *detailPane) back(at paneLine, n int) paneLine {
	for n > 0 {
		if at.line >= n {
			at.line -= n
			return at
		}
		n -= at.line
		if at.blk == 0 {
			return paneLine{}
		}
		at.blk--
		at.line = len(p.lines(at.blk))
	}
	return at
}

// clamp keeps a screen of lines below the top when the pane has them,
// and puts together the lines on screen.
func (p *detailPane) clamp() {
	if p.top.blk >= p.nblocks() {
		p.top = paneLine{p.nblocks(), 0}
	} else if n := len(p.lines(p.top.blk)); p.top.line >= n {
		p.top.line = max(n-1, 0)
	}
	if p.bottom().blk >= p.nblocks() {
		p.top = p.upTo(paneLine{p.nblocks(), 0})
	}
	p.shown = p.shown[:0]
	rows := p.rows(p.top)
	for at := p.top; at.blk < p.nblocks() && len(p.shown) < rows; at = (paneLine{at.blk + 1, 0}) {
		lines := p.lines(at.blk)
		for _, l := range lines[min(at.line, len(lines)):] {
			if len(p.shown) == rows {
				break
			}
			p.shown = append(p.shown, l)
		}
	}
	p.above, p.below = p.sayAbove(), p.sayBelow()
}

// resize gives the pane its width and height. A pane of a few lines
// keeps its last for a line that says what is below, so that a pane cut
// off at its foot never looks like the whole event.
func (p *detailPane) resize(w, h int) {
	p.width, p.height, p.foot = w, h, false
	if h >= 3 {
		p.height, p.foot = h-1, true
	}
}

// size is the pane's width and height, with its foot.
func (p *detailPane) size() (w, h int) {
	if p.foot {
		return p.width, p.height + 1
	}
	return p.width, p.height
}

// sayBelow puts into words what is below the lines on screen: how many
// quotes, links and notes have not begun on screen, counted from the
// blocks without laying them out, or the latest changes when only they
// are still to come.
func (p *detailPane) sayBelow() string {
	next := p.bottom()
	if !p.foot || next.blk >= p.nblocks() {
		return ""
	}
	from := next.blk // the first block none of whose text is on screen
	for _, l := range p.lines(next.blk)[:next.line] {
		if l != "" {
			from++
			break
		}
	}
	parts := p.itemsIn(from, p.nblocks())
	if len(parts) == 0 && from <= p.blocks.historyBlk() && len(p.history) > 0 {
		parts = append(parts, "latest changes")
	}
	if len(parts) == 0 {
		return "↓ more"
	}
	return "↓ more: " + strings.Join(parts, " · ")
}

// sayAbove puts into words what is above the lines on screen once the
// pane is scrolled from its first line, as sayBelow does what is below:
// how many quotes, links and notes end above the screen.
func (p *detailPane) sayAbove() string {
	if p.rows(p.top) == p.height {
		return ""
	}
	parts := p.itemsIn(0, p.top.blk) // up to the first block with text on screen
	if len(parts) == 0 {
		return "↑ more"
	}
	return "↑ more: " + strings.Join(parts, " · ")
}

// itemsIn says how many quotes, links and notes have their blocks in
// [from, to): "2 quotes", "1 link".
func (p *detailPane) itemsIn(from, to int) []string {
	b := p.blocks
	count := func(first, n int) int { return max(0, min(first+n, to)-max(first, from)) }
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{
		{count(b.quotesHead()+1, b.quotes), "quote"},
		{count(b.linksHead()+1, b.links), "link"},
		{count(b.notesHead()+1, b.notes), "note"},
	} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.what))
		}
	}
	return parts
}

// margin is the blank column between the divider and the text.
const margin = " "

// view returns exactly the pane's lines, of width cells at most.
func (p *detailPane) view() []string {
	_, h := p.size()
	out := make([]string, 0, h)
	if p.rows(p.top) < p.height {
		above := ""
		if p.st != nil {
			above = margin + p.st.fit(p.st.Muted.Render(p.above), p.w)
		}
		out = append(out, above)
	}
	for _, l := range p.shown {
		out = append(out, margin+l)
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	if p.foot {
		below := ""
		if p.below != "" && p.st != nil {
			below = margin + p.st.fit(p.st.Muted.Render(p.below), p.w)
		}
		out = append(out, below)
	}
	return out
}

// layout readies the pane for its width, the search and its focus:
// blocks laid out for anything else are dropped, to be laid out again as
// they come on screen.
func (p *detailPane) layout(st *Styles, search string, focused bool, zone model.Zone) {
	w := p.width - st.width(margin)
	if p.stale || st != p.st || search != p.search || w != p.w || zone != p.zone {
		p.cache = nil
	}
	p.zone = zone
	if focused != p.focused && p.cache != nil {
		delete(p.cache, p.blocks.block(p.sel))
	}
	p.st, p.search, p.focused, p.w, p.stale = st, search, focused, w, false
	e := &p.d.Event
	p.blocks = detailBlocks{quotes: len(e.Quotes), links: len(p.d.Related), notes: len(e.Notes)}
	if p.nblocks() == 0 {
		p.blocks = detailBlocks{}
	} else if p.count() == 0 {
		p.sel = -1
	} else {
		p.sel = max(0, min(p.sel, p.count()-1))
	}
	p.clamp()
}

// keptBlocks bounds the blocks kept laid out: a few screens of them.
func (p *detailPane) keptBlocks() int { return 4*p.height + 16 }

// lines returns block k laid out, from what is kept when it can.
func (p *detailPane) lines(k int) []string {
	if k < 0 || k >= p.nblocks() {
		return nil
	}
	_, i, isItem := p.blocks.item(k)
	selected := isItem && i == p.sel
	if b, ok := p.cache[k]; ok && b.selected == selected {
		return b.lines
	}
	if p.cache == nil || len(p.cache) >= p.keptBlocks() {
		p.cache = map[int]laidBlock{}
	}
	lines := p.layBlock(k, selected)
	p.laid += len(lines)
	p.cache[k] = laidBlock{lines: lines, selected: selected}
	return lines
}

// lead is how many blank lines come before block k's item: the space
// between one quote or note and the next.
func (p *detailPane) lead(k int) int {
	it, _, ok := p.blocks.item(k)
	if ok && (it.quote > 0 || it.note > 0) {
		return 1
	}
	return 0
}

// opens reports whether a section's heading, block k, follows a line of
// text, and so a blank line first. The block before it is an item's or a
// heading's, or the event's heading: one block's lines at most.
func (p *detailPane) opens(k int) bool {
	for j := k - 1; j >= blockHead; j-- {
		if l := p.lines(j); len(l) > 0 {
			return l[len(l)-1] != ""
		}
	}
	return false
}

// layBlock lays block k out for the pane's width.
func (p *detailPane) layBlock(k int, selected bool) []string {
	st, search, w := p.st, p.search, p.w
	e := &p.d.Event
	var lines []string
	add := func(s string) { lines = append(lines, st.fit(s, w)) }
	// item wraps untrusted text under an indent, marking search matches;
	// its first line's indent may hold a cursor, shown once.
	item := func(s string, style Ink, first, rest string) {
		for i, l := range st.wrap(s, w-st.width(rest)) {
			indent := rest
			if i == 0 {
				indent = first
			}
			add(indent + highlight(l, search, style, st.Match))
		}
	}
	text := func(s string, style Ink, indent string) { item(s, style, indent, indent) }
	// address shows a URL whole: broken only where the width forces it,
	// and one hyperlink over its lines when it is a web address.
	address := func(u string, indent string) {
		web, ok := model.WebURL(u)
		for _, l := range st.breakURL(u, w-st.width(indent)) {
			l = highlight(l, search, st.URL, st.Match)
			if ok {
				l = hyperlink(web, l)
			}
			add(indent + l)
		}
	}
	heading := func(s string) {
		if p.opens(k) {
			lines = append(lines, "")
		}
		add(st.Label.Render(s))
	}
	cursor := "  "
	if selected {
		cursor = "› "
	}
	if k == blockHead {
		text(line(e.Title), st.Heading, "") // one line, as the rows and show give it, wrapped
		// The time as written stays beside the one in the chosen zone:
		// it is what the source says.
		date := e.Date.LabelIn(p.zone)
		if written := e.Date.LabelIn(model.ZoneWritten); written != date {
			date += " (written " + written + ")"
		}
		facts := []string{date, e.Status.Word()}
		if e.DateText != "" {
			said := "“" + line(e.DateText) + "”"
			if src, ok := p.d.Sources[e.DateSource]; ok {
				said += " in " + listing.SourceName(src) // the date the words are read against
			}
			facts = append(facts, said)
		}
		text(strings.Join(facts, " · "), st.Label, "")
		if len(e.Actors) > 0 {
			text("actors: "+strings.Join(e.Actors, ", "), st.Item, "")
		}
		if len(e.Tags) > 0 {
			text(model.Hashtags(e.Tags), st.Chip, "")
		}
		for _, s := range p.chron.placed {
			text(s, st.Label, "")
		}
		for _, s := range p.chron.problems {
			text(problemSign+" "+s, st.Error, "")
		}
		if e.Summary != "" {
			if len(lines) > 0 && lines[len(lines)-1] != "" {
				lines = append(lines, "")
			}
			text(e.Summary, st.Item, "")
		}
		if len(e.Media) > 0 {
			lines = append(lines, "")
			media := "1 medium"
			if len(e.Media) > 1 {
				media = thousands(len(e.Media)) + " media"
			}
			add(st.Label.Render(media))
			for i, m := range e.Media {
				if i > 0 {
					lines = append(lines, "")
				}
				// A caption says what the medium shows, in no one's
				// words: text, not a quote.
				for _, t := range []string{m.Title, m.Caption} {
					if !model.Blank(t) {
						text(t, st.Item, "  ")
					}
				}
				if !model.Blank(m.Credit) {
					text("credit: "+line(m.Credit), st.Label, "  ")
				}
				// A search looks in the alt text too: shown, so that a
				// row found there shows where.
				if !model.Blank(m.Alt) {
					text("alt: "+m.Alt, st.Label, "  ")
				}
				if m.URL != "" {
					address(m.URL, "  ")
				}
			}
		}
		return lines
	}
	b := p.blocks
	switch k {
	case b.quotesHead():
		if b.quotes > 0 {
			heading(plural(b.quotes, "quote"))
		}
		return lines
	case b.linksHead():
		if b.links > 0 {
			heading("links · enter follows")
		}
		return lines
	case b.notesHead():
		if b.notes > 0 {
			heading(plural(b.notes, "note"))
		}
		return lines
	case b.historyBlk():
		if len(p.history) > 0 {
			heading("latest changes")
		}
		for _, h := range p.history {
			text(historyLine(h, e.ID), st.Muted, "")
		}
		return lines
	}
	it, _, _ := b.item(k)
	switch {
	case it.quote >= 0:
		q := e.Quotes[it.quote]
		if it.quote > 0 {
			lines = append(lines, "")
		}
		bar := st.QuoteBar.Render("│ ")
		if selected {
			bar = st.QuoteBar.Bold(true).Render("┃ ")
			if !p.focused {
				bar = st.QuoteBar.Render("┃ ")
			}
		}
		text(model.Quoted(q.Text), st.Quote, bar)
		if who := quoteAttribution(q); who != "" {
			text(who, st.Label, bar)
		}
		src, ok := p.d.Sources[q.Source]
		switch {
		case ok:
			text(model.Citation(src, asIs), st.Label, bar)
			if src.URL != "" {
				address(src.URL, bar)
			}
			if src.Archive != "" {
				address(src.Archive, bar)
			}
		case q.Source != "" && p.loaded:
			text("source "+q.Source+" (not in the store)", st.Error, bar)
		case q.Source != "":
			text("source "+q.Source, st.Label, bar)
		}
		if m, ok := p.mark(it.quote); ok && (p.snapshots || m.State < quotecheck.NoSnapshot) {
			style := st.Muted
			if m.State == quotecheck.NotFound || m.Untrusted() {
				style = st.Error
			}
			for _, l := range m.Lines() {
				if l.Indented {
					text(l.Text, style, bar+"  ")
				} else {
					text(l.Text, style, bar)
				}
			}
		}
	case it.link >= 0:
		r := p.d.Related[it.link]
		title, ok := p.d.Titles[r.Event]
		if t, trashed := p.d.Trashed[r.Event]; !ok && trashed {
			title = t + " (in the trash)"
		} else if !ok {
			title = r.Event + " (not in the store)"
		}
		item(r.Rel.Phrase()+": "+cutTitle(title, mostLinked), st.Link, cursor, "  ")
	case it.note >= 0:
		n := e.Notes[it.note]
		if it.note > 0 {
			lines = append(lines, "")
		}
		item(n.Text, st.Item, cursor, "  ")
		if by := noteByline(n); by != "" {
			text(by, st.Muted, "  ")
		}
	}
	return lines
}

// mostLinked is how much of a linked event's title its link shows: a
// few lines' worth.
const mostLinked = 240

// noteByline is who wrote a note and when, and who last edited it and
// when: "— bo, 3 Dec 2026 · edited by cy, 5 Dec 2026".
func noteByline(n model.Note) string {
	var parts []string
	if n.Author != "" {
		parts = append(parts, n.Author)
	}
	if !n.At.IsZero() {
		parts = append(parts, n.At.Local().Format("2 Jan 2006"))
	}
	by := strings.Join(parts, ", ")
	if edited := listing.NoteEdited(n, func(t time.Time) string { return t.Local().Format("2 Jan 2006") }); edited != "" && by != "" {
		by += " · " + edited
	} else if edited != "" {
		by = edited
	}
	if by == "" {
		return ""
	}
	return line("— " + by) // the names come from files, as the text does
}

// historyLine is one change of the event id, from the journal, as
// chrono log says it: the entry's phrase, then what it did to the event:
// "#12 ana · 4 Mar 2026 15:04 · redid #9: added a note to fbi-tip · changed: notes".
func historyLine(e model.Entry, id string) string {
	what := e.Phrase
	if what == "" {
		what = string(e.Op)
	}
	for _, c := range e.Events {
		if c.ID == id {
			// Not "added “X” · added": the phrase says it already.
			if w := c.Words(); !strings.HasPrefix(what, w) {
				what += " · " + w
			}
			break
		}
	}
	s := fmt.Sprintf("#%d", e.Seq)
	if e.Author != "" {
		s += " " + e.Author
	}
	return s + " · " + e.At.Local().Format("2 Jan 2006 15:04") + " · " + what
}

// quoteAttribution is "— Tim Miller, in his account to the Justice
// Department · denies". A stance with no one to take it is "—
// unattributed · denies", as chrono show has it: a stance alone on a
// line reads as a stray word.
func quoteAttribution(q model.Quote) string {
	var parts []string
	if q.Speaker != "" {
		parts = append(parts, q.Speaker)
	}
	if q.Context != "" {
		parts = append(parts, q.Context)
	}
	if len(parts) == 0 && q.Stance == "" {
		return ""
	}
	s := "— " + strings.Join(parts, ", ")
	if len(parts) == 0 {
		s = "— unattributed"
	}
	if q.Stance != "" {
		s += " · " + string(q.Stance)
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return thousands(n) + " " + what + "s"
}

// thousands writes a count as people read it: 1,000,000.
func thousands(n int) string { return model.Thousands(int64(n)) }

// asIs leaves text as it is: for text that is made safe where it is laid
// out.
func asIs(s string) string { return s }

// linked returns the ids of the events the pane's event links to or is
// linked from: the pane shows their titles.
func (p *detailPane) linked() []string {
	ids := make([]string, len(p.d.Related))
	for i, r := range p.d.Related {
		ids[i] = r.Event
	}
	return ids
}
