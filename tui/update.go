package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// Update answers a message with the new state and the commands to run:
// the root's own messages here, input to the dialog or the top screen,
// and the rest to every screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.ctx.still = false
	cmd := m.route(msg)
	cmd = tea.Batch(cmd, m.releaseKeys(), m.tellSelected())
	m.ctx.undos, m.ctx.redos = len(m.writes.undo), len(m.writes.redo)
	m.fit(false)
	if !m.ctx.still {
		m.showPresence()
		m.framed = false
	}
	return m, cmd
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg, tea.ModeReportMsg, tea.BackgroundColorMsg:
		return m.terminal(msg)
	case tea.KeyPressMsg:
		return tea.Batch(m.key(msg), m.watch())
	case tea.ResumeMsg, idleMsg:
		// Another process may have changed the store meanwhile.
		return m.watch()
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		if _, click := msg.(tea.MouseClickMsg); click && !m.quitting {
			m.status.clear()
		}
		if m.dialog != nil {
			m.wheelDialog(msg)
			return m.watch()
		}
		return tea.Batch(m.act(m.top().Update(msg)), m.watch())
	case versionMsg:
		return m.heard(msg)
	case startMsg:
		return m.started(msg)
	case changesMsg:
		return m.takeChanges(msg)
	case noticeMsg:
		return m.noticed(msg.Notice)
	case headerMsg, facetsMsg:
		return m.investigation(msg)
	case presenceMsg:
		return m.takePresence(msg)
	case chainMsg:
		return m.chainBroken(msg)
	case chainWeighedMsg:
		return m.changed(nil)
	case presenceDueMsg:
		m.presenceWaited()
		return nil
	case writeMsg:
		return m.written(msg)
	case quoteRefusedMsg:
		return m.quoteRefused(msg)
	case statusMsg:
		return m.say(msg)
	case heldExpiredMsg:
		return m.heldExpired(msg)
	case statusExpiredMsg:
		m.status.expire(msg.seq)
		return nil
	case stopMsg:
		// As q: the changes on their way are written first.
		m.stopped = true
		if t, ok := m.dialog.(typedAway); ok && m.discarded == "" {
			m.discarded = t.typedAway()
		}
		if d, ok := m.dialog.(drafted); ok && m.draft == nil {
			m.draft = d.draft()
		}
		m.dialog = nil
		return m.quit()
	}
	cmd := m.broadcast(msg)
	if m.dialog != nil {
		// The dialog's own messages, such as its cursor's.
		cmd = tea.Batch(cmd, m.act(m.dialog.Update(msg)))
	}
	return cmd
}

// wheelDialog scrolls the open dialog by a wheel notch, if it is one
// that scrolls; a click, or the wheel over any other dialog, does
// nothing, so that it never reaches the screen hidden under it.
func (m *Model) wheelDialog(msg tea.Msg) {
	w, ok := msg.(tea.MouseWheelMsg)
	if !ok {
		return
	}
	s, ok := m.dialog.(wheelScroller)
	if !ok {
		return
	}
	if delta, ok := wheelDelta(w); ok {
		s.wheel(delta)
	}
}

// terminal takes what the terminal says of itself: its size, how it
// measures text, its background.
func (m *Model) terminal(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.width, m.ctx.height = clampSize(msg.Width, msg.Height)
		m.ctx.help.SetWidth(m.ctx.width)
		m.fit(true)
		return m.broadcast(msg)
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && msg.Value != ansi.ModeNotRecognized && msg.Value != ansi.ModePermanentlyReset {
			// The renderer now measures by grapheme cluster; so do we.
			m.ctx.styles.Cells = ansi.GraphemeWidth
			m.fit(true)
		}
		return nil
	case tea.BackgroundColorMsg:
		cells := m.ctx.styles.Cells
		m.ctx.styles = NewStylesIn(msg.IsDark(), m.ctx.styles.Colors)
		m.ctx.stylesGen++
		m.ctx.styles.Cells = cells
		m.ctx.help.Styles = m.ctx.styles.Help
		m.fit(true)
		return nil
	}
	return nil
}

// investigation takes what the screens share of the investigation.
func (m *Model) investigation(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case headerMsg:
		if msg.err != nil {
			return m.say(statusMsg{text: msg.err.Error(), err: true})
		}
		m.ctx.header = msg.header
		return nil
	case facetsMsg:
		if msg.err != nil {
			return m.say(statusMsg{text: msg.err.Error(), err: true})
		}
		m.ctx.tags, m.ctx.actors, m.ctx.statuses = msg.tags, msg.actors, msg.statuses
		m.ctx.sources, m.ctx.citations = msg.sources, msg.citations
		m.ctx.still = true // the picker and the tag prompt take them as they open
		return nil
	}
	return nil
}

