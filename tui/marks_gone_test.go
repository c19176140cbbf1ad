package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestAMarkOnAnEventTrashedElsewhereGoes: a marked event another process
// moves to the trash leaves the marks when the browser hears of it, and
// the keys that act on the marks act on the others. Before, its mark
// stayed ("2 marked" over one marked row), and every t, T, digit and d
// on the marks was refused for the event in the trash until esc.
func TestAMarkOnAnEventTrashedElsewhereGoes(t *testing.T) {
	s := exampleStore(t)
	now := noted
	d := startDriver(t, New(s, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.to("nso-mobileum-call")
	d.keys("space")
	d.to("apple-sues-nso")
	d.keys("space")
	if len(d.marks()) != 2 {
		t.Fatalf("marks %v, want two", d.marks())
	}
	if _, _, err := (model.Trash{Events: []string{"nso-mobileum-call"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	now = now.Add(versionEvery)
	d.keys("k", "j") // the version is asked, and the change taken in
	if marks := d.marks(); len(marks) != 1 || !marks["apple-sues-nso"] {
		t.Errorf("marks %v, want only apple-sues-nso's\n%s", marks, d.screen())
	}
	if strings.Contains(d.screen(), "2 marked") {
		t.Errorf("the header counts the event in the trash:\n%s", d.screen())
	}
	d.keys("2") // #verify on the marked events
	if d.statusErr() {
		t.Errorf("the quick tag on the marks was refused: %s", d.status())
	}
	if tags := event(t, s, "apple-sues-nso").Tags; !slices.Contains(tags, "verify") {
		t.Errorf("apple-sues-nso's tags %v, want #verify", tags)
	}
}
