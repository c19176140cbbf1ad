package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // notes show their time in the local zone
	code := m.Run()
	stopPGBench()
	// The benchmarks' stores: gigabytes at a million events.
	for _, dir := range []string{benchDir, filepath.Dir(heavyPath)} {
		if dir != "" && dir != "." {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
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
		{"help-80x24", 80, 24, func(d *driver) { d.keys("?", "pgdown") }},
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
			d := newDriver(t, placed{exampleStore(t)}, tt.w, tt.h)
			tt.do(d)
			out := d.screen()
			checkSize(t, d.m.View().Content, tt.w, tt.h)
			golden.RequireEqual(t, out)
		})
	}
}

// placed is a store with the same location on every run, for screens
// that name it.
type placed struct{ model.Store }

func (placed) Location() string { return "cases/nso.db" }

// checkSize asserts that a screen has exactly h lines of at most w cells,
// measured as the renderer measures them unless told otherwise.
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
		if n := ansi.WcWidth.StringWidth(l); n > w {
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
		"sides":   {"C", "G", "tab", "G"},
		"axis":    {"v", "+"},
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

// TestWideTextKeepsColumns lays out titles, tags and quotes in scripts
// whose characters take two cells or none, and checks that the panes'
// divider stays in one column and no line overflows.
func TestWideTextKeepsColumns(t *testing.T) {
	doc := `{"chrono": 1, "title": "調査 · investigation", "events": [
	 {"id": "cjk", "date": "2020-01", "title": "東京で会議が開かれた、長いタイトルが続きます", "tags": ["証拠", "verify"],
	  "quotes": [{"text": "私たちは何も知らなかった。これは長い引用で、折り返しが必要です。私たちは何も知らなかった。"}]},
	 {"id": "emoji", "date": "2020-02", "title": "Family 👨‍👩‍👧‍👦 flag 🇺🇦 thumbs 👍🏽 and more text after them", "tags": ["🔥"]},
	 {"id": "combining", "date": "2020-03", "title": "Cafe\u0301 Zoe\u0308 n\u0303 a\u0300 long combining title that goes on", "summary": "e\u0301e\u0301e\u0301"},
	 {"id": "rtl", "date": "2020-04", "title": "مرحبا بالعالم hello עולם"}
	]}`
	s := storeOf(t, doc)
	// Terminals that cluster graphemes (mode 2027) measure emoji
	// sequences differently from those that count code points.
	for _, method := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for _, size := range [][2]int{{120, 30}, {101, 20}} {
			d := newDriver(t, s, size[0], size[1])
			if method == ansi.GraphemeWidth {
				d.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
			}
			for _, keys := range [][]string{nil, {"j"}, {"j", "j"}, {"G"}} {
				d.keys(keys...)
				view := d.m.View().Content
				lines := strings.Split(view, "\n")
				if len(lines) != size[1] {
					t.Errorf("%d lines, want %d", len(lines), size[1])
				}
				col := -1
				for i, l := range strings.Split(ansi.Strip(view), "\n") {
					if n := method.StringWidth(l); n > size[0] {
						t.Errorf("line %d is %d cells wide", i+1, n)
					}
					at := strings.Index(l, "│")
					if at < 0 || i < 2 || i >= size[1]-2 {
						continue
					}
					c := method.StringWidth(l[:at])
					if col < 0 {
						col = c
					}
					if c != col {
						t.Errorf("%dx%d after %v: line %d has the divider at column %d, want %d:\n%s", size[0], size[1], keys, i+1, c, col, l)
					}
				}
				if col != d.listW() {
					t.Errorf("%dx%d: divider at column %d, want %d", size[0], size[1], col, d.listW())
				}
			}
		}
	}
}
