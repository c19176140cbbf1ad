package tui

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// panickyStore panics, with hostile text, when the sources pane loads.
type panickyStore struct{ model.Store }

func (panickyStore) Detail(string) (model.Detail, error) {
	panic("bad page \x1b]52;c;cm0gLXJmIH4=\x07 \u202eevil")
}

// panickyModel panics in View.
type panickyModel struct{}

func (panickyModel) Init() tea.Cmd                         { return nil }
func (m panickyModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (panickyModel) View() tea.View                        { panic("view \x1b[2J") }

// panickyKeys panics in Update at a key, as a widget with a bug may.
type panickyKeys struct{}

func (panickyKeys) Init() tea.Cmd { return nil }
func (m panickyKeys) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("index out of range")
	}
	return m, nil
}
func (panickyKeys) View() tea.View { return tea.NewView("ok") }

// TestGuardEndsThePanickingBrowserCleanly: a panic in a command or in
// View ends the program through tea.Quit (so the terminal is restored) and
// becomes an error with no control characters in it; the stack goes to a
// file.
func TestGuardEndsThePanickingBrowserCleanly(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	g := &guard{m: New(panickyStore{exampleStore(t)}, Options{Now: func() time.Time { return noted }})}
	if !runGuard(t, g, tea.WindowSizeMsg{Width: 100, Height: 30}) {
		t.Fatal("the browser went on after a command panicked")
	}
	checkCrashError(t, g)

	quit := make(chan struct{})
	g = &guard{m: panickyModel{}, quit: func() { close(quit) }}
	_ = g.View()
	select {
	case <-quit:
	case <-time.After(5 * time.Second):
		t.Error("a panic in View did not end the program")
	}
	checkCrashError(t, g)
}

// runGuard runs g as Bubble Tea would until it quits or nothing is left.
func runGuard(t *testing.T, g *guard, first tea.Msg) (quit bool) {
	t.Helper()
	runCmds(t, func(msg tea.Msg) (tea.Cmd, bool) {
		if _, quit = msg.(tea.QuitMsg); quit {
			return nil, true
		}
		_, next := g.Update(msg)
		_ = g.View()
		return next, false
	}, g.Init(), func() tea.Msg { return first })
	return quit
}

func checkCrashError(t *testing.T, g *guard) {
	t.Helper()
	err := g.err()
	if err == nil {
		t.Fatal("no error after a panic")
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\x1b\x07\u202e") || !strings.Contains(msg, "internal error") {
		t.Errorf("error %q: want a sanitized internal error", msg)
	}
	i := strings.Index(msg, "details are in ")
	if i < 0 {
		t.Fatalf("error %q does not say where the details are", msg)
	}
	path := strings.TrimSuffix(msg[i+len("details are in "):], " for a bug report")
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "goroutine") {
		t.Errorf("the details file %s: %v", path, err)
	}
}

// TestGuardQuitsARealProgram: a panic in View ends a real Bubble Tea
// program (View runs on its event loop, so quitting from there must not
// wait on that loop).
func TestGuardQuitsARealProgram(t *testing.T) {
	g := &guard{m: panickyModel{}}
	runGuarded(t, g, "View")
	checkCrashError(t, g)
}

// runGuarded runs g as a real program, sends it msgs, and returns what
// the program's Run returned, failing when it does not end, as a panic
// in where should end it.
func runGuarded(t *testing.T, g *guard, where string, msgs ...tea.Msg) error {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	p := tea.NewProgram(g, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	g.quit = p.Quit
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	for _, msg := range msgs {
		p.Send(msg)
	}
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		p.Kill()
		t.Fatalf("the program did not end after %s panicked", where)
		return nil
	}
}

// TestGuardQuitsARealProgramOnAKey: a panic in Update, at a key, ends a
// real program through the guard, not through Bubble Tea's own handler,
// which prints a stack trace on the terminal.
func TestGuardQuitsARealProgramOnAKey(t *testing.T) {
	g := &guard{m: panickyKeys{}}
	if err := runGuarded(t, g, "Update", tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt}); errors.Is(err, tea.ErrProgramPanic) {
		t.Errorf("Bubble Tea caught a panic the guard should have: %v", err)
	}
	checkCrashError(t, g)
}
