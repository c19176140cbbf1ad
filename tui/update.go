package tui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// statusFor is how long a message stays on the status line.
const statusFor = 5 * time.Second

// Update answers a message with the new state and the commands to run.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = clampSize(msg.Width, msg.Height)
		m.relayout()
		return m, m.fill()
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && msg.Value != ansi.ModeNotRecognized && msg.Value != ansi.ModePermanentlyReset {
			// The renderer now measures by grapheme cluster; so do we.
			m.styles.Cells = ansi.GraphemeWidth
			m.relayout()
		}
		return m, nil
	case tea.BackgroundColorMsg:
		cells := m.styles.Cells
		m.styles = NewStyles(msg.IsDark())
		m.styles.Cells = cells
		m.help.Styles = m.styles.Help
		m.layoutDetail()
		return m, nil
	case tea.KeyPressMsg:
		return m, tea.Batch(m.key(msg), m.watch())
	case tea.MouseWheelMsg:
		return m, tea.Batch(m.wheel(msg), m.watch())
	case tea.MouseClickMsg:
		return m, tea.Batch(m.click(msg), m.watch())
	case versionMsg:
		return m, m.gotVersion(msg)
	case headerMsg:
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		m.header = msg.header
		return m, nil
	case facetsMsg:
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		m.tags, m.actors, m.statuses = msg.tags, msg.actors, msg.statuses
		return m, nil
	case windowMsg:
		return m, m.gotWindow(msg)
	case extendMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		if msg.err != nil {
			m.tl.fetchingBack, m.tl.fetchingFwd = false, false
			return m, m.fail(msg.err)
		}
		m.tl.extend(msg)
		return m, m.fill()
	case countMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		if !msg.next.IsZero() {
			m.tl.counted = msg.n // so far: the header shows it growing
			return m, count(m.store, m.gen, m.query, msg.next, msg.n)
		}
		m.tl.total, m.allEvents = msg.n, msg.all
		return m, nil
	case matchesMsg:
		if msg.gen != m.gen || msg.seq != m.countSeq {
			return m, nil
		}
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		m.matches, m.matchesDone = msg.n, msg.next.IsZero()
		if !msg.next.IsZero() {
			q := m.query
			q.Text = m.search
			return m, countMatches(m.store, m.gen, m.countSeq, q, msg.next, msg.n)
		}
		return m, nil
	case periodsMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		m.ruler.periods = msg.periods
		return m, nil
	case detailMsg:
		if msg.id != m.detail.id() {
			return m, nil // the cursor has moved on
		}
		if msg.err != nil {
			return m, m.fail(msg.err)
		}
		m.detail.show(msg.detail, true)
		m.layoutDetail()
		return m, nil
	case searchMsg:
		return m, m.gotSearch(msg)
	case writeMsg:
		return m, m.written(msg)
	case statusExpiredMsg:
		if msg.seq == m.statusSeq {
			m.status, m.statusErr = "", false
		}
		return m, nil
	case openedMsg:
		if msg.err != nil {
			return m, m.say(fmt.Sprintf("%v · the URL is %s", msg.err, msg.url))
		}
		return m, m.say("opened " + msg.url)
	}
	if m.modal == modalNote {
		// The editor's own messages (cursor blink).
		_, _, cmd := m.note.update(msg)
		return m, cmd
	}
	if m.modal == modalPrompt {
		var cmd tea.Cmd
		m.prompt, cmd = m.prompt.update(msg)
		return m, cmd
	}
	return m, nil
}

