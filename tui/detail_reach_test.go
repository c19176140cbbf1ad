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

// tallStore holds an event whose heading, one quote and one note are
// each taller than the pane, between two ordinary events.
func tallStore(t *testing.T) model.Store {
	t.Helper()
	tl := model.Timeline{Header: model.Header{Title: "Tall"}}
	tl.Sources = []model.Source{{ID: "src", Title: "The inquiry's record", URL: "https://example.org/record"}}
	long := func(what string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s sentence %d goes on for a while so that it wraps. ", what, i+1)
		}
		return b.String()
	}
	e := model.Event{
		ID: "tall", Title: "The event of tall text", Summary: long("Summary", 40),
		Date:   model.MustParseDate("2008-06-15"),
		Links:  []model.Link{{Rel: model.Disputes, Event: "before"}, {Rel: model.Supports, Event: "after"}},
		Notes:  []model.Note{{Text: "a short note", At: noted}, {Text: long("Note", 30), At: noted}},
		Quotes: []model.Quote{{Text: "a short quote", Source: "src"}, {Text: long("Quote", 40), Speaker: "A witness", Source: "src"}, {Text: "the last quote", Source: "src"}},
	}
	tl.Events = []model.Event{
		{ID: "before", Title: "Before", Date: model.MustParseDate("2008-06-14")},
		e,
		{ID: "after", Title: "After", Date: model.MustParseDate("2008-06-16")},
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "tall.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "tall", Read: func(sink model.Sink) error { return model.Feed(tl, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// paneSpan is where the pane's screen begins in its whole text, and how
// many lines the whole text has.
func paneSpan(p *detailPane) (top, total int) {
	for k := range p.nblocks() {
		n := len(p.lines(k))
		if k < p.top.blk {
			top += n
		}
		total += n
	}
	return top + p.top.line, total
}

// In the sources pane j and k reach every line of the event: j reads
// down to the latest changes, through a heading, a quote or a note
// taller than the pane, and k reads back up to the event's heading.
// While the pane is scrolled from its first line, that line says there
// is more above, as its last says what is below.
func TestPaneLinesAllReachedWithUpAndDown(t *testing.T) {
	cases := []struct {
		name  string
		store func(*testing.T) model.Store
		at    string
	}{
		{"example", func(t *testing.T) model.Store { return exampleStore(t) }, ""},
		{"tall", tallStore, "2008-06-15"},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {160, 45}} {
			t.Run(fmt.Sprintf("%s-%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				d := newDriver(t, c.store(t), size[0], size[1])
				if c.at != "" {
					d.goTo(c.at)
				}
				d.keys("l")
				p := d.sources()
				_, total := paneSpan(p)
				seen := make([]bool, total)
				told := false // the marker is said wrong once, not on every key
				look := func(key string) {
					t.Helper()
					top, _ := paneSpan(p)
					for i := range p.shown {
						seen[top+i] = true
					}
					lines := paneText(d)
					scrolled := !p.atTop()
					if above := strings.HasPrefix(lines[0], "↑ more"); above != scrolled && !told {
						told = true
						t.Errorf("after %s, scrolled %v, the pane's first line is %q", key, scrolled, lines[0])
					}
					for i, l := range lines[1:] {
						if strings.Contains(l, "↑") && !told {
							told = true
							t.Errorf("after %s, line %d says what is above: %q", key, i+2, l)
						}
					}
				}
				look("l")
				presses := total + p.count() + 2
				for range presses {
					d.keys("j")
					look("j")
				}
				if last := paneText(d); strings.HasPrefix(last[len(last)-1], "↓") {
					t.Errorf("j %d times left more below:\n%s", presses, strings.Join(last, "\n"))
				}
				for range presses {
					d.keys("k")
					look("k")
				}
				if !p.atTop() {
					t.Errorf("k %d times did not come back to the top:\n%s", presses, strings.Join(paneText(d), "\n"))
				}
				if got, want := paneText(d)[0], p.d.Event.Title; !strings.HasPrefix(want, strings.TrimSuffix(got, "…")) {
					t.Errorf("back at the top the pane begins %q, want the event's title %q", got, want)
				}
				var missed []int
				for i, ok := range seen {
					if !ok {
						missed = append(missed, i)
					}
				}
				if len(missed) > 0 {
					t.Errorf("j and k never showed lines %v of %d", missed, total)
				}
			})
		}
	}
}

// What is above is said as what is below is: the items wholly above the
// screen, counted.
func TestPaneSaysWhatIsAbove(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("l", "G")
	lines := paneText(d)
	// The first quote is above; the second ends on screen.
	if got, want := lines[0], "↑ more: 1 quote"; got != want {
		t.Errorf("at the end of the pane its first line is %q, want %q:\n%s", got, want, strings.Join(lines, "\n"))
	}
	d.keys("g")
	for i, l := range paneText(d) {
		if strings.Contains(l, "↑") {
			t.Errorf("at the top line %d says there is more above: %q", i+1, l)
		}
	}
}

// A click on a pane scrolled from its top selects the item on the line
// clicked, under the line that says what is above; a click on that line,
// or on a heading, selects nothing.
func TestClickOnAScrolledPane(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	d.keys("l", "G")
	p := d.sources()
	lines := paneText(d)
	heading := slices.Index(lines, "links · enter follows")
	if !strings.HasPrefix(lines[0], "↑ more") || heading < 0 || heading+3 >= len(lines) ||
		!strings.HasPrefix(lines[heading+1], "  disputed by: ") || !strings.HasPrefix(lines[heading+2], "  ") || strings.Contains(lines[heading+2], ": ") ||
		!strings.HasPrefix(lines[heading+3], "  precedes: ") {
		t.Fatalf("the test needs the pane scrolled, with the first link on two lines:\n%s", strings.Join(lines, "\n"))
	}
	// The pane's lines start under the header, the ruler and its title.
	click := func(row int) {
		d.send(tea.MouseClickMsg{X: d.listW() + 5, Y: 3 + row, Button: tea.MouseLeft})
		d.keys("esc", "l") // not a double click, which would follow a link
	}
	sel := p.sel
	for _, row := range []int{0, heading} {
		click(row)
		if p.sel != sel {
			t.Errorf("a click on %q selected item %d, was %d", lines[row], p.sel, sel)
		}
	}
	click(heading + 2)
	if r, ok := p.link(); !ok || r.Event != "nso-denial" {
		t.Errorf("a click on the second line of the link to nso-denial selected item %d (%+v, %v)", p.sel, r, ok)
	}
}
