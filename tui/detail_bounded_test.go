package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/store"
)

// manyQuotesStore holds an event of n quotes of several lines each, with
// links and notes after them, between two ordinary events.
func manyQuotesStore(t *testing.T, n int) model.Store {
	t.Helper()
	tl := model.Timeline{Header: model.Header{Title: "Many quotes"}}
	tl.Sources = []model.Source{{ID: "src", Title: "The inquiry's record", URL: "https://example.org/record"}}
	before := model.Event{ID: "before", Title: "Before", Date: model.MustParseDate("2008-06-14")}
	after := model.Event{ID: "after", Title: "After", Date: model.MustParseDate("2008-06-16")}
	e := model.Event{
		ID: "many", Title: "The event of many quotes", Summary: "Every witness, one event.",
		Date: model.MustParseDate("2008-06-15"), Tags: []string{"inquiry"},
		Links: []model.Link{{Rel: model.Disputes, Event: "before"}, {Rel: model.Supports, Event: "after"}},
		Notes: []model.Note{{Text: "first note", At: noted}, {Text: "second note", At: noted}},
	}
	text := strings.Repeat("the minister said that the payments were routine ", 8)
	for i := range n {
		e.Quotes = append(e.Quotes, model.Quote{
			Text: fmt.Sprintf("%d: %s", i, text[:len(text)*(1+i%5)/5]), Speaker: fmt.Sprintf("Witness %d", i), Source: "src",
		})
	}
	tl.Events = []model.Event{before, e, after}
	s, err := store.Open(filepath.Join(t.TempDir(), "many.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "many", Read: func(sink model.Sink) error { return model.Feed(tl, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// The sources pane lays out what is on screen, not the whole event: on
// an event of thousands of quotes every key, in the list and in the
// pane, lays out a few screens of lines at most, however many quotes
// there are.
func TestSourcesLayOutOnlyTheScreen(t *testing.T) {
	d := newDriver(t, manyQuotesStore(t, 2_000), 120, 40)
	d.goTo("2008-06-15")
	if d.selected() != "many" {
		t.Fatalf("selected %s, want many", d.selected())
	}
	bound := 6 * d.sources().height
	steps := []struct {
		name string
		msg  tea.Msg
	}{
		{"j in the list", keyPress("j")},
		{"k in the list", keyPress("k")},
		{"tab", keyPress("tab")},
		{"j in the pane", keyPress("j")},
		{"k in the pane", keyPress("k")},
		{"pgdown in the pane", keyPress("pgdown")},
		{"pgup in the pane", keyPress("pgup")},
		{"G in the pane", keyPress("G")},
		{"k at the end", keyPress("k")},
		{"g in the pane", keyPress("g")},
		{"the wheel", tea.MouseWheelMsg{X: 100, Y: 10, Button: tea.MouseWheelDown}},
		{"tab back", keyPress("tab")},
	}
	for _, s := range steps {
		before := d.sources().laid
		d.send(s.msg)
		_ = d.screen()
		if n := d.sources().laid - before; n > bound {
			t.Errorf("%s laid out %d lines, want at most %d (a few screens)", s.name, n, bound)
		}
	}
}

// wholePane lays out every line of the pane as it stands, block after
// block, and where each item's lines begin and end, and the last of its
// lines with its cursor (a quote's bar is on all of them, a link's or a
// note's › on the first): the pane as it was laid out before it learnt
// to lay out only the screen.
func wholePane(p *detailPane) (all []string, first, last, cursor []int) {
	for k := range p.nblocks() {
		it, i, isItem := p.blocks.item(k)
		lines := p.layBlock(k, isItem && i == p.sel)
		if isItem {
			lead := 0
			for lead < len(lines)-1 && lines[lead] == "" {
				lead++
			}
			first = append(first, len(all)+lead)
			last = append(last, len(all)+len(lines)-1)
			cursor = append(cursor, len(all)+lead)
			if it.quote >= 0 {
				cursor[len(cursor)-1] = len(all) + len(lines) - 1
			}
		}
		all = append(all, lines...)
	}
	return all, first, last, cursor
}

// The pane's window, after every way of moving through it, is the
// window the whole-event layout gives for the same moves: the same
// lines, the same selection, at the same offsets. g and G select the
// first and last items, a scroll that leaves the selected one behind
// selects the first (or last) on screen, and j or k select the next or
// previous item (from a selection off screen, the item nearest the
// screen) and bring it on screen without passing over a line not yet
// shown; where more than a screen of such lines comes first (an item
// taller than the screen, the heading above the first item, the latest
// changes below the last), they scroll a line instead.
// Scrolled from its first line, the pane gives that line to saying what
// is above.
func TestSourcesWindowIsTheWholeLayouts(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {60, 20}, {120, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, manyQuotesStore(t, 12), size[0], size[1])
			d.goTo("2008-06-15")
			open := "tab"
			if !d.wide() {
				open = "enter"
			}
			d.keys(open)
			p := d.sources()
			off, sel, h := 0, 0, p.height
			// rows is the lines of text on screen from off: one fewer once
			// scrolled, for the line that says what is above.
			rows := func(off int) int {
				if off > 0 {
					return h - 1
				}
				return h
			}
			// upTo is the offset of the screen that ends before line end.
			upTo := func(end int) int {
				if end <= h {
					return 0
				}
				return end - (h - 1)
			}
			clamp := func(total int) {
				off = max(0, off)
				if off+rows(off) >= total {
					off = upTo(total)
				}
			}
			moves := []string{"j", "j", "pgdown", "pgdown", "j", "G", "k", "k", "pgup", "g",
				"pgdown", "pgdown", "pgdown", "k", "wheel", "wheel", "j", "G", "j", "j", "j", "j", "j",
				"pgup", "pgup", "up", "down", "g", "wheelup"}
			for range 2 {
				for range 40 {
					moves = append(moves, "j")
				}
				for range 40 {
					moves = append(moves, "k")
				}
				moves = append(moves, "pgdown", "wheel")
			}
			for n, m := range moves {
				switch m {
				case "wheel":
					d.send(tea.MouseWheelMsg{X: size[0] - 2, Y: size[1] / 2, Button: tea.MouseWheelDown})
				case "wheelup":
					d.send(tea.MouseWheelMsg{X: size[0] - 2, Y: size[1] / 2, Button: tea.MouseWheelUp})
				default:
					d.keys(m)
				}
				all, first, last, cursor := wholePane(p) // as the pane now draws its selection
				total := len(all)
				shown := func(i int) bool { return cursor[i] >= off && first[i] < off+rows(off) }
				reveal := func() {
					if first[sel] < off {
						off = first[sel]
					}
					if last[sel] >= off+rows(off) {
						off = upTo(last[sel] + 1)
						if first[sel] < off {
							off = first[sel]
						}
					}
					clamp(total)
				}
				// nearest is the first item whose cursor is not above the
				// screen, or the last that begins before its end.
				nearest := func(down bool) (int, bool) {
					if down {
						for i := range first {
							if cursor[i] >= off {
								return i, true
							}
						}
						return 0, false
					}
					for i := len(first) - 1; i >= 0; i-- {
						if first[i] < off+rows(off) {
							return i, true
						}
					}
					return 0, false
				}
				scroll := func(delta int) {
					off += delta
					clamp(total)
					if i, ok := nearest(delta >= 0); !shown(sel) && ok && shown(i) {
						sel = i
					}
				}
				switch m {
				case "j", "k", "up", "down":
					delta := map[string]int{"j": 1, "down": 1, "k": -1, "up": -1}[m]
					to, ok := sel+delta, false
					if shown(sel) {
						ok = to >= 0 && to < len(first)
					} else {
						to, ok = nearest(delta > 0)
					}
					if !ok {
						scroll(delta)
						break
					}
					// Selected and brought on screen, unless that passes over
					// lines not yet shown, more than a screen of them.
					top, bottom, was := off, off+rows(off), sel
					sel = to
					reveal()
					if delta > 0 && bottom < off {
						off = bottom
						clamp(total)
					}
					if delta < 0 && off+rows(off) < top {
						off = upTo(top)
						clamp(total)
					}
					if !shown(to) {
						off, sel = top, was
						scroll(delta)
					}
				case "pgdown", "pgup", "wheel", "wheelup":
					scroll(map[string]int{"pgdown": h, "pgup": -h, "wheel": wheelStep, "wheelup": -wheelStep}[m])
				case "G", "g":
					off, sel = 0, 0
					if m == "G" {
						off, sel = total, len(first)-1
					}
					clamp(total)
					if !shown(sel) {
						reveal()
					}
				}
				// Only a selection on screen is one keys act on.
				if _, ok := p.item(); ok != shown(sel) {
					t.Fatalf("move %d (%s): item %d on screen %v, selected for the keys %v", n, m, sel, shown(sel), ok)
				}
				if p.sel != sel {
					t.Fatalf("move %d (%s): selected item %d, want %d", n, m, p.sel, sel)
				}
				want := all[off:min(off+rows(off), len(all))]
				if !slices.Equal(p.shown, want) {
					t.Fatalf("move %d (%s): the pane shows\n%s\nwant lines %d–%d of %d:\n%s", n, m,
						strings.Join(p.shown, "\n"), off, off+len(want), len(all), strings.Join(want, "\n"))
				}
			}
		})
	}
}
