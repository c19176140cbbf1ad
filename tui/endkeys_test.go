package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

var (
	offersDown = regexp.MustCompile(`↓/j\s+down\b`)
	offersUp   = regexp.MustCompile(`↑/k\s+up\b`)
)

// moveKeysOffered says whether ↓/j and ↑/k move from where the cursor
// is, as the screen's bindings say, failing the test when the footer
// offers one that does not; the help lists both wherever the cursor is.
func moveKeysOffered(t *testing.T, d *driver) (down, up bool) {
	t.Helper()
	var k *listKeys
	switch s := d.m.screens[len(d.m.screens)-1].(type) {
	case *browser:
		down, up = s.keys.Down.Enabled(), s.keys.Up.Enabled()
	case *sourcesScreen:
		k = &s.keys.listKeys
	case *trashScreen:
		k = &s.keys.listKeys
	default:
		t.Fatalf("no move keys known for %T", s)
	}
	if k != nil {
		down, up = k.Down.Enabled(), k.Up.Enabled()
	}
	foot := footerOf(d)
	d.keys("?")
	help := d.screen()
	d.keys("esc")
	if !offersDown.MatchString(help) || !offersUp.MatchString(help) {
		t.Errorf("the help does not list both ↓/j and ↑/k:\n%s", help)
	}
	if offersDown.MatchString(foot) && !down {
		t.Errorf("the footer offers ↓/j, which does not move: %q", foot)
	}
	if offersUp.MatchString(foot) && !up {
		t.Errorf("the footer offers ↑/k, which does not move: %q", foot)
	}
	if !offersDown.MatchString(foot) && down && !offersUp.MatchString(foot) {
		t.Errorf("the footer offers no way to move, and ↓/j moves: %q", foot)
	}
	return down, up
}

// ↓/j is offered only where it moves: not on the view's last event, and
// ↑/k not on its first; the footer then offers the way that moves, and
// the help lists both. The
// last event loaded is not the last while the view goes on beyond the
// rows read so far.
func TestMoveKeysOffAtTheEnds(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, exampleStore(t), size[0], size[1])
			check := func(when string, wantDown, wantUp bool) {
				t.Helper()
				down, up := moveKeysOffered(t, d)
				if down != wantDown || up != wantUp {
					t.Errorf("%s: ↓/j offered %v, ↑/k %v; want %v, %v (footer %q)", when, down, up, wantDown, wantUp, footerOf(d))
				}
				if wantUp && !wantDown && !offersUp.MatchString(footerOf(d)) {
					t.Errorf("%s: the footer does not offer ↑/k: %q", when, footerOf(d))
				}
			}
			check("on the first event", true, false)
			d.keys("j")
			check("on the second event", true, true)
			d.keys("G")
			check("on the last event", false, true)
			before := d.selected()
			d.keys("j")
			if d.selected() != before {
				t.Fatalf("j on the last event moved to %s", d.selected())
			}
			d.keys("k")
			check("back from the last event", true, true)

			// A filtered view has its own ends.
			d.filterBy("congress")
			if d.total() < 2 {
				t.Fatalf("the filter selects %d events, want a few", d.total())
			}
			d.keys("g")
			check("on the filter's first event", true, false)
			d.keys("G")
			check("on the filter's last event", false, true)
			d.keys("F")
			d.filterBy("denial")
			if d.total() != 1 {
				t.Fatalf("the filter selects %d events, want one", d.total())
			}
			check("on the only event", false, false)
		})
	}
}

// While the rows beyond the window read so far have not come, its last
// row is not the view's last event: ↓/j stays offered.
func TestMoveKeysOnAtTheEndOfTheRowsRead(t *testing.T) {
	var dates []struct{ id, date string }
	for i := range 300 {
		dates = append(dates, struct{ id, date string }{fmt.Sprintf("e%03d", i), time.Date(2001, 1, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02")})
	}
	d := newDriver(t, datedStore(t, dates), 80, 24)
	d.drop = func(msg tea.Msg) bool { _, more := msg.(extendMsg); return more }
	b := d.browser()
	for range 400 {
		if b.tl.cur == len(b.tl.rows)-1 {
			break
		}
		d.keys("j")
	}
	if b.tl.atEnd || b.tl.cur != len(b.tl.rows)-1 {
		t.Fatalf("the test needs the cursor on the last row read, with more to come: row %d of %d, at the end %v", b.tl.cur, len(b.tl.rows), b.tl.atEnd)
	}
	if !b.keys.Down.Enabled() || !offersDown.MatchString(footerOf(d)) {
		t.Errorf("on the last row read, with more to come, ↓/j is not offered: %q", footerOf(d))
	}
	d.drop = nil
	d.keys("j")
	if b.tl.cur == 0 || !b.keys.Down.Enabled() {
		t.Errorf("j on the last row read did not go on once the rows came")
	}
}

// In the sources pane ↓/j is offered while it selects or scrolls to
// something, and ↑/k likewise.
func TestPaneMoveKeysOffAtItsEnds(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	d.keys("l")
	if down, up := moveKeysOffered(t, d); !down || up {
		t.Errorf("at the top of the pane ↓/j offered %v, ↑/k %v; want only ↓/j", down, up)
	}
	for range 100 {
		if !d.browser().keys.Down.Enabled() {
			break
		}
		d.keys("j")
	}
	if last := paneText(d); strings.HasPrefix(last[len(last)-1], "↓") {
		t.Errorf("j until ↓/j went off left more below:\n%s", strings.Join(last, "\n"))
	}
	if down, up := moveKeysOffered(t, d); down || !up {
		t.Errorf("at the end of the pane ↓/j offered %v, ↑/k %v; want only ↑/k", down, up)
	}
}

// The list screens over the browser (the sources, the trash) offer ↓/j
// and ↑/k only where they move, as the browser does.
func TestListMoveKeysOffAtTheEnds(t *testing.T) {
	s := exampleStore(t)
	if _, _, err := (model.Trash{Events: []string{"nso-mobileum-call", "khashoggi-killed"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	for _, screen := range []string{"S", "D"} {
		t.Run(screen, func(t *testing.T) {
			d := newDriver(t, s, 80, 24)
			d.keys(screen)
			check := func(when string, wantDown, wantUp bool) {
				t.Helper()
				down, up := moveKeysOffered(t, d)
				if down != wantDown || up != wantUp {
					t.Errorf("%s: ↓/j offered %v, ↑/k %v; want %v, %v (footer %q)", when, down, up, wantDown, wantUp, footerOf(d))
				}
			}
			check("on the first row", true, false)
			d.keys("G")
			check("on the last row", false, true)
			if !offersUp.MatchString(footerOf(d)) {
				t.Errorf("on the last row the footer does not offer ↑/k: %q", footerOf(d))
			}
		})
	}
}
