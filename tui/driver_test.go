package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
)

// The tests drive the browser as Bubble Tea would: a message goes to
// Update, the commands it returns run, and their messages go back in,
// until nothing is left to do. The status line's timer never fires, so a
// test sees the screen as it is right after the keys.

// noted is when the tests' notes are written.
var noted = time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)

type driver struct {
	t         testing.TB
	m         *Model
	quit      bool
	clipboard []string
	// drop, when set, says which messages never reach Update (so that a
	// benchmark can leave out work that goes on in the background).
	drop func(tea.Msg) bool
}

// newDriver opens the browser on s at w×h and waits for its first screen.
func newDriver(t *testing.T, s Store, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(s, Options{Now: func() time.Time { return noted }})}
	d.m.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send gives msg to Update and runs what follows from it.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

// run runs cmd and everything it leads to.
func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := call(c)
		if !ok {
			d.t.Fatal("a command did not return: only timers wait, and tests have none")
		}
		if d.drop != nil && d.drop(msg) {
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			d.quit = true
		default:
			if name := reflect.TypeOf(msg).Name(); name == "setClipboardMsg" {
				d.clipboard = append(d.clipboard, fmt.Sprint(msg))
				continue
			}
			_, next := d.m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// call runs a command, giving up on one that hangs.
func call(c tea.Cmd) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(5 * time.Second):
		return nil, false
	}
}

// keys presses keys: single characters, or names such as "enter", "esc",
// "tab", "space", "backspace", "up", "down", "pgdown", "ctrl+s".
func (d *driver) keys(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyPress(k))
	}
}

// typeText types text one character at a time.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
}

func keyPress(k string) tea.KeyPressMsg {
	if c, ok := namedKeys[k]; ok {
		if c == tea.KeySpace {
			return tea.KeyPressMsg{Code: c, Text: " "}
		}
		return tea.KeyPressMsg{Code: c}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is what the terminal shows, without styles.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

// selected is the id of the selected event.
func (d *driver) selected() string {
	row, ok := d.m.tl.selected()
	if !ok {
		return ""
	}
	return row.Event.ID
}

// event reads an event back from the store.
func event(t *testing.T, s Store, id string) model.Event {
	t.Helper()
	d, err := s.Detail(id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Event
}

// exampleStore is a store holding the example investigation.
func exampleStore(t testing.TB) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open("../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := model.Input{Name: "timeline.example.json", Read: func(sink model.Sink) error { return native.Read(f, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// failingStore writes nothing: every change fails, as on a full disk.
type failingStore struct{ Store }

var errDiskFull = errors.New("disk full")

func (failingStore) Retag([]string, []string, []string) ([]model.Change, error) {
	return nil, errDiskFull
}

func (failingStore) RetagEach([]model.TagDelta) ([]model.Change, error) { return nil, errDiskFull }

func (failingStore) AddNote(string, string, time.Time) (model.Change, error) {
	return model.Change{}, errDiskFull
}
