package sshd

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// display draws a session's frames on its client's terminal, in place of
// Bubble Tea's renderer. That renderer reads every frame's text into a
// grid of cells and compares each cell with the last frame's, whatever
// changed, and writes at its next tick: under fifty sessions' load it was
// 58% of the server's CPU (some 1.3 ms a frame) and two grids a session
// on the heap, and the frames of keys pressed together queued for the
// cores. The browser draws whole lines, each fitted to the terminal's
// width, so a line is compared with the line drawn at its row before,
// and only the lines that changed are written again, whole. A frame is
// written as soon as it is drawn; one drawn while the last is still being
// written replaces any that waits.
//
// The screen is the terminal's alternate one, with the text cursor
// hidden unless a frame places it, bracketed paste and the mouse as the
// frame asks, and lines never wrapped: a line the terminal finds wider
// than chrono did is cut, not carried onto the next row.
type display struct {
	out   io.Writer
	wake  chan struct{}
	done  chan struct{}
	ended chan struct{}

	mu     sync.Mutex
	next   tea.View
	fresh  bool // next is not drawn yet
	height int
	erase  bool // the client's screen is to be drawn whole

	// Only the drawing goroutine reads and writes these.
	started bool
	shown   []string     // the lines on the client's screen, by row
	content string       // the frame they came from
	last    tea.View     // the modes the client's terminal is in
	cursor  tea.Position // where the text cursor was placed
	buf     bytes.Buffer
}

// newDisplay starts drawing to out, a terminal of height rows.
func newDisplay(out io.Writer, height int) *display {
	d := &display{out: out, wake: make(chan struct{}, 1), done: make(chan struct{}), ended: make(chan struct{}),
		height: height}
	go d.run()
	return d
}

// show is given each frame the session's program draws.
func (d *display) show(v tea.View) {
	d.mu.Lock()
	d.next, d.fresh = v, true
	d.mu.Unlock()
	d.poke()
}

// resize says the client's terminal changed size: its screen is drawn
// again whole, as terminals rearrange what they show when resized.
func (d *display) resize(height int) {
	d.mu.Lock()
	d.height, d.erase = height, true
	d.mu.Unlock()
	d.poke()
}

func (d *display) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// close draws the last frame and gives the client's terminal back as it
// was. It waits at most wait for a client that does not read: the
// session's end closes its connection, which ends the write.
func (d *display) close(wait time.Duration) {
	close(d.done)
	select {
	case <-d.ended:
	case <-time.After(wait):
	}
}

func (d *display) run() {
	defer close(d.ended)
	for {
		select {
		case <-d.wake:
			if d.draw() != nil {
				return
			}
		case <-d.done:
			if d.draw() == nil && d.started {
				_, _ = io.WriteString(d.out, d.restore())
			}
			return
		}
	}
}

// draw writes what changed since the frame last drawn.
func (d *display) draw() error {
	d.mu.Lock()
	v, fresh, h, erase := d.next, d.fresh, d.height, d.erase
	d.fresh, d.erase = false, false
	d.mu.Unlock()
	if !fresh && !erase {
		return nil
	}
	b := &d.buf
	b.Reset()
	b.WriteString(ansi.SetModeSynchronizedOutput)
	start := b.Len()
	if !d.started {
		d.started, erase = true, true
		b.WriteString(ansi.SetModeAltScreenSaveCursor)
		b.WriteString(ansi.ResetModeTextCursorEnable)
		b.WriteString(ansi.ResetModeAutoWrap)
		// Keys told apart as Bubble Tea's renderer asks for them.
		b.WriteString(ansi.SetModifyOtherKeys2)
		b.WriteString(ansi.PushKittyKeyboard(1))
		b.WriteString(ansi.RequestKittyKeyboard)
		d.last = tea.View{DisableBracketedPasteMode: true}
	}
	d.modes(v)
	if erase {
		b.WriteString(ansi.ResetStyle + ansi.EraseEntireScreen)
		d.shown, d.content = nil, ""
	}
	drew := v.Content != d.content || erase
	if drew {
		d.lines(v.Content, h)
	}
	if c := v.Cursor; c != nil && (drew || c.Position != d.cursor) {
		b.WriteString(ansi.CursorPosition(c.X+1, c.Y+1))
		d.cursor = c.Position
	}
	if b.Len() == start {
		return nil // nothing changed on screen
	}
	b.WriteString(ansi.ResetModeSynchronizedOutput)
	_, err := d.out.Write(b.Bytes())
	return err
}

// lines writes the rows of content that differ from those shown.
func (d *display) lines(content string, h int) {
	b := &d.buf
	rows := strings.Split(content, "\n")
	if h > 0 && len(rows) > h {
		rows = rows[:h]
	}
	for i, row := range rows {
		if i < len(d.shown) && d.shown[i] == row {
			continue
		}
		b.WriteString(ansi.CursorPosition(1, i+1))
		b.WriteString(ansi.EraseEntireLine)
		b.WriteString(row)
		b.WriteString(ansi.ResetStyle)
	}
	for i := len(rows); i < len(d.shown); i++ {
		b.WriteString(ansi.CursorPosition(1, i+1))
		b.WriteString(ansi.EraseEntireLine)
	}
	d.shown, d.content = rows, content
}

// modes writes the terminal modes v asks for that differ from those set.
func (d *display) modes(v tea.View) {
	b, was := &d.buf, d.last
	if (v.Cursor != nil) != (was.Cursor != nil) {
		if v.Cursor != nil {
			b.WriteString(ansi.SetModeTextCursorEnable)
		} else {
			b.WriteString(ansi.ResetModeTextCursorEnable)
		}
	}
	if v.DisableBracketedPasteMode != was.DisableBracketedPasteMode {
		if v.DisableBracketedPasteMode {
			b.WriteString(ansi.ResetModeBracketedPaste)
		} else {
			b.WriteString(ansi.SetModeBracketedPaste)
		}
	}
	if v.MouseMode != was.MouseMode {
		b.WriteString(ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr)
		switch v.MouseMode {
		case tea.MouseModeCellMotion:
			b.WriteString(ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr)
		case tea.MouseModeAllMotion:
			b.WriteString(ansi.SetModeMouseAnyEvent + ansi.SetModeMouseExtSgr)
		}
	}
	if v.WindowTitle != was.WindowTitle {
		b.WriteString(ansi.SetWindowTitle(v.WindowTitle))
	}
	d.last = tea.View{Cursor: v.Cursor, DisableBracketedPasteMode: v.DisableBracketedPasteMode,
		MouseMode: v.MouseMode, WindowTitle: v.WindowTitle}
}

// restore is what gives the client's terminal back as it was before the
// session: its main screen, cursor and modes.
func (d *display) restore() string {
	var b strings.Builder
	b.WriteString(ansi.ResetStyle)
	b.WriteString(ansi.ResetModifyOtherKeys)
	b.WriteString(ansi.PopKittyKeyboard(1))
	if d.last.MouseMode != tea.MouseModeNone {
		b.WriteString(ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr)
	}
	if !d.last.DisableBracketedPasteMode {
		b.WriteString(ansi.ResetModeBracketedPaste)
	}
	if d.last.WindowTitle != "" {
		b.WriteString(ansi.SetWindowTitle(""))
	}
	b.WriteString(ansi.SetModeAutoWrap)
	b.WriteString(ansi.SetModeTextCursorEnable)
	b.WriteString(ansi.ResetModeAltScreenSaveCursor)
	return b.String()
}

// serialWriter lets the program's own writes (the clipboard, queries to
// the terminal) and the display's frames take turns on the connection,
// so that their packets never interleave.
type serialWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *serialWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
