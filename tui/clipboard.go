package tui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// clipboard puts text on the system's clipboard through a program of the
// system, and names the program. It fails with errNoClipboardProgram
// when there is none to run.
type clipboard func(text string) (program string, err error)

var errNoClipboardProgram = errors.New("no clipboard program")

// clipboardWait is how long a clipboard program may take: one that cannot
// reach its display may otherwise hang.
const clipboardWait = 5 * time.Second

// systemClipboard runs the first clipboard program that fits the session:
// pbcopy on macOS, wl-copy under Wayland, xclip or xsel under X. Unlike
// OSC 52, which a terminal may ignore without a word, a program's exit
// status says whether the text got there.
func systemClipboard(text string) (string, error) {
	argv := clipboardCommand(runtime.GOOS, os.Getenv, exec.LookPath)
	if argv == nil {
		return "", errNoClipboardProgram
	}
	ctx, cancel := context.WithTimeout(context.Background(), clipboardWait)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(text)
	// No pipes for its output: xclip, xsel and wl-copy leave a child
	// behind to serve the selection, which would hold a pipe open.
	cmd.Stdout, cmd.Stderr = nil, nil
	name := argv[0][strings.LastIndexByte(argv[0], os.PathSeparator)+1:]
	return name, cmd.Run()
}

// clipboardCommand is the clipboard program to run and its arguments, or
// nil when none fits: the X programs only with a DISPLAY, wl-copy only
// with a WAYLAND_DISPLAY, as each fails without one.
func clipboardCommand(goos string, getenv func(string) string, lookPath func(string) (string, error)) []string {
	var candidates [][]string
	if goos == "darwin" {
		candidates = append(candidates, []string{"pbcopy"})
	}
	if getenv("WAYLAND_DISPLAY") != "" {
		candidates = append(candidates, []string{"wl-copy"})
	}
	if getenv("DISPLAY") != "" {
		candidates = append(candidates, []string{"xclip", "-selection", "clipboard"}, []string{"xsel", "--clipboard", "--input"})
	}
	for _, c := range candidates {
		if path, err := lookPath(c[0]); err == nil {
			return append([]string{path}, c[1:]...)
		}
	}
	return nil
}

// copyText copies text, described to the investigator as what: through
// the system's clipboard program when there is one, which says whether
// it worked, and otherwise by OSC 52 to the terminal, which says nothing,
// so neither does the message claim it worked. marked says the text had
// control characters shown as marks.
func copyText(clip clipboard, text, what string, marked bool) tea.Cmd {
	return func() tea.Msg { return copied(clip, text, what, marked) }
}

// copied does copyText's work and returns the message that follows. The
// message puts first what a narrow status line must not lose: how the
// text was sent and whether that is known to have worked.
func copied(clip clipboard, text, what string, marked bool) tea.Msg {
	note := ""
	if marked {
		note = " · not byte-for-byte: its control and invisible characters are copied as visible marks"
	}
	program, err := clip(text)
	if err == nil {
		return statusMsg{text: "copied " + what + " with " + program + note}
	}
	sent := "sent " + what + " by OSC 52; if the terminal ignores it, nothing was copied"
	switch {
	case errors.Is(err, errClientClipboard):
	case errors.Is(err, errNoClipboardProgram):
		note += " · no wl-copy, xclip, xsel or pbcopy to copy with"
	default:
		sent = program + " failed (" + err.Error() + "), so " + sent
	}
	return tea.BatchMsg{tea.SetClipboard(text), say(sent + note)}
}
