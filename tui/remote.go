package tui

import (
	"errors"
	"os/exec"

	tea "charm.land/bubbletea/v2"
)

// A browser served to a terminal elsewhere (Options.Remote) runs no
// program on the machine it runs on: the person at the terminal is not
// the server's user. What would run one reaches their terminal instead:
// a URL to open is shown as a hyperlink and copied by OSC 52, a copy goes
// by OSC 52, and events are edited in the form, never in $EDITOR.

// errClientClipboard is the clipboard of a remote browser: the reader's
// terminal, through OSC 52.
var errClientClipboard = errors.New("the clipboard is the terminal's")

// terminalClipboard runs no program: the copy goes by OSC 52.
func terminalClipboard(string) (string, error) { return "", errClientClipboard }

// refuseExec runs nothing: no program runs on the server for a remote
// browser.
func refuseExec(_ *exec.Cmd, done tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return done(errNoProgram) }
}

var errNoProgram = errors.New("no program runs on the server for a browser served over SSH")

// openURL opens a URL: with the system's opener at the investigator's
// own terminal; shown as a hyperlink and copied through the terminal
// for a remote one.
func (c *shared) openURL(u string) tea.Cmd {
	if !c.remote {
		return openURL(u)
	}
	// What happened comes first: a long URL may be cut at the message's
	// last line, and it is a link and in the clipboard all the same.
	return tea.Batch(tea.SetClipboard(u), func() tea.Msg {
		return statusMsg{text: "open the link, also in your clipboard (OSC 52): " + u, link: u}
	})
}
