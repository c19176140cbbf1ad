package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// TestProblemColumnKeepsItsPlace: the rows drawn before the store's scan
// has found its chronology problems are laid out as those drawn after,
// ↯ aside: the column is there from the start, and no title moves
// sideways when the first problem is found.
func TestProblemColumnKeepsItsPlace(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"160x45", 160, 45}} {
		t.Run(size.name, func(t *testing.T) {
			var held []tea.Msg
			m := New(placed{chronologyStore(t)}, Options{Now: func() time.Time { return noted }})
			d := &driver{t: t, m: m, drop: func(msg tea.Msg) bool {
				if _, ok := msg.(setsMsg); ok {
					held = append(held, msg)
					return true
				}
				return false
			}}
			d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
			d.m.ctx.clip = func(string) (string, error) { return "", errNoClipboardProgram }
			d.run(d.m.Init())
			d.send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
			if len(held) == 0 {
				t.Fatal("the browser did not ask for the chronology's problems")
			}
			before := d.screen()
			d.drop = nil
			for _, msg := range held {
				d.send(msg)
			}
			after := d.screen()
			if !strings.Contains(after, problemSign) {
				t.Fatalf("no problem marked once the scan answered:\n%s", after)
			}
			if unmarked := strings.ReplaceAll(after, problemSign, " "); unmarked != before {
				t.Errorf("the rows moved when the problems were found; before:\n%s\nafter:\n%s", before, after)
			}
			checkSize(t, d.m.View().Content, size.w, size.h)
			golden.RequireEqual(t, after)
		})
	}
}