// key gives a key press to the open dialog, else to the global keys,
// else to the top screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.quitting {
		if msg.String() == "ctrl+c" {
			m.forced = true
			return tea.Quit // a second ctrl+c does not wait for the disk
		}
		return nil
	}
	if key.Matches(msg, m.ctx.keys.Suspend) {
		// Before the dialog: a terminal program suspends wherever it is,
		// and whatever is open is there on resuming.
		return tea.Suspend
	}
	offered, taken := m.status.take(msg)
	m.status.clear()
	switch {
	case taken && m.dialog == nil:
		return offered
	case m.dialog != nil:
		if _, editor := m.dialog.(editsText); !editor && msg.String() == "ctrl+c" {
			return m.quit()
		}
		return m.act(m.dialog.Update(msg))
	}
	switch k := m.ctx.keys; {
	case key.Matches(msg, k.Quit) && msg.String() == "q" && m.covered():
		// q leaves a screen pushed on top, or a view over one, as it
		// leaves a pager; ctrl+c still quits.
		if o, ok := m.top().(overlaid); ok && o.overlay() {
			o.leaveOverlay() // laid out again, as esc leaves it
			return nil
		}
		return m.act(popScreen{}, nil)
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		global := m.ctx.keys.FullHelp()[0]
		if m.covered() {
			global = append(m.ctx.keys.onTop(), m.ctx.keys.Suspend)
		}
		m.open(newHelpDialog(m.ctx, m.top(), global))
		return nil
	}
	if held, cmd := m.holdKey(msg); held {
		return cmd
	}
	return m.act(m.top().Update(msg))
}

// act does what an action asks, after the commands that came with it.
func (m *Model) act(a Action, cmd tea.Cmd) tea.Cmd {
	if m.ctx.readOnly != "" && changesStore(a) {
		return m.refuse()
	}
	if need := needs(a); !m.ctx.role.allows(need) {
		switch a.(type) {
		case undoLast, redoLast:
			return m.ctx.undoRefused()
		}
		return m.ctx.refusedFor(need)
	}
	switch a := a.(type) {
	case nil:
		return cmd
	case closeDialog:
		m.dialog = nil
		return tea.Batch(cmd, m.forgetGiven())
	case openDialog:
		m.open(a.dialog)
	case writeEdit:
		w := pendingWrite{edit: a.edit}
		switch d := m.dialog.(type) {
		case *quoteForm:
			w.quote = d // opened again if the save is refused
		case reopening:
			w.again = d
		}
		m.dialog = nil
		return tea.Batch(cmd, m.write(w))
	case restoreThen:
		// Two writes, in turn, each undone on its own: a restore that
		// fails leaves the note or quote refused, and opened again, as
		// before.
		then := pendingWrite{edit: a.then}
		if d, ok := m.dialog.(*quoteForm); ok {
			then.quote = d
		}
		m.dialog = nil
		return tea.Batch(cmd, m.write(pendingWrite{edit: model.Untrash{Events: []string{a.id}}}), m.write(then))
	case undoLast:
		return tea.Batch(cmd, m.undo(false))
	case redoLast:
		return tea.Batch(cmd, m.undo(true))
	case pushScreen:
		m.dialog = nil
		m.screens = append(m.screens, a.screen)
		m.fit(true)
		return tea.Batch(cmd, a.screen.Init())
	case popScreen:
		if len(m.screens) > 1 {
			m.screens = m.screens[:len(m.screens)-1]
			m.fit(true)
		}
		if a.then != nil {
			return tea.Batch(cmd, m.act(m.top().Update(a.then)))
		}
	case quitApp:
		return tea.Batch(cmd, m.quit())
	case authoring:
		return tea.Batch(cmd, m.author(a))
	default:
		if _, open := a.(keepsDialog); !open {
			m.dialog = nil
		}
		return tea.Batch(cmd, m.act(m.top().Update(a)))
	}
	return cmd
}

// open opens a dialog, sized for its place.
func (m *Model) open(d Dialog) {
	m.dialog = d
	m.fit(false)
}

// broadcast gives a message to every screen, the top first.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := len(m.screens) - 1; i >= 0; i-- {
		cmds = append(cmds, m.act(m.screens[i].Update(msg)))
	}
	return tea.Batch(cmds...)
}

// changed tells the screens, and the open dialog, that another process
// changed the store (all of it when c is nil): a dialog that lists
// events (the link picker) must not offer one gone to the trash.
func (m *Model) changed(c *changeSummary) tea.Cmd {
	msg := storeChangedMsg{change: c}
	cmd := m.broadcast(msg)
	if m.dialog != nil {
		cmd = tea.Batch(cmd, m.act(m.dialog.Update(msg)))
	}
	return cmd
}

