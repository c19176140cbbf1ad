package tui

import (
	"slices"
	"strings"
	"testing"
)

// TestSourcesScreenShowsItsEvents: f on the sources screen goes back to
// the chronology filtered to the selected source's events, in place of
// the filters it had.
func TestSourcesScreenShowsItsEvents(t *testing.T) {
	d := newDriver(t, placed{exampleStore(t)}, 80, 24)
	d.keys("f")
	d.typeText("#doj")
	d.keys("enter")
	d.keys("S")
	sc, ok := d.m.screens[len(d.m.screens)-1].(*sourcesScreen)
	if !ok {
		t.Fatalf("not on the sources screen:\n%s", d.screen())
	}
	src, _ := sc.selected()
	d.keys("f")
	if len(d.m.screens) != 1 {
		t.Fatalf("f stayed on the sources screen:\n%s", d.screen())
	}
	q := d.query()
	if !slices.Equal(q.Sources, []string{src.ID}) || len(q.Tags) > 0 {
		t.Fatalf("after f on %s: query %+v", src.ID, q)
	}
	want := map[string]int{"occupy-democrats": 9, "wapo": 3}[src.ID]
	if d.total() != want {
		t.Errorf("%s: %d events, want %d\n%s", src.ID, d.total(), want, d.screen())
	}
	if !strings.Contains(d.screen(), "filter: source "+src.ID) {
		t.Errorf("the filter bar does not name the source:\n%s", d.screen())
	}
}
