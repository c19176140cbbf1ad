package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// fakeEditor sets EDITOR to a script that runs each of steps in turn,
// one per time the editor opens, on the file ($1); it returns the file
// where the script keeps each text it was given.
func fakeEditor(t *testing.T, d *driver, steps ...string) (seen string) {
	t.Helper()
	dir := t.TempDir()
	seen = filepath.Join(dir, "seen")
	script := "#!/bin/sh\nn=$(cat " + dir + "/n 2>/dev/null || echo 0)\nn=$((n+1))\necho $n > " + dir + "/n\ncat \"$1\" >> " + seen + "\necho '=====' >> " + seen + "\ncase $n in\n"
	for i, s := range steps {
		script += "  " + string(rune('1'+i)) + ") " + s + " ;;\n"
	}
	script += "esac\n"
	path := filepath.Join(dir, "editor")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", path)
	// The driver runs the editor at once, with no terminal to hand over.
	d.m.ctx.exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		return func() tea.Msg { return fn(c.Run()) }
	}
	return seen
}

func TestEditorRoundTrip(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	fakeEditor(t, d, `sed -i 's/"title": "NSO offers/"title": "NSO offered/' "$1"`)
	d.keys("ctrl+e")
	if want := `saved “NSO offered Mobileum`; !strings.HasPrefix(d.status(), want) {
		t.Errorf("status %q, want %q…", d.status(), want)
	}
	if e := event(t, s, "nso-mobileum-call"); !strings.HasPrefix(e.Title, "NSO offered") {
		t.Errorf("stored title %q", e.Title)
	}
}

func TestEditorUnchanged(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	fakeEditor(t, d, "true")
	d.keys("ctrl+e")
	if d.status() != "unchanged: nothing to save" {
		t.Errorf("status %q", d.status())
	}
}

func TestEditorReopensWithProblems(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	seen := fakeEditor(t, d,
		`sed -i 's/"date": "2017-08"/"date": "2017-13"/' "$1"`, // a month that is not
		`sed -i 's/"date": "2017-13"/"date": "2017-09"/' "$1"`, // fixed, problems left on top
	)
	d.keys("ctrl+e")
	if got := event(t, s, "nso-mobileum-call").Date.String(); got != "2017-09" {
		t.Errorf("stored date %s, want 2017-09; status %q", got, d.status())
	}
	b, _ := os.ReadFile(seen)
	texts := strings.Split(string(b), "=====\n")
	if len(texts) != 3 {
		t.Fatalf("the editor opened %d times, want 2", len(texts)-1)
	}
	if !strings.HasPrefix(texts[1], "// chrono could not read this event") || !strings.Contains(texts[1], "2017-13") {
		t.Errorf("the second time, the text does not start with its problems:\n%s", texts[1])
	}
}

func TestEditorGivenUp(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	fakeEditor(t, d, `sed -i 's/"title": ".*"/"titel": "x"/' "$1"`, "true")
	d.keys("ctrl+e")
	if d.status() != "edit given up: nothing saved" {
		t.Errorf("status %q", d.status())
	}
}

// meddlingStore lets another process change an event just before the
// browser's first write.
type meddlingStore struct {
	model.Store
	t    testing.TB
	id   string
	done bool
}

func (m *meddlingStore) Write(op model.Op, phrase string, fn func(model.Tx) error) (model.Entry, error) {
	if !m.done {
		m.done = true
		meddle(m.t, m.Store, m.id)
	}
	return m.Store.Write(op, phrase, fn)
}

// TestEditorConflict: an edit from $EDITOR that meets a change made
// meanwhile to other fields keeps both, saying so, as chrono edit does;
// one that meets a change to a field it changed too opens the form on
// what was typed, quotes included.
func TestEditorConflict(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, &meddlingStore{Store: s, t: t, id: "nso-mobileum-call"}, 120, 40)
	fakeEditor(t, d, `sed -i -e 's/"title": "NSO offers/"title": "NSO offered/' -e 's/We drop bags/We drop sacks/' "$1"`)
	d.keys("ctrl+e")
	if d.openDialog() != nil || !strings.Contains(d.status(), "kept beside yours: status, changed meanwhile by another change") {
		t.Fatalf("an edit beside another's: %T, status %q", d.openDialog(), d.status())
	}
	e := event(t, s, "nso-mobileum-call")
	if !strings.HasPrefix(e.Title, "NSO offered") || e.Status != model.Confirmed || !strings.Contains(e.Quotes[1].Text, "sacks") {
		t.Errorf("saved %q, %q, quote %q; status line %q", e.Title, e.Status, e.Quotes[1].Text, d.status())
	}

	// The same field both ways: the form, on what was typed.
	if _, err := s.Write(model.OpEdit, "set back", func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, "nso-mobileum-call", func(e *model.Event) error { e.Status = model.Alleged; return nil })
		return err
	}); err != nil {
		t.Fatal(err)
	}
	d = newDriver(t, &meddlingStore{Store: s, t: t, id: "nso-mobileum-call"}, 120, 40)
	d.to("nso-mobileum-call")
	fakeEditor(t, d, `sed -i -e 's/"status": "alleged"/"status": "disputed"/' -e 's/We drop sacks/We drop bags/' "$1"`)
	d.keys("ctrl+e")
	f, ok := d.openDialog().(*eventForm)
	if !ok {
		t.Fatalf("no form on the conflict; status %q", d.status())
	}
	if got := formStatuses[f.status]; got != model.Disputed {
		t.Errorf("the status typed is lost: %q", got)
	}
	d.keys("ctrl+o", "ctrl+s")
	e = event(t, s, "nso-mobileum-call")
	if e.Status != model.Disputed || !strings.Contains(e.Quotes[1].Text, "bags") {
		t.Errorf("saved %q, quote %q; status line %q", e.Status, e.Quotes[1].Text, d.status())
	}
}
