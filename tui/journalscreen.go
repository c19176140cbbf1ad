package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// journalScreen lists the journal, newest change first: every change
// made to the investigation, by whom and when, as chrono log lists it,
// where the browser otherwise shows only an event's latest few. It reads
// a page of entries at a time, the next when the cursor nears the end of
// those read: a journal of years is not read whole to show a screen.
type journalScreen struct {
	ctx     *shared
	keys    journalKeys
	entries []model.Entry
	// asked: entries older than the last read are being read; ended:
	// a read found none older (a journal cut short outside chrono may
	// end above #1).
	asked, ended bool
	loaded       bool
	rows         rowCursor
	w, h         int
}

type journalKeys struct {
	listKeys
	// Undo and Redo are the browser's: what is undone shows at the top.
	Undo, Redo key.Binding
}

// journalScreenPage is how many entries a read brings; tests make it
// smaller.
var journalScreenPage = 500

// journalMsg brings entries, older than those the screen holds when
// before is set.
type journalMsg struct {
	entries []model.Entry
	before  uint64
	err     error
}

// loadJournal reads the entries q selects, with one of each entry's
// events: the rows say the phrase, which names what the entry did.
func loadJournal(s model.Store, q model.JournalQuery) tea.Cmd {
	q.MostEvents = 1
	return func() tea.Msg {
		es, err := s.Journal(q)
		return journalMsg{entries: es, before: q.Before, err: err}
	}
}

// reload reads the journal again from the newest entry down to the
// oldest the screen holds, so that the cursor stays on its entry; a
// page when it holds none.
func (j *journalScreen) reload() tea.Cmd {
	if n := len(j.entries); n > 0 {
		return loadJournal(j.ctx.store, model.JournalQuery{After: j.entries[n-1].Seq - 1})
	}
	return loadJournal(j.ctx.store, model.JournalQuery{Limit: journalScreenPage})
}

func newJournalScreen(ctx *shared) *journalScreen {
	j := &journalScreen{ctx: ctx, keys: journalKeys{listKeys: newListKeys()}}
	j.keys.Undo, j.keys.Redo = newUndoKeys()
	return j
}

// Init implements Screen.
func (j *journalScreen) Init() tea.Cmd { return j.reload() }

// Update implements Screen.
func (j *journalScreen) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := j.update(msg)
	j.keys.enable(&j.rows)
	// The last row read is not the journal's last while more can come.
	if j.more() {
		j.keys.Down.SetEnabled(true)
		j.keys.PageDown.SetEnabled(true)
	}
	return a, tea.Batch(cmd, j.readOn())
}

func (j *journalScreen) update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case journalMsg:
		j.asked = false
		if msg.err != nil {
			j.ended = true // not asked again at every key
			return nil, fail(fmt.Errorf("reading the journal: %w", msg.err))
		}
		var at uint64 // the entry the cursor is on, to keep it there
		if j.rows.cur < len(j.entries) {
			at = j.entries[j.rows.cur].Seq
		}
		if msg.before == 0 {
			j.entries = nil
		} else if n := len(j.entries); n == 0 || j.entries[n-1].Seq != msg.before {
			return nil, nil // read for a journal since read again
		}
		if msg.before != 0 || !j.loaded {
			// A page read; a read again goes as deep as before.
			j.ended = len(msg.entries) < journalScreenPage
		}
		j.entries = append(j.entries, msg.entries...)
		j.loaded = true
		j.rows.resize(len(j.entries), j.h-listFrameTop)
		if msg.before == 0 {
			// Entries are numbered down from the newest with none
			// missing: the one the cursor was on is as many rows down
			// as entries came since.
			j.rows.cur = 0
			if at != 0 && len(j.entries) > 0 && j.entries[0].Seq >= at {
				j.rows.move(int(j.entries[0].Seq - at))
			}
		}
		return nil, nil
	case showEventsMsg:
		if msg.written {
			return nil, j.reload()
		}
		return nil, nil
	case storeChangedMsg:
		return nil, j.reload()
	case tea.KeyPressMsg:
		return j.key(msg)
	}
	return nil, nil
}

// readOn reads the next page when the cursor is within a screen of the
// end of what was read.
func (j *journalScreen) readOn() tea.Cmd {
	if !j.more() || j.asked || len(j.entries) == 0 || j.rows.cur < len(j.entries)-max(j.rows.height, 1) {
		return nil
	}
	j.asked = true
	return loadJournal(j.ctx.store, model.JournalQuery{Before: j.entries[len(j.entries)-1].Seq, Limit: journalScreenPage})
}

