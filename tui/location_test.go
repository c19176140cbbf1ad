package tui

import (
	"strings"
	"testing"
)

// TestStoreNamed checks that the window title and the help name the store
// open, so that two browsers on two stores can be told apart.
func TestStoreNamed(t *testing.T) {
	d := newDriver(t, placed{exampleStore(t)}, 120, 40)
	if title := d.m.View().WindowTitle; !strings.HasSuffix(title, " · cases/nso.db") || !strings.HasPrefix(title, "chrono · NSO Group") {
		t.Errorf("window title %q: want the investigation and the store", title)
	}
	d.keys("?")
	if !strings.Contains(d.screen(), "Store: cases/nso.db") {
		t.Errorf("the help does not name the store:\n%s", d.screen())
	}
}
