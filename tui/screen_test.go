package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // notes show their time in the local zone
	os.Exit(m.Run())
}

// TestScreens compares whole screens with testdata/TestScreens/*.golden
// (go test ./tui -update rewrites them).
func TestScreens(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		do   func(d *driver)
	}{
		{"first", 120, 40, func(d *driver) {}},
		{"bottom", 120, 40, func(d *driver) { d.keys("G") }},
		{"bags-of-cash", 120, 40, func(d *driver) {
			// The August 2017 call, its sources pane focused on the quote.
			d.keys("enter", "j")
		}},
		{"tagged", 120, 40, func(d *driver) {
			d.keys("j", "t")
			d.typeText("verify")
			d.keys("enter")
		}},
		{"filter", 120, 40, func(d *driver) {
			d.keys("f")
			d.typeText("cong")
			d.keys("enter")
		}},
		{"filter-picker", 120, 40, func(d *driver) { d.keys("f", "down", "tab") }},
		{"help", 120, 40, func(d *driver) { d.keys("?") }},
		{"narrow", 60, 20, func(d *driver) {}},
		{"narrow-sources", 60, 20, func(d *driver) { d.keys("enter") }},
		{"search", 120, 40, func(d *driver) {
			d.keys("/")
			d.typeText("lieu")
			d.keys("enter")
		}},
		{"marked", 120, 40, func(d *driver) { d.keys("space", "space", "2") }},
		{"note", 120, 40, func(d *driver) {
			d.keys("a")
			d.typeText("Ask Mobileum for the call's minutes.")
			d.keys("ctrl+s")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, exampleStore(t), tt.w, tt.h)
			tt.do(d)
			out := d.screen()
			checkSize(t, d.m.View().Content, tt.w, tt.h)
			golden.RequireEqual(t, out)
		})
	}
}

// checkSize asserts that a screen has exactly h lines of at most w cells.
func checkSize(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if screen == "" {
		lines = nil
	}
	if len(lines) != h {
		t.Errorf("%d×%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%d×%d: line %d is %d cells wide: %q", w, h, i+1, n, ansi.Strip(l))
		}
	}
}

// TestEverySize renders every size from 1×1 up, in every mode, without a
// panic or a line wider than the terminal.
func TestEverySize(t *testing.T) {
	s := exampleStore(t)
	modes := map[string][]string{
		"list":    nil,
		"sources": {"j", "enter", "j"},
		"help":    {"?"},
		"picker":  {"f"},
		"prompt":  {"t"},
		"note":    {"a"},
	}
	for name, keys := range modes {
		d := newDriver(t, s, 80, 24)
		d.keys(keys...)
		for w := 1; w <= 130; w += 1 + w/10 {
			for h := 1; h <= 45; h += 1 + h/8 {
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				checkSize(t, d.m.View().Content, w, h)
				if t.Failed() {
					t.Fatalf("mode %s", name)
				}
			}
		}
	}
}
