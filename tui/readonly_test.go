package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// noWrites is a store the browser must not write to: every write fails
// the test.
type noWrites struct {
	model.Store
	t *testing.T
}

func (s noWrites) Write(op model.Op, phrase string, _ func(model.Tx) error) (model.Entry, error) {
	s.t.Errorf("the browser wrote %q to a read-only store", phrase)
	return model.Entry{}, model.ErrReadOnly
}

func (s noWrites) Import([]model.Input, model.ImportOptions) ([]model.ImportResult, error) {
	s.t.Error("the browser imported into a read-only store")
	return nil, model.ErrReadOnly
}

// TestReadOnlyStore: on a store that cannot be written the header says
// read-only, every key that would change the investigation says why it
// cannot instead of opening a form or writing, and reading goes on.
func TestReadOnlyStore(t *testing.T) {
	const why = "store /cases/nso.db is read-only (file mode 0444): nothing was changed"
	s := noWrites{exampleStore(t), t}
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }, ReadOnly: why}))
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if header := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(header, "read-only") {
		t.Errorf("the header does not say read-only: %q", header)
	}
	refused := func(where string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			d.m.status.text, d.m.status.err = "", false
			d.keys(k)
			if d.openDialog() != nil {
				t.Errorf("%s: %s opened %T on a read-only store", where, k, d.openDialog())
				d.keys("esc")
			}
			if d.status() != why || !d.statusErr() {
				t.Errorf("%s: %s said %q (error %v); want %q", where, k, d.status(), d.statusErr(), why)
			}
		}
	}
	// The keys of changes are not offered, as to a reader: the footer
	// and the help offered them, each refused when pressed.
	if foot := footerOf(d); strings.Contains(foot, "add tags") || strings.Contains(foot, "annotate") {
		t.Errorf("the footer offers changes: %q", foot)
	}
	d.keys("?")
	if help := d.screen(); strings.Contains(help, "add an event") || strings.Contains(help, "add tags") || !strings.Contains(help, "search") {
		t.Errorf("the help offers changes:\n%s", help)
	}
	d.keys("esc")
	refused("the timeline", "t", "1", "a", "A", "E", "ctrl+e", "L", "I", "d", "u", "U")
	d.keys("tab") // the sources pane
	refused("the sources pane", "Q")
	d.keys("tab", "S") // the sources screen
	refused("the sources screen", "a", "e", "x")
	d.keys("q")

	// Reading goes on: search, filter, help.
	for _, k := range []string{"/", "f", "?"} {
		d.keys(k)
		if d.openDialog() == nil {
			t.Errorf("%s opened nothing on a read-only store", k)
		}
		d.keys("esc")
	}
	if header := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(header, "read-only") {
		t.Errorf("the header no longer says read-only: %q", header)
	}
}
