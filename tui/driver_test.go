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
func newDriver(t *testing.T, s model.Store, w, h int) *driver {
	t.Helper()
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }}))
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// startDriver starts m, with a status line whose timer never fires.
func startDriver(t testing.TB, m *Model) *driver {
	d := &driver{t: t, m: m}
	d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	// Nor does y reach the clipboard of whoever runs the tests: it
	// writes OSC 52, which the driver keeps.
	d.m.ctx.clip = func(string) (string, error) { return "", errNoClipboardProgram }
	d.run(d.m.Init())
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
	runCmds(d.t, func(msg tea.Msg) (tea.Cmd, bool) {
		if d.drop != nil && d.drop(msg) {
			return nil, false
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			d.quit = true
			return nil, false
		}
		if name := reflect.TypeOf(msg).Name(); name == "setClipboardMsg" {
			d.clipboard = append(d.clipboard, fmt.Sprint(msg))
			return nil, false
		}
		_, next := d.m.Update(msg)
		return next, false
	}, cmd)
}

// runCmds runs cmds and the commands their messages lead to, as Bubble
// Tea would: the commands of a batch each in turn, and any other message
// to handle, which returns the command it leads to, or stop to end the
// run.
func runCmds(t testing.TB, handle func(tea.Msg) (next tea.Cmd, stop bool), cmds ...tea.Cmd) {
	t.Helper()
	queue := cmds
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := call(c)
		if !ok {
			t.Fatal("a command did not return: only timers wait, and tests have none")
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			next, stop := handle(msg)
			if stop {
				return
			}
			queue = append(queue, next)
		}
	}
}

// patience is how long call waits for a command before taking it for
// hung: 5 seconds, more for benchmarks on a store whose reads are slow.
var patience = 5 * time.Second

// call runs a command, giving up on one that hangs.
func call(c tea.Cmd) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(patience):
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

// goTo goes to a date, as : then the date then enter do.
func (d *driver) goTo(date string) {
	d.t.Helper()
	d.keys(":")
	d.typeText(date)
	d.keys("enter")
}

// to moves the cursor with j, from where it is, to the event id, as an
// investigator looking for it would: a test that needs an event, not a
// place in the order, goes to it so. The test fails if j never gets there.
func (d *driver) to(id string) {
	d.t.Helper()
	for range d.total() + 1 {
		if d.selected() == id {
			return
		}
		d.keys("j")
	}
	d.t.Fatalf("j from the top never selected %s; selected %s", id, d.selected())
}

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	"left": tea.KeyLeft, "right": tea.KeyRight,
}

func keyPress(k string) tea.KeyPressMsg {
	if c, ok := namedKeys[k]; ok {
		if c == tea.KeySpace {
			return tea.KeyPressMsg{Code: c, Text: " "}
		}
		return tea.KeyPressMsg{Code: c}
	}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is what the terminal shows, without styles.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

// The tests read the browser through these accessors, not its fields.

// selected is the id of the selected event.
func (d *driver) selected() string {
	row, ok := d.browser().tl.selected()
	if !ok {
		return ""
	}
	return row.Event.ID
}

// browser is the first screen.
func (d *driver) browser() *browser { return d.m.screens[0].(*browser) }

// status is the status line's message, and whether it is an error.
func (d *driver) status() string  { return d.m.status.text }
func (d *driver) statusErr() bool { return d.m.status.err }

// openDialog is the dialog open, or nil.
func (d *driver) openDialog() Dialog { return d.m.dialog }

// focus is the pane with the keys.
func (d *driver) focus() focus { return d.browser().focus }

// marks are the marked events.
func (d *driver) marks() map[string]bool { return d.browser().marks }

// search is the search's text.
func (d *driver) search() string { return d.browser().search.text }

// query is the view's filters; total how many events it has (-1 until
// counted).
func (d *driver) query() model.Query { return d.browser().query }
func (d *driver) total() int         { return d.browser().tl.total }

// sources is the sources pane.
func (d *driver) sources() *detailPane { return &d.browser().detail }

// zoomed reports whether the sources fill a narrow screen; wide whether
// both panes show; listW is the chronology's width.
func (d *driver) zoomed() bool { return d.browser().zoomed }
func (d *driver) wide() bool   { return d.browser().lay.wide }
func (d *driver) listW() int   { return d.browser().lay.listW }

// undoDepth is how many edits u can take back.
func (d *driver) undoDepth() int { return len(d.m.writes.undo) }

// quitting reports whether the browser waits for writes to quit.
func (d *driver) quitting() bool { return d.m.quitting }

// event reads an event back from the store.
func event(t *testing.T, s model.Store, id string) model.Event {
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

// emptyStore is a new store with no events.
func emptyStore(t testing.TB) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// failingStore writes nothing: every change fails, as on a full disk.
type failingStore struct{ model.Store }

var errDiskFull = errors.New("disk full")

func (failingStore) Write(model.Op, string, func(model.Tx) error) (model.Entry, error) {
	return model.Entry{}, errDiskFull
}

// filterBy sets the filter the picker offers first for word (a tag, a
// status), as f, typing and tab, enter do.
func (d *driver) filterBy(word string) {
	d.keys("f")
	d.typeText(word)
	d.keys("tab", "enter")
}
