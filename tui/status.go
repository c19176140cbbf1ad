package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// statusFor is how long a message stays on the status line.
const statusFor = 5 * time.Second

// statusLine is the last message for the investigator: a message goes
// after a while or at the next key, an error stays until the next key,
// so that neither reads as the outcome of a later action.
type statusLine struct {
	text string
	err  bool
	seq  int // tells the message a timer was set for from a later one
}

// statusMsg asks the root to show a message; screens and dialogs say
// things through it (say, fail).
type statusMsg struct {
	text string
	err  bool
}

// statusExpiredMsg clears a transient status message.
type statusExpiredMsg struct{ seq int }

// say returns a command that shows a message on the status line.
func say(s string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: s} }
}

// fail returns a command that shows an error on the status line.
func fail(err error) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: err.Error(), err: true} }
}

// show puts a message or an error on the line; a message goes after
// statusFor, by tick.
func (s *statusLine) show(msg statusMsg, tick ticker) tea.Cmd {
	s.text, s.err = msg.text, msg.err
	s.seq++
	if msg.err {
		return nil
	}
	return expireStatus(tick, s.seq, statusFor)
}

// expire clears the message seq, unless another has come since; an
// error waits for a key.
func (s *statusLine) expire(seq int) {
	if seq == s.seq && !s.err {
		s.text, s.err = "", false
	}
}

// clear empties the line as the investigator acts; a timer set for what
// it showed then finds a later seq, or nothing to clear.
func (s *statusLine) clear() { s.text, s.err = "", false }

// view renders the line in w cells, or the screen's hint when there is
// no message.
func (s *statusLine) view(st *Styles, w int, hint string) string {
	switch {
	case s.text != "" && s.err:
		return st.fit(st.Error.Render("✗ "+line(s.text)), w)
	case s.text != "":
		return st.fit(st.Message.Render(line(s.text)), w)
	case hint != "":
		return st.fit(st.Muted.Render(hint), w)
	}
	return ""
}
