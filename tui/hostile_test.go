package tui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/modeltest"
	"chrono/model/native"
	"chrono/store"
)

// sgr matches the style sequences the browser itself writes; nothing
// else may start with ESC.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// hostileWriteStore fails every write with an error that quotes hostile
// text, as an error about an event might.
type hostileWriteStore struct{ model.Store }

var errHostile = errors.New("event \x1b]52;c;eA==\x07 \u202eevil\u009b2J: disk full")

func (hostileWriteStore) Write(model.Op, string, func(model.Tx) error) (model.Entry, error) {
	return model.Entry{}, errHostile
}

// TestHostileTextOnScreen drives the browser over the hostile fixture
// through every place it shows imported text (the list, the sources pane,
// search, the filter picker, the status line with an error, the window
// title) and checks each frame: the text shows, made visible, and no byte
// a terminal could act on is in it but the browser's own styles.
func TestHostileTextOnScreen(t *testing.T) {
	s := hostileFixtureStore(t)
	d := startDriver(t, New(hostileWriteStore{s}, Options{Now: func() time.Time { return noted }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 60})

	var frames []string
	shot := func(step string) {
		v := d.m.View()
		frames = append(frames, v.Content)
		for what, text := range map[string]string{"frame": v.Content, "window title": v.WindowTitle} {
			plain := sgr.ReplaceAllString(text, "")
			if i := modeltest.TerminalControl(plain, false); i >= 0 {
				t.Errorf("after %s, the %s has %q: %q", step, what, plain[i:min(i+6, len(plain))], plain[max(i-30, 0):min(i+10, len(plain))])
			}
		}
	}
	shot("opening")
	d.keys("tab")
	for range 10 {
		d.keys("pgdown")
	}
	shot("the sources pane")
	d.keys("tab", "j")
	shot("the second event")
	d.keys("/")
	d.typeText("owned")
	d.keys("enter")
	shot("a search")
	d.keys("f")
	shot("the filter picker")
	d.keys("esc", "t")
	d.typeText("flag")
	d.keys("enter")
	shot("a failed write")
	if !strings.Contains(d.screen(), "disk full") {
		t.Error("the failed write's error is not on screen")
	}

	d.keys("esc", "g", "C")
	shot("the accounts side by side")
	if !strings.Contains(d.screen(), "disputed by: Second") {
		t.Error("the accounts side by side do not show the disputing event")
	}

	all := strings.Join(frames, "\n")
	for _, mark := range []string{"␛]52;c;", "␛[2J", "<U+009B>", "<U+202E>", "<U+2066>", "␛P+q", "␛_G", "␇"} {
		if !strings.Contains(all, mark) {
			t.Errorf("no frame shows %q: the text was dropped rather than shown", mark)
		}
	}
	if title := d.m.View().WindowTitle; !strings.Contains(title, "␛]0;owned␇") {
		t.Errorf("window title %q", title)
	}
}

func hostileFixtureStore(t *testing.T) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "hostile.json", Read: func(sink model.Sink) error {
		f, err := os.Open("../testdata/hostile/hostile.json")
		if err != nil {
			return err
		}
		defer f.Close()
		return native.Read(f, sink)
	}}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// A note's author comes from the file as its text does: the question
// that deletes the note (x in the sources pane) names it safely too.
func TestHostileNoteAuthorInTheDeleteQuestion(t *testing.T) {
	s := storeOf(t, `{"chrono": 1, "title": "T", "events": [
 {"id": "a", "title": "A", "date": "2020", "notes": [{"text": "x", "author": "evil\u001b]0;pwned\u0007\u001b[2J"}]}]}`)
	d := newDriver(t, s, 120, 40)
	d.keys("enter", "G", "x")
	if d.openDialog() == nil {
		t.Fatal("x on the note asked nothing")
	}
	if raw := d.m.View().Content; strings.Contains(raw, "\x1b]0;pwned") || strings.Contains(raw, "\x1b[2J") {
		t.Errorf("the note's author's escape sequences reach the terminal in the delete question")
	}
}
