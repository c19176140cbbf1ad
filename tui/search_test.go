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
	if got := ran(s.finding.start(step("a"))); got != "a" {
		t.Fatalf("with none under way, started %v; want a", got)
	}
	for _, name := range []string{"b", "c"} {
		if got := s.finding.start(step(name)); got != nil {
			t.Fatalf("with a under way, %s started", name)
		}
	}
	if got := ran(s.counting.start(step("count"))); got != "count" {
		t.Errorf("a count waited for a search step: %v", got)
	}
	if got := ran(s.finding.answered()); got != "c" || !s.finding.flying {
		t.Fatalf("when a answered, %v started (under way: %v); want c", got, s.finding.flying)
	}
	if got := s.finding.answered(); got != nil || s.finding.flying {
		t.Fatalf("when c answered, another started, or one is still under way")
	}
}
