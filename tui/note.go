package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// noteEditor is the multi-line input of a note. enter starts a new line;
// ctrl+s saves; esc cancels, asking again before it throws text away.
type noteEditor struct {
	id, title  string
	area       textarea.Model
	confirming bool // esc was pressed once with text in the editor
	keys       noteKeys
}

type noteKeys struct {
	Save, Cancel key.Binding
}

// ShortHelp implements help.KeyMap.
func (k noteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Cancel} }

// FullHelp implements help.KeyMap.
func (k noteKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newNoteEditor(id, title string, w, h int) noteEditor {
	a := textarea.New()
	a.Placeholder = "a note on this event…"
	a.ShowLineNumbers = false
	a.Prompt = "│ "
	a.CharLimit = 0
	a.MaxHeight = 0
	s := a.Styles()
	s.Cursor.Blink = false // steady, as at the prompt
	a.SetStyles(s)
	a.Focus()
	n := noteEditor{id: id, title: title, area: a, keys: noteKeys{
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save note")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	n.resize(w, h)
	return n
}

func (n *noteEditor) resize(w, h int) {
	n.area.SetWidth(max(w, 4))
	n.area.SetHeight(max(h-1, 1))
}

// text is the note as it will be saved: without blank lines around it.
func (n *noteEditor) text() string { return strings.TrimSpace(n.area.Value()) }

// update handles a message; it reports whether the editor is done and, if
// so, whether to save.
func (n *noteEditor) update(msg tea.Msg) (done, save bool, cmd tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, n.keys.Save):
			return true, n.text() != "", nil
		case key.Matches(k, n.keys.Cancel):
			if n.text() == "" || n.confirming {
				return true, false, nil
			}
			n.confirming = true
			return false, false, nil
		}
		n.confirming = false
	}
	if msg = cleanInput(msg, true); msg == nil {
		return false, false, nil
	}
	n.area, cmd = n.area.Update(msg)
	return false, false, cmd
}

// view renders the editor in w×h cells: a title line, then the text.
func (n *noteEditor) view(st *Styles, w, h int) []string {
	head := st.Prompt.Render("note on ") + st.Heading.Render(line(n.title))
	if n.confirming {
		head = st.Error.Render("esc again discards the note · ctrl+s saves it")
	}
	lines := []string{st.fit(head, w)}
	for _, l := range strings.Split(n.area.View(), "\n") {
		lines = append(lines, st.fit(l, w))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:max(h, 0)]
}
