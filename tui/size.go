package tui

import (
	"io"
	"os"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

// The largest screen chrono draws. A terminal (or COLUMNS and LINES) can
// claim any size; a frame, and the renderer's buffer of cells, are as
// large as the size, so an absurd one must not reach them.
const (
	MaxWidth  = 512
	MaxHeight = 256
)

// clampSize keeps a size within 0…MaxWidth × 0…MaxHeight.
func clampSize(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// clampResizes is a tea.WithFilter filter: every size the program hears
// of is clamped before the renderer or the model sees it.
func clampResizes(_ tea.Model, msg tea.Msg) tea.Msg {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		size.Width, size.Height = clampSize(size.Width, size.Height)
		return size
	}
	return msg
}

// sizeOptions returns the program options that keep the screen within
// bounds. Bubble Tea sizes its renderer from the terminal, or COLUMNS and
// LINES, before any filter sees the size; so when that size is absurd,
// chrono gives Bubble Tea its output as a plain writer (which it does not
// measure), a clamped size, the colours the terminal has, and the
// terminal's resizes itself.
func sizeOptions() (opts []tea.ProgramOption, watch func(*tea.Program) (stop func())) {
	opts = []tea.ProgramOption{tea.WithFilter(clampResizes)}
	w, h := terminalSize(os.Stdout)
	if w <= MaxWidth && h <= MaxHeight {
		return opts, nil
	}
	w, h = clampSize(w, h)
	opts = append(opts,
		tea.WithOutput(plainWriter{os.Stdout}),
		tea.WithWindowSize(w, h),
		tea.WithColorProfile(colorprofile.Detect(os.Stdout, os.Environ())))
	return opts, watchResizes
}

// terminalSize is the size Bubble Tea would take: the terminal's, else
// COLUMNS and LINES, else 80×24.
func terminalSize(f *os.File) (w, h int) {
	w, h, err := term.GetSize(f.Fd())
	if err != nil {
		w, h = 0, 0
	}
	if w <= 0 {
		w = envInt("COLUMNS", 80)
	}
	if h <= 0 {
		h = envInt("LINES", 24)
	}
	return w, h
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// plainWriter hides that the output is a terminal.
type plainWriter struct{ io.Writer }
