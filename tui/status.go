package tui

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
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
	// offer is what the next key may do with the message; nil for none.
	offer *offer
	// lines is the message wrapped to width cells, made in Update (rows)
	// so that View does not wrap it again each frame.
	lines []string
	width int
	// link makes the message a hyperlink (OSC 8) to this URL.
	link string
	// said is the number of the latest message of say shown.
	said uint64
	// commands marks the commands a message names (Options.Commands).
	commands func(string) string
}

// statusRows is the most lines a message takes: a long one (a path, a
// URL) wraps rather than losing its end at the terminal's edge.
const statusRows = 3

// offer is a use a message gives a key until the next key: y copies the
// URL of a source that could not be opened.
type offer struct {
	key key.Binding
	do  tea.Cmd
}

// statusMsg asks the root to show a message; screens and dialogs say
// things through it (say, fail).
type statusMsg struct {
	text  string
	err   bool
	offer *offer
	link  string
	said  uint64 // its number among those say made, or 0
	// also adds the text to the message shown, when it is not an
	// error, rather than replacing it (sayAlso).
	also bool
}

// statusExpiredMsg clears a transient status message.
type statusExpiredMsg struct{ seq int }

// said numbers the messages say makes, in the order Update asks for them:
// their commands run side by side, and may come back in another.
var said atomic.Uint64

// say returns a command that shows a message on the status line, unless
// one said after it has been shown already (two keys pressed at once,
// each saying what it did: the later stays).
func say(s string) tea.Cmd {
	n := said.Add(1)
	return func() tea.Msg { return statusMsg{text: s, said: n} }
}

// sayAlso returns a command that adds s to the message on the status
// line, after " · ": what a write said it did stays beside what
// followed from it ("added x · u to undo · event x is not in this view").
func sayAlso(s string) tea.Cmd {
	n := said.Add(1)
	return func() tea.Msg { return statusMsg{text: s, said: n, also: true} }
}

// fail returns a command that shows an error on the status line.
func fail(err error) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: err.Error(), err: true} }
}

// offerCopy is an error that gives text to copy, last, where it wraps
// onto lines of its own, and has y copy it: a URL there is no program to
// open, which a line cut by the terminal's edge would lose.
func offerCopy(clip clipboard, err error, what, text string) tea.Cmd {
	y := key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy"))
	return func() tea.Msg {
		// The copy goes the way y's other copies go, and its message says
		// only what is known to have worked.
		return statusMsg{text: err.Error() + " · " + keyOf(y) + " copies " + what + ": " + text, err: true,
			offer: &offer{key: y, do: copyText(clip, text, what, false)}}
	}
}

// show puts a message or an error on the line; a message goes after
// statusFor, by tick.
func (s *statusLine) show(msg statusMsg, tick ticker) tea.Cmd {
	if msg.said != 0 {
		if msg.said < s.said {
			return nil // overtaken by a message said after it
		}
		s.said = msg.said
	}
	if s.commands != nil {
		msg.text = s.commands(msg.text)
	}
	if msg.also && s.text != "" && !s.err && !msg.err {
		msg.text, msg.offer, msg.link = s.text+" · "+msg.text, s.offer, s.link
	}
	s.set(msg.text, msg.err)
	s.offer = msg.offer
	s.link = msg.link
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
		s.clear()
	}
}

// clear empties the line as the investigator acts; a timer set for what
// it showed then finds a later seq, or nothing to clear.
func (s *statusLine) clear() { s.set("", false); s.offer, s.link = nil, "" }

// set puts text on the line, to be wrapped again.
func (s *statusLine) set(text string, err bool) {
	s.text, s.err = text, err
	s.lines, s.width = nil, 0
}

// take gives k to the message's offer: the command it runs, or false when
// the message offers nothing for k.
func (s *statusLine) take(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if s.offer == nil || !key.Matches(k, s.offer.key) {
		return nil, false
	}
	return s.offer.do, true
}

// rows is how many lines the message needs in w cells, up to statusRows.
// It keeps the wrapped lines for view.
func (s *statusLine) rows(st *Styles, w int) int {
	if s.width != w || s.lines == nil {
		s.lines, s.width = s.wrapped(st, w), w
	}
	return min(max(len(s.lines), 1), statusRows)
}

// wrapped is the message, with its sign, in lines of w cells: words as
// they fit, a quoted value, an example or a command kept whole on a line
// where it fits (wrapMessage), and a word longer than a line (a URL, a
// path) cut only where the width forces it, never at its hyphens, so
// that it reads whole.
func (s *statusLine) wrapped(st *Styles, w int) []string {
	if s.text == "" || w <= 0 {
		return nil
	}
	text := line(s.text)
	if s.err {
		text = "✗ " + text
	}
	return st.wrapMessage(text, w)
}

// view renders the message in n lines of w cells, its end cut if it
// needs more, or the screen's hint when there is no message.
func (s *statusLine) view(st *Styles, w, n int, hint string) []string {
	out := make([]string, 0, n)
	style := st.Message
	if s.err {
		style = st.Error
	}
	if s.link != "" {
		style = Ink{Style: style.Hyperlink(s.link)}
	}
	lines := s.lines
	if s.width != w || lines == nil {
		lines = s.wrapped(st, w)
	}
	if len(lines) > n {
		lines = slices.Clone(lines)
		lines = append(lines[:n-1], lines[n-1]+" "+strings.Join(lines[n:], " "))
	}
	for _, l := range lines {
		out = append(out, st.fit(style.Render(l), w))
	}
	if len(out) == 0 && hint != "" {
		out = append(out, st.fit(st.Muted.Render(hint), w))
	}
	for len(out) < n {
		out = append(out, "")
	}
	return out
}
