package tui

import "testing"

// TestSourceSavedIsSelected: a source added on the sources screen, which
// the list orders above the cursor, gets the cursor, as does one edited;
// a list read again for another reason keeps the source selected.
func TestSourceSavedIsSelected(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 100, 24)
	d.keys("S")
	screen := func() *sourcesScreen {
		t.Helper()
		sc, ok := d.m.screens[len(d.m.screens)-1].(*sourcesScreen)
		if !ok {
			t.Fatalf("not on the sources screen:\n%s", d.screen())
		}
		return sc
	}
	selected := func() string {
		src, _ := screen().selected()
		return src.ID
	}
	d.keys("j")
	was := selected()
	d.keys("a", "tab")
	d.typeText("Associated Press")
	d.keys("ctrl+s")
	if got := selected(); got != "associated-press" {
		t.Errorf("after adding a source: cursor on %q, want the new one", got)
	}
	d.keys("j", "j")
	if got := selected(); got != was {
		t.Fatalf("cursor on %q, want %q", got, was)
	}
	d.keys("e", "tab", "tab")
	d.typeText(" (edited)")
	d.keys("ctrl+s")
	if got := selected(); got != was {
		t.Errorf("after editing %s: cursor on %q", was, got)
	}
}
