package tui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Session is a browser served to a terminal elsewhere, over SSH: the
// program that runs it belongs to the server, which gives it the
// connection's input and output and tells it the terminal's size. It is
// always Remote.
type Session struct {
	m    *Model
	g    *guard
	s    model.Store
	opts Options
}

// NewSession returns a browser of s for a remote terminal.
// A draft kept (Options.Drafts) that cannot be read is said as the
// browser opens, which then opens without it.
func NewSession(s model.Store, opts Options) *Session {
	opts.Remote = true
	if err := takeDraft(&opts); err != nil {
		opts.Warning = strings.TrimPrefix(opts.Warning+"; "+err.Error(), "; ")
	}
	m := New(s, opts)
	return &Session{m: m, g: &guard{m: m, location: m.ctx.location}, s: s, opts: opts}
}

// LeaveDraft keeps what was typed in the form open when the session's
// program ended, and not saved, for the person's next session of the
// investigation (Options.Drafts); it reports whether it kept one. Only
// once the program has ended.
func (x *Session) LeaveDraft() (bool, error) {
	if err := leaveDraft(x.opts, x.m); err != nil {
		return false, err
	}
	return x.opts.Drafts != nil && x.m.draftLeft() != nil, nil
}

// TypedAway is what was typed in the form open when the session's
// program ended, and not saved (a form closes with the session): "" for
// nothing. Only once the program has ended.
func (x *Session) TypedAway() string {
	if t, ok := x.m.dialog.(typedAway); ok {
		return t.typedAway()
	}
	return ""
}

// Model is what the session's program runs.
func (x *Session) Model() tea.Model { return x.g }

// Started gives the session its program, which a crash in View ends.
func (x *Session) Started(p *tea.Program) { x.g.quit = p.Quit }

// Finish makes the changes still on their way once the program has
// ended, and says what went wrong: a crash, or a change not saved.
func (x *Session) Finish() error {
	if err := x.g.err(); err != nil {
		return err
	}
	if unsaved := errors.Join(x.m.unsaved, x.m.writes.finish(x.s)); unsaved != nil {
		return fmt.Errorf("a change was not saved: %w", unsaved)
	}
	return nil
}

// Notice is a message for the status line of a session's browser, sent
// by the server (a limit reached): an error when err.
func Notice(text string, err bool) tea.Msg { return statusMsg{text: text, err: err} }

// Changed tells a session's browser that its store is now at version (as
// Store.Version gives it), changed by another session or process: what
// is on screen is read again, as when the browser notices it itself.
func Changed(version string) tea.Msg { return versionMsg{version: version} }
