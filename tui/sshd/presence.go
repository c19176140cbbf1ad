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

// tellPresence tells each session who else is in its investigation and
// who else has its event selected, when that changed since it was last
// told: a key that moves one person's cursor redraws only the screens
// of those who sit where it left or arrived, not every session's (50
// redraws a key, at 50 people, were most of a loaded server's work).
// Someone coming or going changes everyone's list: all are worked out
// again. s.mu is held.
func (s *Server) tellPresence() {
	// Who is where is counted once per investigation, not once per
	// session and again for each other session.
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
		r.arrive(x)
	}
	for _, r := range rooms {
		r.names = slices.Sorted(maps.Keys(r.users))
	}
	for x := range s.sessions {
		if x.inv == "" {
			continue
		}
		r := rooms[x.inv]
		x.others = r.othersThan(x.user, r.names, r.users)
		x.othersText = strings.Join(x.others, "\n")
		tell(x, r)
	}
}

// tellMoved tells, once x's cursor moved from the event from, those whom
// it concerns: the sessions at from or where x arrived, and x. Who else
// is in is as each was last told; every key that moves a cursor comes
// here, so it looks at the others once, not once for each. s.mu is held.
func (s *Server) tellMoved(x *session, from string) {
	if x.others == nil {
		s.tellPresence() // x has not been told who else is in yet
		return
	}
	if from == x.selected {
		return
	}
	r := &room{at: map[string]map[string]int{}}
	concerned := []*session{x}
	for y := range s.sessions {
		if y.inv != x.inv || y.selected == "" || y.selected != from && y.selected != x.selected {
			continue
		}
		r.arrive(y)
		if y != x {
			concerned = append(concerned, y)
		}
	}
	for _, y := range concerned {
		tell(y, r)
	}
}

// tell tells x who else is in and who else is at its event, in r, if
// that is news to it.
func tell(x *session, r *room) {
	var with []string
	if x.selected != "" {
		with = r.othersThan(x.user, r.namesAt(x.selected), r.at[x.selected])
	}
	told := presenceTold{others: x.othersText, with: strings.Join(with, "\n")}
	if len(with) > 0 {
		told.at = x.selected
	}
	if told == x.told {
		return
	}
	x.told = told
	selecting := map[string][]string{}
	if len(with) > 0 {
		selecting[x.selected] = with
	}
	offer(x.presence, tui.Presence(x.others, selecting))
}

// room is who is in one investigation: each user's sessions, and each
// selected event's sessions by user.
type room struct {
	users map[string]int
	names []string // the users, sorted
	at    map[string]map[string]int
	// sortedAt are the users of at, sorted, as namesAt has been asked.
	sortedAt map[string][]string
}

// namesAt returns the users at event id, sorted: worked out once for
// all the sessions there.
func (r *room) namesAt(id string) []string {
	if names, ok := r.sortedAt[id]; ok {
		return names
	}
	if r.sortedAt == nil {
		r.sortedAt = map[string][]string{}
	}
	names := slices.Sorted(maps.Keys(r.at[id]))
	r.sortedAt[id] = names
	return names
}

// arrive counts x's session at the event it has selected.
func (r *room) arrive(x *session) {
	if x.selected == "" {
		return
	}
	if r.at[x.selected] == nil {
		r.at[x.selected] = map[string]int{}
	}
	r.at[x.selected][x.user]++
}

// othersThan returns the users among names (sorted) of whom counts has
// sessions beside one session of user's own; never nil.
func (r *room) othersThan(user string, names []string, counts map[string]int) []string {
	out := []string{}
	for _, name := range names {
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
