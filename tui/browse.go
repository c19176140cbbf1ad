package tui

import (
	"fmt"
	"maps"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// key handles a key press on the browser: what it means for the root
// (a dialog to open, an edit to write), or the commands it starts.
func (b *browser) key(msg tea.KeyPressMsg) (Action, tea.Cmd) {
	k := &b.keys
	ctx := b.ctx
	if cmd, ok := b.axisKey(msg); ok {
		return nil, cmd
	}
	switch {
	case key.Matches(msg, k.Escape):
		return nil, b.escape()
	case key.Matches(msg, k.Focus):
		// On a narrow screen the other pane is the full-screen sources.
		if b.lay.wide {
			b.focus = 1 - b.focus
		} else {
			b.zoomed = !b.zoomed
		}
		b.layoutDetail()
		return nil, nil
	case key.Matches(msg, k.ToList, k.ToSources):
		toSources := key.Matches(msg, k.ToSources)
		switch {
		case !b.lay.wide:
			b.zoomed = toSources // the other pane is the full-screen sources
		case toSources:
			b.focus = focusDetail
		default:
			b.focus = focusList
		}
		b.layoutDetail()
		return nil, nil
	case key.Matches(msg, k.Search):
		b.search.begin(b.tl.selected())
		return openDialog{newPrompt(ctx, promptSearch, "/", nil, nil, &b.search)}, nil
	case key.Matches(msg, k.GoTo):
		return openDialog{newPrompt(ctx, promptGoTo, "go to date (EDTF, e.g. 2021 or 2017-08): ", nil, nil, nil)}, nil
	case key.Matches(msg, k.Zone):
		ctx.zone = ctx.zone.Next(ctx.local)
		b.layoutDetail()
		if !b.query.During.IsZero() {
			// The rows show other days: the filter's are read again.
			return nil, tea.Batch(b.requery(b.query), say(zoneSaid(ctx.zone)))
		}
		// The rows show times near a month's turn in other months: the
		// ruler counts them there.
		b.query.Zone = ctx.zone
		return nil, tea.Batch(loadPeriods(ctx.store, b.gen, b.query), say(zoneSaid(ctx.zone)))
	case key.Matches(msg, k.NextMatch, k.PrevMatch):
		if b.search.text == "" {
			return nil, say("no search · / searches")
		}
		return nil, b.find(key.Matches(msg, k.PrevMatch), false)
	case key.Matches(msg, k.Filter):
		p := newPicker(ctx, b.query)
		p.offerSets(b.idSets, b.set)
		// The facets' counts may have changed since; the links' are
		// worked out as the picker shows.
		return openDialog{p}, tea.Batch(loadFacets(ctx.store), p.countFrom(0))
	case key.Matches(msg, k.ClearFilter):
		return nil, b.clearFilters()
	case key.Matches(msg, k.PrevYear, k.NextYear):
		row, ok := b.tl.selected()
		if !ok {
			return nil, nil
		}
		next := key.Matches(msg, k.NextYear)
		var before *model.Row
		if !next && !b.loading {
			// The rows loaded are the view's only once its window came:
			// until then they may be another view's.
			before = b.tl.lastBeforeYear(row, ctx.zone)
		}
		read := func(before *model.Row) func(int) tea.Cmd {
			return func(gen int) tea.Cmd {
				return b.withLanded(jumpYear(ctx.store, gen, b.query, ctx.zone, row, next, before, jumpSize(b.tl.height)))
			}
		}
		// Asked again after a change, the store says which year is
		// previous: the rows on screen were read before it.
		return nil, b.ask(read(before), read(nil))
	case key.Matches(msg, k.Back):
		return nil, b.back()
	case key.Matches(msg, k.Copy):
		return nil, b.copySelected()
	case key.Matches(msg, k.OpenURL):
		return nil, b.openSelected()
	case key.Matches(msg, k.OnNote):
		// copySelected and openSelected say what a note lacks.
		if msg.String() == "o" {
			return nil, b.openSelected()
		}
		return nil, b.copySelected()
	case key.Matches(msg, k.Uncited):
		if msg.String() == "o" {
			return nil, say(noSourceToOpen)
		}
		return nil, say(nothingToCopy)
	case key.Matches(msg, k.InSource, k.NoSnapshot):
		return nil, b.showInSource()
	case key.Matches(msg, k.PaneOnly):
		return nil, say(keyOf(k.Focus) + " goes to the sources pane, where " + msg.String() + " acts on the quote, link or note selected")
	}
	if a, cmd, ok := b.editKey(msg); ok {
		return a, cmd
	}
	if b.focus == focusDetail || b.zoomed {
		return nil, b.detailKey(msg)
	}
	return nil, b.listKey(msg)
}

// listKey moves through the chronology.
func (b *browser) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.keys
	b.endCounted = false // the last key says where to go
	if n, ok := k.distance(msg, b.tl.height); ok {
		if k.pages(msg) {
			b.tl.page(n)
		} else {
			b.tl.move(n)
		}
		return tea.Batch(b.moved(), b.fill())
	}
	switch {
	case key.Matches(msg, k.Bottom) && b.tl.total < 0 && !b.query.IsZero():
		// Counting the view again to place its end would walk it
		// beside the count under way, each slowing the other.
		b.endCounted = true
		return say("to the last event once the view is counted")
	case key.Matches(msg, k.Top, k.Bottom):
		read := b.edge(key.Matches(msg, k.Bottom))
		return b.ask(read, read)
	case key.Matches(msg, k.Open):
		if _, ok := b.tl.selected(); !ok {
			return nil
		}
		if b.lay.wide {
			b.focus = focusDetail
		} else {
			b.zoomed = true
		}
		b.layoutDetail()
		return nil
	}
	return nil
}

