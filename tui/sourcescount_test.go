package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSourcesListWithoutWaitingForTheCount: the sources screen lists the
// sources before the quotes citing each are counted, a walk of every
// event that takes seconds in a large investigation; until the count
// comes its column says so, and x, which depends on it, is not offered.
func TestSourcesListWithoutWaitingForTheCount(t *testing.T) {
	d := newDriver(t, exampleStore(t), 100, 24)
	d.drop = func(msg tea.Msg) bool { return reflect.TypeOf(msg).Name() == "citesMsg" }
	d.keys("S")
	screen := d.screen()
	if rowOf(screen, "Craig Timberg") == "" {
		t.Fatalf("the sources are not listed before the count:\n%s", screen)
	}
	if quotesOf(screen, "Craig Timberg") != "…" || strings.Contains(footerOf(d), "x remove") {
		t.Errorf("not counted yet, the row shows a count or x is offered:\n%s", screen)
	}
	d.keys("esc")
	d.drop = nil
	d.keys("S")
	screen = d.screen()
	if quotesOf(screen, "Craig Timberg") != "6" {
		t.Errorf("counted, the row shows no count:\n%s", screen)
	}
}

// quotesOf is the Quotes column of the sources screen's row that holds
// text.
func quotesOf(screen, text string) string {
	f := strings.Fields(strings.TrimLeft(rowOf(screen, text), "› "))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
