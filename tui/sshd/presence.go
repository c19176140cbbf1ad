package sshd

import (
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/tui"
)

// presenceEvery is how often, at most, a session is told who else is
// where: often enough to read as live, seldom enough that people moving
// about one stretch of the timeline do not redraw each other's screens
// on every key.
const presenceEvery = 250 * time.Millisecond

// tellPresence tells each session who else is in its investigation and
// who else has its event selected, when that changed since it was last
// told: a key that moves one person's cursor redraws only the screens
// of those who sit where it left or arrived, not every session's (50
// redraws a key, at 50 people, were most of a loaded server's work).
// s.mu is held.
func (s *Server) tellPresence() {
	for x := range s.sessions {
		if x.inv == "" {
			continue
		}
		var others, with []string
		for y := range s.sessions {
			if y == x || y.inv != x.inv {
				continue
			}
			if !slices.Contains(others, y.user) {
				others = append(others, y.user)
			}
			if x.selected != "" && y.selected == x.selected && !slices.Contains(with, y.user) {
				with = append(with, y.user)
			}
		}
		slices.Sort(others)
		slices.Sort(with)
		told := presenceTold{others: strings.Join(others, "\n"), with: strings.Join(with, "\n")}
		if len(with) > 0 {
			told.at = x.selected
		}
		if told == x.told {
			continue
		}
		x.told = told
		selecting := map[string][]string{}
		if len(with) > 0 {
			selecting[x.selected] = with
		}
		offer(x.presence, tui.Presence(others, selecting))
	}
}

// presenceTold is what a session was last told of the others: their
// names, and those who had the event at selected too, one a line.
type presenceTold struct {
	others, with, at string
}

// offer puts msg in c, replacing one not taken yet: the server never
// waits for a session.
func offer(c chan tea.Msg, msg tea.Msg) {
	for {
		select {
		case c <- msg:
			return
		default:
		}
		select {
		case <-c:
		default:
		}
	}
}
