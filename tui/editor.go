package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/native"
)

// The $EDITOR round trip: the selected event, whole, as chrono JSON in
// the investigator's editor, with the browser suspended. What comes back
// is read as strictly as an import; when it cannot be read, the editor
// opens again on the same text with the problems at its top, as
// `kubectl edit` does. Every step that touches a file or a process is a
// command; the browser only passes the session from one to the next.

// editSession is one round trip: the file, the event as it was, and the
// texts written into the file.
type editSession struct {
	path     string
	base     model.Event
	original []byte // the event as first written
	written  []byte // what the file held when the editor last opened
}

// editorOpenMsg says the file is written, ready for the editor.
type editorOpenMsg struct {
	ed  editSession
	err error
}

// editorExitMsg says the editor has exited.
type editorExitMsg struct {
	ed  editSession
	err error
}

// editorReadMsg brings what the editor left in the file.
type editorReadMsg struct {
	ed   editSession
	text []byte
	err  error
}

// execer runs a program with the terminal, the browser suspended:
// tea.ExecProcess, or a stand-in for tests.
type execer func(*exec.Cmd, tea.ExecCallback) tea.Cmd

// startEditing writes an event to a file of its own for the editor.
func startEditing(e model.Event) tea.Cmd {
	return func() tea.Msg {
		var b bytes.Buffer
		if err := native.WriteEvent(&b, e); err != nil {
			return editorOpenMsg{err: err}
		}
		f, err := os.CreateTemp("", "chrono-"+model.Slug(e.ID)+"-*.json")
		if err != nil {
			return editorOpenMsg{err: err}
		}
		ed := editSession{path: f.Name(), base: e, original: b.Bytes(), written: b.Bytes()}
		_, err = f.Write(b.Bytes())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return editorOpenMsg{ed: ed, err: err}
	}
}

// editorCommand is $VISUAL, else $EDITOR, else vi, with the file's path
// after the words of the variable ("code --wait").
func editorCommand(path string) *exec.Cmd {
	words := strings.Fields(os.Getenv("VISUAL"))
	if len(words) == 0 {
		words = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(words) == 0 {
		words = []string{"vi"}
	}
	return exec.Command(words[0], append(words[1:], path)...)
}

// runEditor opens the file in the editor, suspending the browser.
func runEditor(run execer, ed editSession) tea.Cmd {
	return run(editorCommand(ed.path), func(err error) tea.Msg { return editorExitMsg{ed: ed, err: err} })
}

// readEdited reads the file the editor left.
func readEdited(ed editSession) tea.Cmd {
	return func() tea.Msg {
		text, err := os.ReadFile(ed.path)
		return editorReadMsg{ed: ed, text: text, err: err}
	}
}

// rewriteEdited writes the text with its problems on top, for the editor
// to open again.
func rewriteEdited(ed editSession) tea.Cmd {
	return func() tea.Msg {
		err := os.WriteFile(ed.path, ed.written, 0o600)
		return editorOpenMsg{ed: ed, err: err}
	}
}

// endEditing removes the file, then says what came of the round trip.
func endEditing(ed editSession, then tea.Msg) tea.Cmd {
	return func() tea.Msg {
		os.Remove(ed.path)
		return then
	}
}

// editorStep takes the round trip one step on. It returns the action
// that saves the event, when there is one.
func (b *browser) editorStep(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case editorOpenMsg:
		if msg.err != nil {
			return nil, endEditing(msg.ed, statusMsg{text: "editor: " + msg.err.Error(), err: true})
		}
		return nil, runEditor(b.ctx.exec, msg.ed)
	case editorExitMsg:
		if msg.err != nil {
			return nil, endEditing(msg.ed, statusMsg{text: "editor: " + msg.err.Error() + " · nothing saved", err: true})
		}
		return nil, readEdited(msg.ed)
	case editorReadMsg:
		return b.edited(msg)
	}
	return nil, nil
}

// edited judges what the editor left: nothing changed, something that
// cannot be read (back to the editor), or the event to save.
func (b *browser) edited(msg editorReadMsg) (Action, tea.Cmd) {
	ed := msg.ed
	switch {
	case msg.err != nil:
		return nil, endEditing(ed, statusMsg{text: "editor: " + msg.err.Error(), err: true})
	case bytes.Equal(msg.text, ed.original):
		return nil, endEditing(ed, statusMsg{text: "unchanged: nothing to save"})
	case bytes.Equal(msg.text, ed.written):
		// Back unchanged from a try with problems: given up.
		return nil, endEditing(ed, statusMsg{text: "edit given up: nothing saved", err: true})
	}
	read := func(text []byte) (model.Event, error) {
		e, err := native.ReadEvent(text)
		if err == nil && e.ID != ed.base.ID {
			err = fmt.Errorf("id %q: an edit keeps the event's id (%q); add a new event with A", e.ID, ed.base.ID)
		}
		return e, err
	}
	e, err := read(msg.text)
	switch {
	case native.IsEmptyEvent(err):
		return nil, endEditing(ed, statusMsg{text: "emptied: nothing saved"})
	case err != nil:
		ed.written = native.Reopen(msg.text, func(text []byte) error { _, err := read(text); return err })
		return nil, rewriteEdited(ed)
	}
	if same(e, ed.base) {
		return nil, endEditing(ed, statusMsg{text: "unchanged: nothing to save"})
	}
	base := ed.base
	return saveEvent{base: &base, event: e}, endEditing(ed, nil)
}

// same reports whether two events say the same, as chrono writes them.
func same(a, b model.Event) bool {
	ja, erra := native.MarshalEvent(a)
	jb, errb := native.MarshalEvent(b)
	return errors.Join(erra, errb) == nil && bytes.Equal(ja, jb)
}