// more reports whether the journal may have entries older than those
// read: they are numbered from 1.
func (j *journalScreen) more() bool {
	return !j.ended && len(j.entries) > 0 && j.entries[len(j.entries)-1].Seq > 1
}

func (j *journalScreen) key(msg tea.KeyPressMsg) (Action, tea.Cmd) {
	k := &j.keys
	if k.moveKey(msg, &j.rows) {
		return nil, nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return popScreen{}, nil
	case key.Matches(msg, k.Undo):
		return undoLast{}, nil
	case key.Matches(msg, k.Redo):
		return redoLast{}, nil
	}
	return nil, nil
}

// SetSize implements Screen.
func (j *journalScreen) SetSize(w, h int) {
	j.w, j.h = w, h
	j.rows.resize(len(j.entries), h-listFrameTop)
}

// FullHeight implements Screen: the frame and three rows.
func (j *journalScreen) FullHeight() int { return listFrameTop + 3 }

// Area implements Screen: a dialog takes everything under the header.
func (j *journalScreen) Area(place) (w, h int) { return j.w, max(j.h-1, 0) }

// Latest implements Screen: the journal holds no event on the timeline.
func (j *journalScreen) Latest(string) (model.Event, bool) { return model.Event{}, false }

// Hint implements Screen: the selected change whole, which its row may
// cut, and who this browser's changes are attributed to where that fits
// whole after it: cut, it lost the name it was there to give ("your
// changes are recorde…").
func (j *journalScreen) Hint() string {
	you := "your changes are recorded as " + line(j.ctx.store.Author())
	if j.ctx.store.Author() == "" {
		you = "your changes are recorded without a name"
	}
	if len(j.entries) == 0 || j.rows.cur >= len(j.entries) {
		return you
	}
	e := j.entries[j.rows.cur]
	h := fmt.Sprintf("#%d %s", e.Seq, line(entryWhat(e)))
	if more := h + " · " + you; j.ctx.styles.width(more) <= j.w {
		return more
	}
	return h
}

// ShortHelp implements help.KeyMap.
func (j *journalScreen) ShortHelp() []key.Binding {
	k, c := &j.keys, j.ctx
	return append([]key.Binding{k.moving(), k.Back}, c.undoing(k.Undo, k.Redo)...)
}

// FullHelp implements help.KeyMap.
func (j *journalScreen) FullHelp() [][]key.Binding {
	k := &j.keys
	return [][]key.Binding{
		append(movesForHelp(k.Up, k.Down, k.PageUp, k.PageDown), k.Top, k.Bottom),
		{j.ctx.offered(RoleAnnotate, k.Undo), j.ctx.offered(RoleAnnotate, k.Redo), k.Back},
	}
}

// entryWhat is what an entry did, as chrono log says it: its phrase, or
// its kind when it has none.
func entryWhat(e model.Entry) string {
	if e.Phrase != "" {
		return e.Phrase
	}
	return string(e.Op)
}

// journalSeqWidth is the column of the entries' numbers: "#12345".
const journalSeqWidth = 6

// View implements Screen.
func (j *journalScreen) View(over Dialog) []string {
	st := &j.ctx.styles
	what, empty := "Journal", "loading…"
	if j.loaded {
		what, empty = "Journal · no changes yet", "no change has been made to this investigation"
		if len(j.entries) > 0 {
			// Entries are numbered from 1 with none taken out: the
			// newest's number is how many there are.
			what = "Journal · " + plural(int(j.entries[0].Seq), "change")
		}
	}
	byW, _ := trashColumns(j.w)
	titles := "  " + st.pad("#", journalSeqWidth) + " " + st.pad("When", trashWhenWidth) + " " + st.pad("By", byW) + " What"
	return listFrame(j.ctx, j.w, j.h, what, titles, &j.rows, over, empty, func(i int, selected bool) string {
		e := j.entries[i]
		row := st.pad(fmt.Sprintf("#%d", e.Seq), journalSeqWidth) + " " + st.pad(e.At.Local().Format("2 Jan 2006 15:04"), trashWhenWidth) + " " +
			st.pad(line(clip(e.Author, byW)), byW) + " " + line(clip(strings.TrimSpace(entryWhat(e)), j.w))
		if selected {
			return st.Selected.Render(st.pad("› "+row, j.w))
		}
		return st.fit("  "+row, j.w)
	})
}
