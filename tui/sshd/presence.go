package sshd

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/tui"
)

// tellPresence tells each session who else is in its investigation and
// which event each has selected. s.mu is held.
func (s *Server) tellPresence() {
	for x := range s.sessions {
		if x.inv == "" {
			continue
		}
		var others []string
		selecting := map[string][]string{}
		for y := range s.sessions {
			if y == x || y.inv != x.inv {
				continue
			}
			if !slices.Contains(others, y.user) {
				others = append(others, y.user)
			}
			if y.selected != "" && !slices.Contains(selecting[y.selected], y.user) {
				selecting[y.selected] = append(selecting[y.selected], y.user)
			}
		}
		slices.Sort(others)
		for _, names := range selecting {
			slices.Sort(names)
		}
		offer(x.presence, tui.Presence(others, selecting))
	}
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
