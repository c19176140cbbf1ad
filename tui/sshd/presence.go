package sshd

import (
	"maps"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/tui"
)

// presenceEvery is how often, at most, a session is told who else is
// where: often enough to read as live, seldom enough that people moving
// about one stretch of the timeline do not redraw each other's screens
// on every key. At 250 ms, fifty people browsing one stretch of 100,000
// events drew 1,600 frames for one another in ten seconds, as many as
// their own keys did, and kept the server's two cores busy.
const presenceEvery = time.Second

// Who is where is worked out when a session is ready to be told, not
// when someone moves: a key that moves one person's cursor only marks
// the sessions it may concern (those at the event left or reached), and
// each works out what it shows of the others at most once every
// presenceEvery. Worked out and told to every session it concerned, a
// move at fifty people in one stretch of the timeline built fifty lists
// of fifty names, most of them replaced unread before the next second.

// tellPresence marks every session in an investigation as due news of
// the others: someone came or went. s.mu is held.
func (s *Server) tellPresence() {
	for x := range s.sessions {
		if x.inv != "" {
			x.presenceDue()
		}
	}
}

// tellMoved marks, once x's cursor moved from the event from, the
// sessions it may concern: x, and those at from or where x arrived.
// s.mu is held.
func (s *Server) tellMoved(x *session, from string) {
	x.presenceDue()
	if from == x.selected {
		return
	}
	for y := range s.sessions {
		if y != x && y.inv == x.inv && y.selected != "" && (y.selected == from || y.selected == x.selected) {
			y.presenceDue()
		}
	}
}

// presenceDue says that x may have news of the others, without waiting.
func (x *session) presenceDue() {
	select {
	case x.presence <- struct{}{}:
	default:
	}
}

// presenceFor works out who else is in x's investigation and who else
// has its event selected; news is false when that is what x was last
// told. s.mu is held.
func (s *Server) presenceFor(x *session) (msg tea.Msg, news bool) {
	if x.inv == "" {
		return nil, false
	}
	users, at := map[string]int{}, map[string]int{}
	for y := range s.sessions {
		if y.inv != x.inv {
			continue
		}
		users[y.user]++
		if x.selected != "" && y.selected == x.selected {
			at[y.user]++
		}
	}
	others, with := othersThan(x.user, users), othersThan(x.user, at)
	told := presenceTold{others: strings.Join(others, "\n"), with: strings.Join(with, "\n")}
	if len(with) > 0 {
		told.at = x.selected
	}
	if told == x.told {
		return nil, false
	}
	x.told = told
	selecting := map[string][]string{}
	if len(with) > 0 {
		selecting[x.selected] = with
	}
	return tui.Presence(others, selecting), true
}

// othersThan returns, in order, the users of sessions counts has beside
// one session of user's own.
func othersThan(user string, counts map[string]int) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		n := counts[name]
		if name == user {
			n-- // the session itself
		}
		if n > 0 {
			out = append(out, name)
		}
	}
	return out
}

// presenceTold is what a session was last told of the others: their
// names, and those who had the event at selected too, one a line.
type presenceTold struct {
	others, with, at string
}
