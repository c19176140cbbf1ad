//go:build unix

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// watchResizes tells p of the terminal's new size on every SIGWINCH, for
// when Bubble Tea is not watching the terminal itself, until stop.
func watchResizes(p *tea.Program) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	go func() {
		for range sig {
			w, h := terminalSize(os.Stdout)
			p.Send(tea.WindowSizeMsg{Width: w, Height: h})
		}
	}()
	return func() {
		signal.Stop(sig)
		close(sig)
	}
}
