package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// trashScreen lists the events in the trash, most recently deleted
// first: restore brings the selected one back, and the trash can be
// emptied for good after a confirmation.
type trashScreen struct {
	ctx     *shared
	keys    trashKeys
	trashed []model.Trashed
	// linkedBy are the links events on the timeline make to those in the
	// trash, by id: emptying the trash removes them too, and says so
	// before.
	linkedBy map[string][]model.Incoming
	loaded   bool
	rows     rowCursor
	w, h     int
	// restoring are the events asked back: once the store has them, the
	// other screens read the timeline again.
	restoring map[string]bool
}

type trashKeys struct {
	listKeys
	Restore, Empty key.Binding
	// Undo and Redo are the browser's: the status line after a restore
	// says "u to undo", and the trash is where it is read.
	Undo, Redo key.Binding
}

// trashMsg brings the trash, and the links to the events in it.
type trashMsg struct {
	trashed  []model.Trashed
	linkedBy map[string][]model.Incoming
	err      error
}

func loadTrash(s model.Store) tea.Cmd {
	return func() tea.Msg {
		t, err := s.Trash()
		if err != nil || len(t) == 0 {
			return trashMsg{trashed: t, err: err}
		}
		ids := make([]string, len(t))
		for i, tr := range t {
			ids[i] = tr.Event.ID
		}
		in, err := s.IncomingLinks(ids)
		return trashMsg{trashed: t, linkedBy: in, err: err}
	}
}

func newTrashScreen(ctx *shared) *trashScreen {
	t := &trashScreen{ctx: ctx, restoring: map[string]bool{}, keys: trashKeys{
		listKeys: newListKeys(),
		Restore:  key.NewBinding(key.WithKeys("r", "enter"), key.WithHelp("r/enter", "restore")),
		Empty:    key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "empty the trash")),
	}}
	t.keys.Undo, t.keys.Redo = newUndoKeys()
	return t
}

// Init implements Screen.
func (t *trashScreen) Init() tea.Cmd { return loadTrash(t.ctx.store) }

// Update implements Screen.
func (t *trashScreen) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := t.update(msg)
	t.keys.Restore.SetEnabled(len(t.trashed) > 0)
	t.keys.Empty.SetEnabled(len(t.trashed) > 0)
	t.keys.enable(&t.rows)
	return a, cmd
}

func (t *trashScreen) update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case trashMsg:
		if msg.err != nil {
			return nil, fail(fmt.Errorf("reading the trash: %w", msg.err))
		}
		t.trashed, t.linkedBy, t.loaded = msg.trashed, msg.linkedBy, true
		t.rows.resize(len(t.trashed), t.h-listFrameTop)
		return nil, nil
	case showEventsMsg:
		if !msg.written {
			return nil, nil // shown at once, or rolled back
		}
		cmds := []tea.Cmd{loadTrash(t.ctx.store)}
		for _, e := range msg.events {
			if t.restoring[e.ID] {
				delete(t.restoring, e.ID)
				cmds = append(cmds, func() tea.Msg { return storeChangedMsg{} })
				break
			}
		}
		return nil, tea.Batch(cmds...)
	case storeChangedMsg:
		return nil, loadTrash(t.ctx.store)
	case tea.KeyPressMsg:
		return t.key(msg)
	}
	return nil, nil
}

func (t *trashScreen) key(msg tea.KeyPressMsg) (Action, tea.Cmd) {
	k := &t.keys
	if k.moveKey(msg, &t.rows) {
		return nil, nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return popScreen{}, nil
	case key.Matches(msg, k.Undo):
		return undoLast{}, nil
	case key.Matches(msg, k.Redo):
		return redoLast{}, nil
	case key.Matches(msg, k.Restore):
		if t.rows.cur >= len(t.trashed) {
			return nil, nil
		}
		id := t.trashed[t.rows.cur].Event.ID
		t.restoring[id] = true
		return writeEdit{model.Untrash{Events: []string{id}}}, nil
	case key.Matches(msg, k.Empty):
		if len(t.trashed) == 0 {
			return nil, nil
		}
		ids := make([]string, len(t.trashed))
		for i, tr := range t.trashed {
			ids[i] = tr.Event.ID
		}
		lines := []string{"Deleted for good: " + plural(len(ids), "event") + "."}
		if links, holders := t.links(); links > 0 {
			them := "them"
			if len(ids) == 1 {
				them = "it"
			}
			lines = append(lines, fmt.Sprintf("Also removed: %s to %s, from %s on the timeline.", plural(links, "link"), them, plural(holders, "event")))
		}
		lines = append(lines, "Events emptied from the trash cannot be restored, and undo cannot bring them back.")
		c := newConfirm(t.ctx, "Empty the trash? This cannot be undone.", "empty it for good", lines, writeEdit{model.Purge{Events: ids}})
		c.danger = true
		return openDialog{c}, nil
	}
	return nil, nil
}

