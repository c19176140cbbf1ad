package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestFilterPickerBySource: the picker offers each source cited, with
// how many events cite it, named by its id and its citation, so that
// typing the publisher finds it; choosing it shows the events quoting the
// source and those whose date it anchors, and the filter bar names it.
// Screens in testdata/TestFilterPickerBySource/*.golden, at 160×45 and
// 80×24.
func TestFilterPickerBySource(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {80, 24}} {
		t.Run(sizeName(size), func(t *testing.T) {
			d := newDriver(t, placed{exampleStore(t)}, size[0], size[1])
			d.keys("f")
			d.typeText("washington")
			t.Run("picker", func(t *testing.T) {
				checkSize(t, d.m.View().Content, size[0], size[1])
				golden.RequireEqual(t, d.screen())
			})
			d.keys("down", "enter")
			// The Post anchors "last year" in miller-contacts-lieu, which
			// quotes only the rewrite.
			if q := d.query(); !slices.Equal(q.Sources, []string{"wapo"}) || d.total() != 3 {
				t.Fatalf("after choosing wapo: query %+v, %d events\n%s", q, d.total(), d.screen())
			}
			t.Run("filtered", func(t *testing.T) {
				checkSize(t, d.m.View().Content, size[0], size[1])
				golden.RequireEqual(t, d.screen())
			})
			if !strings.Contains(d.screen(), "filter: source wapo") {
				t.Errorf("the filter bar does not name the source:\n%s", d.screen())
			}
			d.keys("f")
			d.typeText("wapo")
			if !strings.Contains(d.screen(), "[x] source") {
				t.Errorf("the picker opened on the filter does not show wapo chosen:\n%s", d.screen())
			}
		})
	}
}
