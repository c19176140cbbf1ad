package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// pagesAsked keeps where each page was asked of a store.
type pagesAsked struct {
	model.Store
	mu    sync.Mutex
	asked []model.PageAt
}

func (s *pagesAsked) Page(q model.Query, at model.PageAt) (model.Page, error) {
	s.mu.Lock()
	s.asked = append(s.asked, at)
	s.mu.Unlock()
	return s.Store.Page(q, at)
}

// countedAgain reports whether a page at the end of the view was asked
// with its place counted.
func (s *pagesAsked) countedAgain() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, at := range s.asked {
		if at.FromEnd && !at.Uncounted {
			return true
		}
	}
	return false
}

// TestLastEventOfAFilteredViewPlacedByItsCount: G in a filtered view
// whose count has come places the last events by it, rather than
// counting the view again (every event walked, on a million a second
// and more); asked while the view is being counted, it goes there once
// the count comes, and another key meanwhile takes it back.
func TestLastEventOfAFilteredViewPlacedByItsCount(t *testing.T) {
	base := exampleStore(t)
	importFiller(t, base, 300, func(i int) string {
		tags := `"tags": ["filler"]`
		if i%3 == 0 {
			tags = `"tags": ["filler", "third"]`
		}
		return fmt.Sprintf(`{"id": "filler-%03d", "date": "2030-%02d-%02d", "title": "Filler %d", %s}`, i, i%12+1, i%28+1, i, tags)
	})
	s := &pagesAsked{Store: base}
	d := newDriver(t, s, 120, 30)
	d.filterBy("third")
	if d.total() != 100 {
		t.Fatalf("the view counts %d events, want 100", d.total())
	}
	last, err := base.Window(d.query(), model.Position{}, true, 1, 0)
	if err != nil || len(last.Rows) != 1 {
		t.Fatalf("the view's last event: %v", err)
	}
	d.keys("G")
	if got, want := d.selected(), last.Rows[0].Event.ID; got != want {
		t.Errorf("G went to %s, want %s", got, want)
	}
	if !strings.Contains(d.screen(), "event 100 of 100") {
		t.Errorf("G's place is not said as the count's:\n%s", d.screen())
	}
	if s.countedAgain() {
		t.Error("G counted the view again, its count known")
	}

	// The view counted again after a change of filter, the count held.
	counting := func(msg tea.Msg) bool { _, ok := msg.(countMsg); return ok }
	d.keys("g")
	d.drop = counting
	d.keys("F")
	d.filterBy("third")
	if d.total() >= 0 {
		t.Fatal("the count came, though held back")
	}
	first := d.selected()
	d.keys("G")
	if d.selected() != first || !strings.Contains(d.status(), "once the view is counted") {
		t.Fatalf("G while counting: on %s, status %q", d.selected(), d.status())
	}
	d.drop = nil
	d.send(countMsg{gen: d.browser().gen, n: 100, all: 313})
	if got, want := d.selected(), last.Rows[0].Event.ID; got != want || !strings.Contains(d.screen(), "event 100 of 100") {
		t.Errorf("once counted, on %s, want %s:\n%s", got, want, d.screen())
	}

	// Another key while counting says where to go instead.
	d.keys("g")
	d.drop = counting
	d.keys("F")
	d.filterBy("third")
	d.keys("G", "j")
	on := d.selected()
	d.drop = nil
	d.send(countMsg{gen: d.browser().gen, n: 100, all: 313})
	if d.selected() != on {
		t.Errorf("the count took the cursor from %s, moved after G, to %s", on, d.selected())
	}
}
