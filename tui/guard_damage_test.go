package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// faultAt is a panic's value as the runtime makes it for a fault at an
// address, under debug.SetPanicOnFault: only a store's memory map is read
// so, and a fault in it is the file's damage.
type faultAt uintptr

func (f faultAt) Error() string {
	return "runtime error: invalid memory address or nil pointer dereference"
}
func (f faultAt) RuntimeError() {}
func (f faultAt) Addr() uintptr { return uintptr(f) }

// damagedStore panics, as a damaged store that got past its own guard
// would, when the sources pane loads.
type damagedStore struct {
	model.Store
	value any
}

func (s damagedStore) Detail(string) (model.Detail, error) { panic(s.value) }

// TestGuardKeepsTheBrowserOnDamage: a store's damage that reaches the
// guard as a panic (a fault in the memory map, or an error that is
// model.ErrDamaged) does not end the browser with an internal error: it
// is said on the status line, in the damage message's form, and the
// browser goes on.
func TestGuardKeepsTheBrowserOnDamage(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	for _, c := range []struct {
		name  string
		value any
		want  string
	}{
		{"a fault", faultAt(0x7f0e42e6e916), "is damaged (reading it faulted"},
		{"a damage error", fmt.Errorf("store x.db is %w (event \"e\": its title is cut short): nothing was changed; restore it from a backup", model.ErrDamaged), `is damaged (event "e": its title is cut short)`},
	} {
		s := exampleStore(t)
		m := New(damagedStore{s, c.value}, Options{Now: func() time.Time { return noted }})
		g := &guard{m: m, location: s.Location()}
		if runGuard(t, g, tea.WindowSizeMsg{Width: 100, Height: 30}) {
			t.Errorf("%s: the browser ended", c.name)
		}
		if err := g.err(); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if !strings.Contains(m.status.text, c.want) || !strings.Contains(m.status.text, "nothing was changed; restore it from a backup") || !m.status.err {
			t.Errorf("%s: the status line says %q, want an error with %q", c.name, m.status.text, c.want)
		}
	}
	var notDamage = errors.New("a bug")
	g := &guard{m: New(damagedStore{exampleStore(t), notDamage}, Options{Now: func() time.Time { return noted }})}
	if !runGuard(t, g, tea.WindowSizeMsg{Width: 100, Height: 30}) {
		t.Error("a panic that is not damage did not end the browser")
	}
}
