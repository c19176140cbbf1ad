package tui

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Run browses s in the terminal until the investigator quits. Every
// change has reached the store when it returns.
func Run(s Store, opts Options) (err error) {
	var popts []tea.ProgramOption
	if os.Getenv("NO_COLOR") != "" {
		// NO_COLOR asks for no colour whatever its value (no-color.org).
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	}
	sizeOpts, watch := sizeOptions()
	popts = append(popts, sizeOpts...)
	p := tea.NewProgram(New(s, opts), popts...)
	if watch != nil {
		watch(p)
	}
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("the browser stopped on an internal error; your saved changes are in the store: %w", err)
	}
	return err
}
