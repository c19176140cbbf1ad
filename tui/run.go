package tui

import (
	"chrono/model"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Run browses s in the terminal until the investigator quits. Every
// change has reached the store when it returns.
func Run(s model.Store, opts Options) (err error) {
	popts, watch := sizeOptions()
	if os.Getenv("NO_COLOR") != "" {
		// NO_COLOR asks for no colour whatever its value (no-color.org);
		// last, so that it wins over a profile the size options detect.
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	}
	g := &guard{m: New(s, opts), location: s.Location()}
	p := tea.NewProgram(g, popts...)
	g.quit = p.Quit
	if watch != nil {
		defer watch(p)()
	}
	_, err = p.Run()
	if gerr := g.err(); gerr != nil {
		return gerr
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("the browser stopped on an internal error; every change it confirmed is saved in the store: %w", err)
	}
	return err
}