// minScreen is the least a screen keeps: its header and three lines.
const minScreen = 4

// fit shares the terminal's height between the top screen and the
// footer: the status line goes when the screen would keep less than
// minScreen lines, the help line when it would lose any of its own; a
// long message takes more lines while the screen keeps minScreen. The
// open dialog is sized for its place.
func (m *Model) fit(force bool) {
	w, h := m.ctx.width, m.ctx.height
	s := m.top()
	m.statusOn = h-1 >= minScreen
	m.helpOn = m.statusOn && h-2 >= s.FullHeight()
	sh := h
	if m.helpOn {
		sh--
	}
	m.statusN = 0
	if m.statusOn {
		m.statusN = 1
		if !m.prompting() {
			m.statusN = max(min(m.status.rows(&m.ctx.styles, w), sh-minScreen), 1)
		}
		sh -= m.statusN
	}
	if force || w != m.screenW || sh != m.screenH {
		m.screenW, m.screenH = w, sh
		for _, s := range m.screens {
			s.SetSize(w, sh)
		}
	}
	if m.dialog != nil {
		m.dialog.SetSize(m.area(m.dialog.Place()))
	}
}

// area is the size of a dialog's place.
func (m *Model) area(p place) (w, h int) {
	if p == placeStatus {
		return m.ctx.width, 1
	}
	return m.top().Area(p)
}

// write shows an edit on every screen at once and queues its write.
func (m *Model) write(w pendingWrite) tea.Cmd {
	// The write will change the version: until it is asked again
	// (versionMsg, not while writes are on their way), it is not known.
	m.ctx.known = ""
	var after []model.Event
	for _, id := range w.edit.IDs() {
		if e, ok := m.latest(id); ok {
			w.before = append(w.before, e)
			after = append(after, w.edit.Change(e))
		}
	}
	return tea.Batch(m.broadcast(showEventsMsg{events: after}), m.writes.add(m.ctx.store, w))
}

// written takes a write's outcome: confirm it, or roll it back.
func (m *Model) written(msg writeMsg) tea.Cmd {
	msg.err = m.ctx.beyondRole(m.ctx.inUseOnServer(msg.err))
	status := m.writes.done(msg)
	if m.ctx.remote && status.err {
		status.text = withoutRevert(status.text)
	}
	var cmds []tea.Cmd
	if msg.err != nil {
		cmds = append(cmds, m.broadcast(showEventsMsg{events: msg.write.before}))
		// Stay, so that the investigator sees what was not saved (unless a
		// signal ends the browser: then Run says it); an undo asked for
		// meanwhile meant this change, which is not there.
		if m.stopped {
			if m.unsaved == nil {
				m.unsaved = fmt.Errorf("%s: %w", msg.write.edit.Phrase(), msg.err)
			}
		} else {
			m.quitting = false
		}
		m.writes.held = nil
		// What is on screen is now what was there before the write; the
		// store may hold more (the change that refused it).
		reopens := m.dialog == nil // a form refused opens again only on none
		m.noteRefused(msg)
		cmds = append(cmds, m.conflicted(msg), m.watchNow())
		if reopens && m.dialog != nil && status.text == undoneOnScreen(msg.err) {
			status.text = keptInForm
		}
	} else {
		retagged := retagged(msg.changes)
		cmds = append(cmds, m.broadcast(showEventsMsg{events: afterOf(msg.changes), written: true}))
		focus, moved, header := placement(msg.revert)
		if moved {
			cmds = append(cmds, m.broadcast(placedMsg{focus: focus}))
		}
		if retagged || moved {
			cmds = append(cmds, loadFacets(m.ctx.store))
		}
		if header {
			cmds = append(cmds, loadHeader(m.ctx.store))
		}
		cmds = append(cmds, m.forgetGiven())
	}
	cmds = append(cmds, m.say(status), m.writes.next(m.ctx.store))
	if redo, ok := m.writes.release(); ok {
		cmds = append(cmds, m.undo(redo))
	}
	if m.quitting && !m.writes.busy() {
		return tea.Quit
	}
	return tea.Batch(cmds...)
}

// quit leaves once every change is on disk.
func (m *Model) quit() tea.Cmd {
	if m.writes.busy() {
		m.quitting = true
		m.status.set("saving changes before quitting…", false)
		return nil
	}
	return tea.Quit
}

// watch asks whether the store changed, if it is time to.
func (m *Model) watch() tea.Cmd { return m.watcher.watch(m.ctx.store, m.ctx.now()) }

// say shows a message on the status line.
func (m *Model) say(msg statusMsg) tea.Cmd { return m.status.show(msg, m.ctx.tick) }
