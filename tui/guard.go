package tui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/model/wordwrap"
)

// guard runs the browser so that a panic anywhere in it (Update, View, or
// a command) ends the program the ordinary way: Bubble Tea restores the
// terminal, and Run returns an error whose message is safe to print. Bubble
// Tea's own handler would print the panic's value raw, which may hold text
// from the investigation, and a stack trace; the trace goes to a file
// instead, for a bug report.
//
// Damage to the store is not a crash: a command that panics with it (a
// fault in the store's memory map, or an error that is model.ErrDamaged)
// says so on the status line, in the damage message's form, and the
// browser goes on; the store's own guard turns nearly all such into
// errors first, and this is the last net.
type guard struct {
	m        tea.Model
	quit     func() // ends the program from View, which cannot return a command
	crash    *crash // the first panic
	location string // the store's, for the damage message
}

// crash is a panic caught by the guard.
type crash struct {
	value any
	stack []byte
}

// crashMsg carries a command's panic back to Update.
type crashMsg struct{ crash *crash }

func (g *guard) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.m.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	// Set before the deferred recover: a panic must still return the
	// guard, or Bubble Tea renders a nil model and panics in turn, out of
	// the guard's reach, printing its stack trace on the terminal.
	m = g
	defer g.recover(&cmd)
	if c, ok := msg.(crashMsg); ok {
		g.note(c.crash)
		return g, tea.Quit
	}
	if g.crash != nil {
		return g, tea.Quit
	}
	next, cmd := g.m.Update(msg)
	g.m = next
	return g, g.wrap(cmd)
}

func (g *guard) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			g.note(&crash{value: r, stack: debug.Stack()})
			if g.quit != nil {
				// View runs on the event loop, which Quit sends to.
				go g.quit()
			}
			v = tea.NewView("")
		}
	}()
	if g.crash != nil {
		return tea.NewView("")
	}
	return g.m.View()
}

// recover turns a panic in Init or Update into quitting.
func (g *guard) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.note(&crash{value: r, stack: debug.Stack()})
		*cmd = tea.Quit
	}
}

func (g *guard) note(c *crash) {
	if g.crash == nil {
		g.crash = c
	}
}

// wrap makes a command report its panic as a crashMsg, and so the
// commands of a batch it returns.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				if damage := damageOf(r, g.location); damage != "" {
					msg = statusMsg{text: damage, err: true}
					return
				}
				msg = crashMsg{&crash{value: r, stack: debug.Stack()}}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = g.wrap(c)
			}
			return wrapped
		}
		return msg
	}
}

// damageOf is what to say of a panic that is the store's damage, or ""
// when it is not. A fault at an address can only be one: under
// debug.SetPanicOnFault, which only the store sets, while it reads its
// memory map.
func damageOf(r any, location string) string {
	if err, ok := r.(error); ok && errors.Is(err, model.ErrDamaged) {
		return termtext.Line(err.Error())
	}
	if _, ok := r.(interface{ Addr() uintptr }); ok {
		return termtext.Line(fmt.Sprintf("store %s is %v (reading it faulted: %v): nothing was changed; restore it from a backup made before the damage (%s says how far it goes; %s keeps what can be read)", location, model.ErrDamaged, r, wordwrap.Keep("chrono check --store"), wordwrap.Keep("chrono export -o FILE")))
	}
	return ""
}

// err describes the crash, if there was one, for the investigator.
func (g *guard) err() error {
	if g.crash == nil {
		return nil
	}
	report := ""
	if f, err := os.CreateTemp("", "chrono-crash-*.txt"); err == nil {
		_, werr := fmt.Fprintf(f, "%v\n\n%s", g.crash.value, g.crash.stack)
		if f.Close() == nil && werr == nil {
			report = "; the details are in " + f.Name() + " for a bug report"
		}
	}
	return fmt.Errorf("the browser stopped on an internal error (%s); every change it confirmed is saved in the store%s",
		termtext.Line(fmt.Sprint(g.crash.value)), report)
}