// links counts the links events on the timeline make to those in the
// trash, and the events that make them.
func (t *trashScreen) links() (links, holders int) {
	from := map[string]bool{}
	for _, in := range t.linkedBy {
		links += len(in)
		for _, l := range in {
			from[l.From] = true
		}
	}
	return links, len(from)
}

// SetSize implements Screen.
func (t *trashScreen) SetSize(w, h int) {
	t.w, t.h = w, h
	t.rows.resize(len(t.trashed), h-listFrameTop)
}

// FullHeight implements Screen: the frame and three rows.
func (t *trashScreen) FullHeight() int { return listFrameTop + 3 }

// Area implements Screen: a dialog takes everything under the header.
func (t *trashScreen) Area(place) (w, h int) { return t.w, max(t.h-1, 0) }

// Latest implements Screen: the trash holds no event on the timeline.
func (t *trashScreen) Latest(string) (model.Event, bool) { return model.Event{}, false }

// Hint implements Screen.
// The row's columns cut a long id or title: the hint gives the selected
// one's whole, the id first, as chrono restore takes it. What a restore
// does follows where the line has room for it whole, never in the
// title's place nor cut.
func (t *trashScreen) Hint() string {
	if len(t.trashed) == 0 || t.rows.cur >= len(t.trashed) {
		return ""
	}
	e := t.trashed[t.rows.cur].Event
	h := "id " + line(e.ID) + " · " + line(e.Title)
	if more := h + " · restored, it goes back to its place in the timeline"; t.ctx.styles.width(more) <= t.w {
		return more
	}
	return h
}

// ShortHelp implements help.KeyMap. Under the wide layout its keys are
// named short (r, not r/enter; U, not U/ctrl+r), so that the footer
// keeps them all at 80 columns, undo and redo with them: the status line
// says "U to redo", and the footer left it out. The help names them in
// full.
func (t *trashScreen) ShortHelp() []key.Binding {
	k, c := &t.keys, t.ctx
	restore, empty, redo := k.Restore, k.Empty, k.Redo
	if t.w < wideLayout {
		restore.SetHelp("r", restore.Help().Desc)
		empty.SetHelp(keyOf(empty), "empty trash")
		redo.SetHelp("U", redo.Help().Desc)
	}
	keys := []key.Binding{k.moving(), c.offered(RoleEdit, restore), c.offered(RoleAdmin, empty), k.Back}
	return append(keys, c.undoing(k.Undo, redo)...)
}

// FullHelp implements help.KeyMap.
func (t *trashScreen) FullHelp() [][]key.Binding {
	k := &t.keys
	return [][]key.Binding{
		append(movesForHelp(k.Up, k.Down, k.PageUp, k.PageDown), k.Top, k.Bottom),
		{t.ctx.offered(RoleEdit, k.Restore), t.ctx.offered(RoleAdmin, k.Empty), t.ctx.offered(RoleAnnotate, k.Undo), t.ctx.offered(RoleAnnotate, k.Redo), k.Back},
	}
}

// trashWhenWidth is the trash's date column: "14 Aug 2017 09:30".
const trashWhenWidth = 17

// trashColumns are the widths of who deleted and of the event's id: a
// narrow screen leaves the title the id's room (0), the line under the
// list saying the selected event's id whole.
func trashColumns(w int) (by, id int) {
	if w < wideLayout {
		return 8, 0
	}
	return 12, 24
}

// View implements Screen.
func (t *trashScreen) View(over Dialog) []string {
	st := &t.ctx.styles
	what := "Trash · " + plural(len(t.trashed), "event")
	empty := "the trash is empty · deleted events wait here until it is emptied"
	if !t.loaded {
		what, empty = "Trash", "loading…"
	}
	byW, idW := trashColumns(t.w)
	column := func(s string, w int) string {
		if w == 0 {
			return ""
		}
		return st.pad(s, w) + " "
	}
	titles := "  " + st.pad("Deleted", trashWhenWidth) + " " + st.pad("By", byW) + " " + column("Event", idW) + "Title"
	return listFrame(t.ctx, t.w, t.h, what, titles, &t.rows, over, empty, func(i int, selected bool) string {
		tr := t.trashed[i]
		when := tr.At.Local().Format("2 Jan 2006 15:04")
		row := st.pad(when, trashWhenWidth) + " " + st.pad(line(clip(tr.Author, byW)), byW) + " " +
			column(line(clip(tr.Event.ID, idW)), idW) + line(clip(tr.Event.Title, t.w))
		if selected {
			return st.Selected.Render(st.pad("› "+row, t.w))
		}
		return st.fit("  "+row, t.w)
	})
}