// detailKey moves through the sources pane.
func (b *browser) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &b.keys
	n, move := k.distance(msg, b.detail.height)
	switch {
	case move && key.Matches(msg, k.Up, k.Down):
		b.detail.move(n) // up and down go from item to item; pages scroll by lines
	case move:
		b.detail.scroll(n)
	case key.Matches(msg, k.Top):
		b.detail.home()
	case key.Matches(msg, k.Bottom):
		b.detail.end()
	case key.Matches(msg, k.Open):
		return b.followLink()
	default:
		return nil
	}
	b.layoutDetail()
	return nil
}

// showInSource opens the quote selected in the sources pane in the
// latest snapshot of its source: at the quote, highlighted, or at the
// passage closest to it with the difference.
func (b *browser) showInSource() tea.Cmd {
	it, ok := b.detail.item()
	if !ok || it.quote < 0 || it.quote >= len(b.detail.d.Event.Quotes) {
		return nil
	}
	return openQuoteInSource(b.ctx.store, &b.ctx.styles, b.detail.d.Event.Quotes[it.quote], maps.Clone(b.indexes))
}

// escape backs out of one thing: the full-screen sources, the sources
// pane's focus, the marks, the search, then the filters.
func (b *browser) escape() tea.Cmd {
	switch {
	case b.zoomed:
		b.leaveOverlay()
		return nil
	case b.focus == focusDetail:
		b.focus = focusList
	case len(b.marks) > 0:
		n := len(b.marks)
		b.marks = map[string]bool{}
		return say(fmt.Sprintf("unmarked %s", plural(n, "event")))
	case b.search.text != "":
		b.search.text = ""
		b.relayout()
		return say("search cleared")
	case !b.query.IsZero():
		return b.clearFilters()
	default:
		return nil
	}
	b.layoutDetail()
	return nil
}

// overlay implements overlaid: the sources shown full screen.
func (b *browser) overlay() bool { return b.zoomed }

// leaveOverlay implements overlaid, as esc leaves the full-screen sources.
func (b *browser) leaveOverlay() {
	b.zoomed = false
	b.layoutDetail()
}

func (b *browser) clearFilters() tea.Cmd {
	if b.query.IsZero() {
		return say("no filters to clear")
	}
	return tea.Batch(b.requery(model.Query{}), say("filters cleared"))
}

// followLink jumps to the event the selected link leads to, keeping the
// way back.
func (b *browser) followLink() tea.Cmd {
	r, ok := b.detail.link()
	if !ok {
		return nil
	}
	if _, known := b.detail.d.Titles[r.Event]; !known {
		if _, trashed := b.detail.d.Trashed[r.Event]; trashed {
			return fail(fmt.Errorf("event %q is in the trash: D shows it, and r there restores it", r.Event))
		}
		return fail(fmt.Errorf("event %q is not in the store", r.Event))
	}
	b.history = append(b.history, linkTrail{id: b.detail.id(), sel: b.detail.sel, query: b.query})
	return b.askEvent(r.Event)
}

// linkTrail is an event a link was followed from, and the item of its
// pane that was selected: the link, selected again on the way back; and
// the filters then, which following the link may have cleared.
type linkTrail struct {
	id    string
	sel   int
	query model.Query
	// cleared: the filters were cleared to show the linked event.
	cleared bool
}

// back returns to the event a link was followed from.
func (b *browser) back() tea.Cmd {
	if len(b.history) == 0 {
		return say("nowhere to go back to")
	}
	t := b.history[len(b.history)-1]
	b.history = b.history[:len(b.history)-1]
	b.backTo = &t
	if t.cleared && b.query.IsZero() && !t.query.ByID {
		// The link cleared the filters to show its event (and none was
		// set since): going back brings them back. A set of events by
		// their ids (marked, a problem's) is not kept to bring back.
		b.reset(t.query)
		return tea.Batch(b.askEvent(t.id), b.recount(), say("filters back as they were"))
	}
	return b.askEvent(t.id)
}

func facetNames(fs []model.Facet) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// zoneSaid is what the status line says when the zone key changes it.
func zoneSaid(z model.Zone) string {
	switch z.String() {
	case "utc":
		return "times with an offset in UTC; times without one are never converted"
	case "local":
		return "times with an offset in your zone; times without one are never converted"
	}
	return "times as written"
}