// gotWindow puts a freshly loaded window on screen.
func (m *Model) gotWindow(msg windowMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.loading = false
	if errors.Is(msg.err, errNoMove) {
		return m.say(msg.note)
	}
	if msg.err != nil {
		return m.fail(msg.err)
	}
	var cmds []tea.Cmd
	if msg.cleared {
		m.query = model.Query{}
		m.gen++
		m.relayout()
		cmds = append(cmds, m.say("filters cleared to show the linked event"), count(m.store, m.gen, m.query, model.Position{}, 0), loadPeriods(m.store, m.gen, m.query))
	}
	m.tl.reset(msg.w, 0)
	switch {
	case msg.focusID != "":
		m.tl.place(max(0, m.tl.indexOf(msg.focusID)))
	case !msg.anchor.IsZero():
		m.tl.place(m.tl.indexAt(msg.anchor))
	case msg.fromEnd:
		m.tl.place(len(m.tl.rows) - 1)
	}
	cmds = append(cmds, m.moved(), m.fill())
	return tea.Batch(cmds...)
}

// moved follows the cursor with the sources pane.
func (m *Model) moved() tea.Cmd {
	row, ok := m.tl.selected()
	if !ok {
		m.detail.show(model.Detail{}, false)
		m.layoutDetail()
		return nil
	}
	if row.Event.ID == m.detail.id() {
		return nil
	}
	m.detail.show(model.Detail{Event: row.Event}, false)
	m.layoutDetail()
	return loadDetail(m.store, row.Event.ID)
}

// fill asks for more rows when the cursor nears an edge of the window.
func (m *Model) fill() tea.Cmd {
	back, fwd := m.tl.needs()
	n := windowSize(m.tl.height)
	var cmds []tea.Cmd
	if back {
		m.tl.fetchingBack = true
		cmds = append(cmds, extend(m.store, m.gen, m.query, m.tl.rows[0].Pos, true, n))
	}
	if fwd {
		m.tl.fetchingFwd = true
		cmds = append(cmds, extend(m.store, m.gen, m.query, m.tl.rows[len(m.tl.rows)-1].Pos, false, n))
	}
	return tea.Batch(cmds...)
}

// versionEvery is how often, at most, the browser asks whether the store
// changed: only while the investigator works, so an idle browser costs
// nothing.
const versionEvery = 2 * time.Second

// watch asks whether the store changed, if it is time to.
func (m *Model) watch() tea.Cmd {
	now := m.now()
	if now.Sub(m.checked) < versionEvery {
		return nil
	}
	m.checked = now
	return checkVersion(m.store)
}

// gotVersion reloads what is on screen when the store changed since it
// was last seen: another process imported, tagged or noted.
func (m *Model) gotVersion(msg versionMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return nil // a busy or missing store is said by the next read that fails
	case m.version == "":
		m.version = msg.version
		return nil
	case msg.version == m.version || m.busy():
		return nil // while this browser writes, its own change is on its way
	}
	m.version = msg.version
	cmds := []tea.Cmd{m.requery(m.query), loadHeader(m.store), loadFacets(m.store)}
	if id := m.detail.id(); id != "" {
		cmds = append(cmds, loadDetail(m.store, id))
	}
	return tea.Batch(cmds...)
}

// requery changes the view: everything that depends on it is asked again,
// keeping the cursor on the same event when the new view has it.
func (m *Model) requery(q model.Query) tea.Cmd {
	m.query = q
	m.gen++
	m.loading = true
	m.tl.total, m.tl.counted = -1, 0
	m.relayout()
	var anchor model.Position
	if row, ok := m.tl.selected(); ok {
		anchor = row.Pos
	}
	return tea.Batch(
		jump(m.store, m.gen, m.query, anchor, false, windowSize(m.tl.height)),
		count(m.store, m.gen, m.query, model.Position{}, 0),
		loadPeriods(m.store, m.gen, m.query),
		m.countSearch(), // the matches in the new view
	)
}

// say shows a message on the status line for a while.
func (m *Model) say(s string) tea.Cmd {
	m.status, m.statusErr = s, false
	m.statusSeq++
	return expireStatus(m.tick, m.statusSeq, statusFor)
}

// fail shows an error on the status line until the next message.
func (m *Model) fail(err error) tea.Cmd {
	m.status, m.statusErr = err.Error(), true
	m.statusSeq++
	return nil
}
