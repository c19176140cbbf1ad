package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"chrono/model"
)

// Run browses s in the terminal until the investigator quits, or a
// signal (SIGTERM, SIGHUP, SIGINT) ends it, when it returns a *Stopped.
// Every change has reached the store when it returns, unless a second
// ctrl+c asked not to wait for the disk.
func Run(s model.Store, opts Options) (err error) {
	popts, watch := sizeOptions()
	// chrono's own handler: Bubble Tea's ends the program on SIGTERM
	// without waiting for the writes, and knows nothing of SIGHUP.
	popts = append(popts, tea.WithoutSignalHandler())
	if os.Getenv("NO_COLOR") != "" {
		// NO_COLOR asks for no colour whatever its value (no-color.org);
		// last, so that it wins over a profile the size options detect.
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	}
	if light, ok := lightFromColorFGBG(os.Getenv("COLORFGBG")); ok {
		opts.LightBackground = light
	}
	if err := takeDraft(&opts); err != nil {
		opts.Warning = strings.TrimPrefix(opts.Warning+"; "+err.Error(), "; ")
	}
	m := New(s, opts)
	g := &guard{m: m, location: s.Location()}
	var ends *stops // set before the program runs, and so before a hangup
	if term.IsTerminal(os.Stdin.Fd()) {
		in := &hangupInput{File: os.Stdin, hangup: func() { ends.stop(syscall.SIGHUP) }}
		popts = append(popts, tea.WithInput(in))
	}
	p := tea.NewProgram(g, popts...)
	g.quit = p.Quit
	if n, ok := s.(model.Notifier); ok {
		go passNotices(n.Changes(), p)
	} else {
		defer watchWhileIdle(p.Send)()
	}
	if watch != nil {
		defer watch(p)()
	}
	ends = catchStops(p)
	// Signals are still caught while the last writes are made: a closed
	// terminal can send SIGHUP more than once.
	defer ends.close()
	_, err = p.Run()
	var unsaved error
	if !m.forced {
		// The program can end with writes on their way (a closed terminal
		// ends its input): they are made before the process exits.
		unsaved = errors.Join(m.unsaved, m.writes.finish(s))
	}
	derr := leaveDraft(opts, m)
	if gerr := g.err(); gerr != nil {
		return gerr
	}
	if sig, ok := ends.signalled(); ok {
		return &Stopped{Signal: sig, Unsaved: unsaved, Discarded: m.discarded, Drafted: draftKept(opts, m, derr), Undrafted: derr}
	}
	if derr != nil {
		return fmt.Errorf("what was typed and not saved could not be kept: %w", derr)
	}
	if unsaved != nil {
		return fmt.Errorf("a change was not saved: %w", unsaved)
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("the browser stopped on an internal error; every change it confirmed is saved in the store: %w", err)
	}
	return err
}

// passNotices gives the browser each notice of a store that says when
// it changes, as it comes, until the store is closed.
func passNotices(notices <-chan model.Notice, p *tea.Program) {
	for n := range notices {
		p.Send(noticeMsg{n})
	}
}
