package tui

import "testing"

func TestQuoteKeysInTheSourcesPane(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("tab", "K") // the first quote cannot go up
	if d.status() != "" {
		t.Errorf("K on the first quote: %q", d.status())
	}
	d.keys("J")
	if want := `not saved: move quote 1 of "nso-mobileum-call" to 2`; d.status() != want {
		t.Errorf("J: %q, want %q", d.status(), want)
	}
	d.keys("j", "K")
	if want := `not saved: move quote 2 of "nso-mobileum-call" to 1`; d.status() != want {
		t.Errorf("K: %q, want %q", d.status(), want)
	}
	d.keys("x")
	if want := `not saved: remove quote 2 of "nso-mobileum-call"`; d.status() != want {
		t.Errorf("x: %q, want %q", d.status(), want)
	}
}
