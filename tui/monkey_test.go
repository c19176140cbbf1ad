package tui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/store"
)

// The monkey test drives the browser with thousands of random messages
// (keys, mouse, pastes, resizes) over the example and over a hostile
// investigation, and checks every frame: no panic, exactly the screen's
// height, no line wider than its width as the terminal measures it.

// monkeySizes are the sizes a resize picks from, besides random ones; the
// last is clamped.
var monkeySizes = [][2]int{{0, 0}, {1, 1}, {3, 3}, {20, 5}, {80, 24}, {120, 40}, {300, 100}, {10000, 10000}}

func TestMonkey(t *testing.T) {
	t.Setenv("BROWSER", "true") // o opens URLs with a command that does nothing
	stores := map[string]func(t *testing.T) model.Store{
		"example": func(t *testing.T) model.Store { return exampleStore(t) },
		"hostile": hostileStore,
	}
	steps := 1500 // each: 6,000 messages in all
	if testing.Short() {
		steps = 300
	}
	for name, open := range stores {
		for _, grapheme := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/grapheme=%v", name, grapheme), func(t *testing.T) {
				monkey(t, open(t), uint64(len(name)), steps, grapheme)
			})
		}
	}
}

func monkey(t *testing.T, s model.Store, seed uint64, steps int, grapheme bool) {
	rng := rand.New(rand.NewPCG(seed, 7))
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }}))
	cells := ansi.WcWidth
	if grapheme {
		d.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
		cells = ansi.GraphemeWidth
	}
	w, h := 120, 40
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	var trail []string // the last messages, to replay a failure by hand
	for i := range steps {
		msg := monkeyMsg(rng, w, h)
		if size, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = clampSize(size.Width, size.Height)
		}
		trail = append(trail, fmt.Sprintf("%T%+v", msg, msg))
		if len(trail) > 12 {
			trail = trail[1:]
		}
		d.send(msg)
		frame := d.m.View().Content
		if problem := checkFrame(frame, w, h, cells); problem != "" {
			t.Fatalf("step %d at %d×%d: %s\nlast messages:\n%s\nframe:\n%s", i, w, h, problem, strings.Join(trail, "\n"), frame)
		}
	}
}

// checkFrame returns what is wrong with a frame for a w×h screen, or "".
func checkFrame(frame string, w, h int, cells ansi.Method) string {
	if w == 0 || h == 0 {
		if frame != "" {
			return "a frame on a screen of no size"
		}
		return ""
	}
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		return fmt.Sprintf("%d lines, want %d", len(lines), h)
	}
	for n, line := range lines {
		if cw := cells.StringWidth(line); cw > w {
			return fmt.Sprintf("line %d is %d cells wide, more than %d: %q", n+1, cw, w, line)
		}
		if strings.ContainsAny(ansi.Strip(line), "\x1b\x07\r\t\u009b\u202e\u2066") {
			return fmt.Sprintf("line %d has a raw control character: %q", n+1, line)
		}
	}
	return ""
}

var monkeyKeys = []string{
	"j", "k", "g", "G", "[", "]", ":", "/", "n", "N", "f", "F", "t", "T", "space", "u", "a", "1", "2", "3",
	"y", "o", "?", "tab", "enter", "esc", "backspace", "up", "down", "pgup", "pgdown", "home", "end",
	"ctrl+d", "ctrl+u", "ctrl+s", "x", "2", "0", "-", "q",
}

func monkeyMsg(rng *rand.Rand, w, h int) tea.Msg {
	switch n := rng.IntN(100); {
	case n < 70:
		return keyPress(monkeyKeys[rng.IntN(len(monkeyKeys))])
	case n < 78:
		runes := []rune("aé漢😀\u0301\u05d0\t\x1b\u202e ")
		r := runes[rng.IntN(len(runes))]
		return tea.KeyPressMsg{Code: r, Text: string(r)}
	case n < 86:
		m := tea.Mouse{X: rng.IntN(w + 2), Y: rng.IntN(h + 2), Button: tea.MouseLeft}
		switch rng.IntN(3) {
		case 0:
			return tea.MouseClickMsg(m)
		case 1:
			m.Button = tea.MouseWheelUp
			return tea.MouseWheelMsg(m)
		default:
			m.Button = tea.MouseWheelDown
			return tea.MouseWheelMsg(m)
		}
	case n < 92:
		return tea.PasteMsg{Content: hostileText(rng, rng.IntN(300))}
	case n < 97:
		s := monkeySizes[rng.IntN(len(monkeySizes))]
		return tea.WindowSizeMsg{Width: s[0], Height: s[1]}
	default:
		return tea.WindowSizeMsg{Width: rng.IntN(400), Height: rng.IntN(150)}
	}
}

// hostilePieces are the kinds of text that break layouts and terminals.
var hostilePieces = []string{
	"plain words ", "漢字の見出し", "👩‍👩‍👧‍👦", "🇺🇦", "e\u0301\u0301\u0301", "שלום עולם ", "مرحبا ", "\t", "\n",
	"\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b[31m", "\u009b2J", "\u202e", "\u2066", "\x1bP+q\x1b\\", "\x1b_apc",
	"\x00", "\x7f", "\r", "\u200b", "\ufeff", "ｆｕｌｌ", "\u0e01\u0e33", "a\u20dd",
}

func hostileText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(hostilePieces[rng.IntN(len(hostilePieces))])
	}
	return b.String()
}

// hostileStore is an investigation built to break a terminal UI:
// 10,000-character titles and quotes, every script and control, empty
// fields and undated events.
func hostileStore(t *testing.T) model.Store {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	tl := model.Timeline{Header: model.Header{Title: "Hostile " + hostileText(rng, 200)}}
	tl.Sources = []model.Source{{ID: "src", Title: hostileText(rng, 300), URL: "javascript:alert(1)\x1b]8;;x"}}
	dates := []string{"", "2017", "2017-08", "2017-08-14", "../2021", "2019/..", "2021?", "-0043"}
	for i := range 60 {
		e := model.Event{
			ID:    fmt.Sprintf("h%02d", i),
			Title: hostileText(rng, []int{1, 40, 10_000}[i%3]),
			Tags:  []string{"x", fmt.Sprintf("tag-%d", i%4)},
		}
		if strings.TrimSpace(e.Title) == "" || strings.TrimSpace(e.Title) != e.Title {
			e.Title = "T" + e.Title + "T"
		}
		if dates[i%len(dates)] != "" {
			e.Date = model.MustParseDate(dates[i%len(dates)])
		}
		if i%2 == 0 {
			e.Summary = hostileText(rng, 2000)
			// An actor may hold any control but NUL, which a database
			// cannot keep in a name.
			e.Actors = []string{"A" + strings.ReplaceAll(hostileText(rng, 30), "\x00", "")}
			e.Quotes = []model.Quote{{Text: "Q" + hostileText(rng, 10_000), Speaker: "S" + hostileText(rng, 20), Source: "src"}}
			e.Notes = []model.Note{{Text: "N" + hostileText(rng, 500), At: noted}}
		}
		tl.Events = append(tl.Events, e)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "hostile.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "hostile", Read: func(sink model.Sink) error { return model.Feed(tl, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}
