//go:build !unix

package tui

import tea "charm.land/bubbletea/v2"

// watchResizes does nothing where there is no SIGWINCH: Bubble Tea does
// not follow resizes there either.
func watchResizes(*tea.Program) (stop func()) { return func() {} }
