package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSearchStepsOneAtATime: while a step is under way, a step asked
// for waits, a later one takes its place, and the latest starts when
// the one under way answers.
func TestSearchStepsOneAtATime(t *testing.T) {
	step := func(name string) tea.Cmd { return func() tea.Msg { return name } }
	ran := func(c tea.Cmd) any {
		if c == nil {
			return nil
		}
		return c()
	}
	var s search
	if got := ran(s.start(step("a"), &s.finding, &s.nextFind)); got != "a" {
		t.Fatalf("with none under way, started %v; want a", got)
	}
	for _, name := range []string{"b", "c"} {
		if got := s.start(step(name), &s.finding, &s.nextFind); got != nil {
			t.Fatalf("with a under way, %s started", name)
		}
	}
	if got := ran(s.start(step("count"), &s.counting, &s.nextCount)); got != "count" {
		t.Errorf("a count waited for a search step: %v", got)
	}
	if got := ran(s.answered(&s.finding, &s.nextFind)); got != "c" || !s.finding {
		t.Fatalf("when a answered, %v started (under way: %v); want c", got, s.finding)
	}
	if got := s.answered(&s.finding, &s.nextFind); got != nil || s.finding {
		t.Fatalf("when c answered, another started, or one is still under way")
	}
}
