// Package tui is chrono's terminal browser: a chronology pane over a
// window of the timeline, a sources pane with the selected event's
// quotes, and keys to filter, search, tag and annotate. It reads and
// writes the investigation through the store contract, model.Store,
// always in commands, never in Update or View.
//
// The root Model only routes: screens stack up (the browser of the
// chronology is the first), at most one dialog is open over them, and
// what they mean comes back as actions the root acts on. Writes go
// through one queue, as model.Edit values.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"chrono/model"
)

// Options tune the browser.
type Options struct {
	// QuickTags are the tags digits 1–9 toggle; DefaultQuickTags when nil.
	QuickTags []string
	// Now stamps notes; time.Now when nil.
	Now func() time.Time
	// Greeting is a first message for the status line, such as that the
	// store was just seeded with the example.
	Greeting string
	// Warning, when set, is said on the status line as the browser
	// opens, in place of the greeting, and stays until a key: what the
	// reader must not miss about the store, such as that it may read as
	// it was before its last change.
	Warning string
	// ReadOnly, when set, says why the store cannot be changed (a file
	// the user may not write, a backup on write-protected media): the
	// header says read-only, and every key that would change the
	// investigation says this instead.
	ReadOnly string
	// LightBackground starts the browser with the palette for a light
	// background, as COLORFGBG says; the terminal's answer to the
	// background query, when it gives one, wins.
	LightBackground bool
	// Zone is where times written with an offset are shown at first; a
	// key cycles it.
	Zone model.Zone
	// Local is the reader's zone, which the key's local shows; time.Local
	// when nil.
	Local *time.Location
	// Role is what the investigator may change; RoleAdmin, everything,
	// when zero. Keys the role does not allow leave the help and say so
	// when pressed.
	Role Role
	// Remote serves the browser to a terminal elsewhere (over SSH): no
	// program runs on this machine for it (no editor, no opener, no
	// clipboard program, no suspending); copies and URLs go to the
	// reader's terminal.
	Remote bool
	// Colors, when set, is the profile of the terminal's colours, for a
	// program that draws in TrueColor (tea.WithColorProfile): the styles
	// are built in the terminal's colours once, where the renderer would
	// convert every cell's colours on every frame, through one lock
	// that every session of a server shares. Zero leaves the colours to
	// the renderer.
	Colors colorprofile.Profile
	// Location, when set, is what the browser names as where the
	// investigation is kept (the window's title, the help), in place of
	// its store's location: a server names the investigation, not the
	// path of its files on the server's disk.
	Location string
	// Selected, when set, is told the id of the event selected each time
	// it changes ("" for none), from a command: a server tells the other
	// sessions (Presence).
	Selected func(id string)
	// Drafts, when set, keeps what is typed and not saved when the
	// browser ends without the investigator closing its form (a signal,
	// the terminal or the connection gone), and gives it back: the next
	// browser opens the form again, filled as it was.
	Drafts Drafts
	// Commands, when set, marks the chrono commands a notice names to be
	// kept whole on a line where it fits (wordwrap.Keep), as the command
	// line knows them: the notices of the store's errors ("chrono revert
	// 7 brings it back") name them as the command line's errors do, and
	// a command broken over two lines reads as a command and some words.
	Commands func(notice string) string
	// draft is the draft Drafts kept, read before the browser starts.
	draft *Draft
}

