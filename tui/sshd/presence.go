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
// on every key.
const presenceEvery = 250 * time.Millisecond

// tellPresence tells each session who else is in its investigation and
// who else has its event selected, when that changed since it was last
// told: a key that moves one person's cursor redraws only the screens
// of those who sit where it left or arrived, not every session's (50
// redraws a key, at 50 people, were most of a loaded server's work).
// s.mu is held.
func (s *Server) tellPresence() {
	// Who is where is counted once per investigation, not once per
	// session and again for each other session: every key that moves a
	// cursor asks, and at 50 sessions that was a tenth of the server's
	// work.
	rooms := map[string]*room{}
	for x := range s.sessions {
		if x.inv == "" {
			continue
		}
		r := rooms[x.inv]
		if r == nil {
			r = &room{users: map[string]int{}, at: map[string]map[string]int{}}
			rooms[x.inv] = r
		}
		r.users[x.user]++
		if x.selected != "" {
			if r.at[x.selected] == nil {
				r.at[x.selected] = map[string]int{}
			}
			r.at[x.selected][x.user]++
		}
	}
	for _, r := range rooms {
		r.names = slices.Sorted(maps.Keys(r.users))
	}
	for x := range s.sessions {
		if x.inv == "" {
			continue
		}
		r := rooms[x.inv]
		others := r.othersThan(x.user, r.users)
		var with []string
		if x.selected != "" {
			with = r.othersThan(x.user, r.at[x.selected])
		}
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

// room is who is in one investigation: each user's sessions, and each
// selected event's sessions by user.
type room struct {
	users map[string]int
	names []string // the users, sorted
	at    map[string]map[string]int
}

// othersThan returns, in order, the users of sessions counts has beside
// one session of user's own.
func (r *room) othersThan(user string, counts map[string]int) []string {
	var out []string
	for _, name := range r.names {
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
