package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// noteEditor is the dialog that writes a note, in the sources pane.
// enter starts a new line; ctrl+s saves; esc cancels, asking again before
// it throws text away.
type noteEditor struct {
	ctx        *shared
	id, title  string
	n          int    // the note edited, from 1; 0 for a new note
	was        string // its text before the edit
	wasNote    *model.Note
	problem    string // why a save was refused, over the text kept
	kept       string // the text to store, as of the last edit (editArea)
	area       textarea.Model
	w, h       int
	confirming bool // esc was pressed once with text in the editor
	// inTrash: the save was refused as the event went to the trash
	// meanwhile; saving again restores it first.
	inTrash bool
	keys    noteKeys
}

type noteKeys struct {
	Save, Cancel, Interrupt key.Binding
}

// ShortHelp implements help.KeyMap.
func (k noteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Cancel} }

// FullHelp implements help.KeyMap.
func (k noteKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newNoteEditor(ctx *shared, id, title string) *noteEditor {
	a := textarea.New()
	a.Placeholder = "a note on this event…"
	a.ShowLineNumbers = false
	a.Prompt = "│ "
	a.CharLimit = 0
	a.MaxHeight = 0
	a.SetStyles(ctx.styles.Area)
	a.Focus()
	return &noteEditor{ctx: ctx, id: id, title: title, area: a, w: -1, keys: noteKeys{
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save note")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Interrupt: newFormKeys().Interrupt,
	}}
}

// Place implements Dialog: the sources pane.
func (n *noteEditor) Place() place { return placePane }

// ShortHelp implements help.KeyMap.
func (n *noteEditor) ShortHelp() []key.Binding { return n.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (n *noteEditor) FullHelp() [][]key.Binding { return n.keys.FullHelp() }

// SetSize implements Dialog: the text under a title line, or under the
// two lines a refused save's problem may take.
func (n *noteEditor) SetSize(w, h int) {
	if w == n.w && h == n.h {
		return
	}
	n.w, n.h = w, h
	resizeArea(&n.area, max(w, 4), max(h-n.headRows(w), 1))
}

// headRows is how many lines the heading takes at width w.
func (n *noteEditor) headRows(w int) int {
	if n.problem == "" || n.confirming {
		return 1
	}
	if _, second := (refusal{why: n.problem}).lines(&n.ctx.styles, w); second != "" {
		return 2
	}
	return 1
}

// editNote is the note editor on note n (from 1) of an event, filled
// with its text.
func editNote(ctx *shared, id, title string, n int, note model.Note) *noteEditor {
	e := newNoteEditor(ctx, id, title)
	e.n, e.was, e.kept, e.wasNote = n, note.Text, note.Text, &note
	e.area.SetValue(areaText(note.Text))
	return e
}

// saving is the action that saves the note by edit: restoring its event
// first when the last save found it in the trash.
func (n *noteEditor) saving(edit model.Edit) Action {
	if n.inTrash {
		return restoreThen{id: n.id, then: edit}
	}
	return writeEdit{edit}
}

// text is the note as it will be saved: without blank lines around it,
// and as it was but for what is typed (keptText).
func (n *noteEditor) text() string { return strings.TrimSpace(keptText(n.area.Value(), n.kept, true)) }

// Update implements Dialog: ctrl+s saves the note, esc discards it.
func (n *noteEditor) Update(msg tea.Msg) (Action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, n.keys.Interrupt):
			return nil, howToLeave(n.keys.Save, n.keys.Cancel)
		case key.Matches(k, n.keys.Save):
			switch {
			case n.n > 0 && n.text() == "":
				// Emptied on purpose, most likely: saying only "unchanged"
				// left the way to remove it unsaid.
				return closeDialog{}, say("note left as it was: a note is not saved empty; x on it removes it")
			case n.n > 0 && n.text() == strings.TrimSpace(n.was):
				return closeDialog{}, say("note unchanged")
			case n.n > 0:
				return n.saving(model.ReviseNote{ID: n.id, N: n.n, Text: n.text(), Was: n.wasNote}), nil
			case n.text() == "":
				return closeDialog{}, say("note discarded")
			}
			return n.saving(model.AddNote{ID: n.id, Text: n.text(), At: n.ctx.now()}), nil
		case key.Matches(k, n.keys.Cancel):
			switch {
			case n.confirming:
				return closeDialog{}, say("note discarded")
			case n.n > 0 && (n.text() == "" || n.text() == strings.TrimSpace(n.was)):
				return closeDialog{}, say("note unchanged")
			case n.text() == "":
				return closeDialog{}, nil // nothing was typed: nothing to say
			}
			n.confirming = true
			return nil, nil
		}
		n.confirming = false
	}
	return nil, editArea(&n.area, &n.kept, msg)
}

// View implements Dialog: a title line, then the text, in w×h cells.
func (n *noteEditor) View(w, h int) []string {
	st := &n.ctx.styles
	head := st.Prompt.Render("note on ") + st.Heading.Render(line(n.title))
	if n.n > 0 {
		head = st.Prompt.Render(fmt.Sprintf("note %d on ", n.n)) + st.Heading.Render(line(n.title))
	}
	second := ""
	switch {
	case n.confirming:
		head = st.Error.Render(keyOf(n.keys.Cancel) + " again discards the note · " + keyOf(n.keys.Save) + " saves it")
	case n.problem != "":
		head, second = (refusal{why: n.problem}).lines(st, w)
	}
	lines := []string{st.fit(head, w)}
	if second != "" {
		lines = append(lines, second)
	}
	for _, l := range strings.Split(n.area.View(), "\n") {
		lines = append(lines, st.fit(l, w))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:max(h, 0)]
}

// editsText implements editsText: ctrl+c says how to save or discard.
func (*noteEditor) editsText() {}