// Model is the browser's root. Update changes it only in answer to
// messages; the store is read and written by the commands it returns.
type Model struct {
	ctx *shared
	// held are the keys pressed while the top screen waited for the rows
	// they act on (heldkeys.go).
	held    []tea.KeyPressMsg
	heldSeq int  // the hold's number, for its timer
	expired bool // the keys held are let go, their wait over
	// frame is the last screen drawn, given again while the messages
	// since changed nothing on it: Bubble Tea asks for the view after
	// every message, and on a server most come of others' changes
	// that touch nothing this session shows.
	frame   tea.View
	framed  bool
	screens []Screen // the top is the last
	dialog  Dialog   // nil when none is open
	// opening is set until where the journal stands is read (checkStart),
	// before which the screens read nothing: keys wait for it as they
	// wait for rows (heldkeys.go).
	opening bool
	// The footer's lines, as the terminal's height leaves room for, and
	// the size the top screen was given. statusN is how many lines the
	// status line takes while it is on: more than one for a long message.
	statusOn, helpOn bool
	statusN          int
	screenW, screenH int

	status   statusLine
	writes   writeQueue
	watcher  storeWatcher
	quitting bool
	// stopped is set when a signal ends the browser, and unsaved is then
	// the first change that failed on its way out; forced is set by a
	// second ctrl+c, which does not wait for the disk.
	stopped bool
	unsaved error
	forced  bool
	// discarded is what a signal closed unsaved: typed in a form; draft
	// is the same, to be kept.
	discarded string
	draft     *Draft
	// offer is the draft the browser was given, until its form opens;
	// given is the same, from then until the form is saved or discarded,
	// when drafts forgets it.
	offer, given *Draft
	drafts       Drafts
}

// New returns the browser over s.
func New(s model.Store, opts Options) *Model {
	qt := opts.QuickTags
	if qt == nil {
		qt = DefaultQuickTags
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	location := opts.Location
	if location == "" {
		location = s.Location()
	}
	ctx := &shared{
		store:    s,
		location: location,
		styles:   NewStylesIn(!opts.LightBackground, opts.Colors),
		keys:     newGlobalKeys(),
		now:      now,
		tick:     tea.Tick,
		exec:     execWithTerminal,
		clip:     systemClipboard,
		help:     help.New(),
		readOnly: opts.ReadOnly,
		zone:     opts.Zone,
		local:    opts.Local,
		role:     opts.Role,
		remote:   opts.Remote,
		selected: opts.Selected,
	}
	if opts.Remote {
		ctx.exec = refuseExec
		ctx.clip = terminalClipboard
		ctx.keys.Suspend.SetEnabled(false)
	}
	if ctx.local == nil {
		ctx.local = time.Local
	}
	ctx.help.Styles = ctx.styles.Help
	b := newBrowser(ctx, qt)
	b.restrictKeys()
	m := &Model{ctx: ctx, screens: []Screen{b}, opening: true, offer: opts.draft, drafts: opts.Drafts}
	m.status.commands = opts.Commands
	m.status.text = opts.Greeting
	m.status.err = opts.Warning != ""
	if m.status.err {
		m.status.text = opts.Warning
	}
	m.writes.gate = &writeGate{}
	return m
}

// Init asks for the terminal's background and where the store's journal
// stands; once that is known (opened), the browser reads what the
// screens share and starts the first screen.
func (m *Model) Init() tea.Cmd {
	var greet tea.Cmd
	if m.status.text != "" {
		greet = m.status.show(statusMsg{text: m.status.text, err: m.status.err}, m.ctx.tick)
	}
	return tea.Batch(greet, tea.RequestBackgroundColor, checkStart(m.ctx.store), checkChain(m.ctx.store, m.ctx.remote))
}

// opened reads what the screens share and starts the first screen, once
// the journal's newest entry is read (checkStart): every change after
// it is then either in what these reads find or told by the journal, as
// a change made between the first reads and the entry would be neither.
func (m *Model) opened() tea.Cmd {
	return tea.Batch(loadHeader(m.ctx.store), loadFacets(m.ctx.store), m.top().Init(), m.reopenDraft())
}

// top is the screen on top.
func (m *Model) top() Screen { return m.screens[len(m.screens)-1] }

// latest returns the newest version of an event any screen holds.
func (m *Model) latest(id string) (model.Event, bool) {
	for i := len(m.screens) - 1; i >= 0; i-- {
		if e, ok := m.screens[i].Latest(id); ok {
			return e, true
		}
	}
	return model.Event{}, false
}
