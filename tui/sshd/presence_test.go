package sshd

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/tui"
)

// TestPresenceTellsOnlyThoseItConcerns: a person moving between events
// nobody else has selected changes nothing another session shows, so no
// other session is told (and redrawn); one arriving at an event another
// has selected is named to that one, and to the one arriving.
func TestPresenceTellsOnlyThoseItConcerns(t *testing.T) {
	s := &Server{sessions: map[*session]struct{}{}}
	people := map[string]*session{}
	for _, name := range []string{"ana", "bo", "cy"} {
		x := &session{user: name, inv: "leaks", presence: make(chan struct{}, 1)}
		s.sessions[x] = struct{}{}
		people[name] = x
	}
	people["ana"].selected = "e1"
	people["bo"].selected = "e2"
	people["cy"].selected = "e3"
	s.tellPresence()
	told := func() map[string]tea.Msg {
		got := map[string]tea.Msg{}
		for name, x := range people {
			if msg, ok := s.toldNow(x); ok {
				got[name] = msg
			}
		}
		return got
	}
	if got := told(); len(got) != 3 {
		t.Fatalf("at first each is told who else is in; told: %v", got)
	}

	move := func(name, to string) {
		x := people[name]
		from := x.selected
		x.selected = to
		s.tellMoved(x, from)
	}
	move("cy", "e4")
	if got := told(); len(got) != 0 {
		t.Errorf("cy moved between events no one else has selected; told: %v", got)
	}

	move("cy", "e1")
	got := told()
	want := map[string]tea.Msg{
		"ana": tui.Presence([]string{"bo", "cy"}, map[string][]string{"e1": {"cy"}}),
		"cy":  tui.Presence([]string{"ana", "bo"}, map[string][]string{"e1": {"ana"}}),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cy arrived at ana's event; told %v, want %v", got, want)
	}

	move("cy", "e2")
	got = told()
	want = map[string]tea.Msg{
		"ana": tui.Presence([]string{"bo", "cy"}, map[string][]string{}),
		"bo":  tui.Presence([]string{"ana", "cy"}, map[string][]string{"e2": {"cy"}}),
		"cy":  tui.Presence([]string{"ana", "bo"}, map[string][]string{"e2": {"bo"}}),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cy went on from ana's event to bo's; told %v, want %v", got, want)
	}
	// Told move by move, each knows what counting everyone anew says.
	s.tellPresence()
	if got := told(); len(got) != 0 {
		t.Errorf("counted anew, the sessions were told again: %v", got)
	}
}

// TestPresenceOfOnePersonTwice: a person in with two sessions is named
// to each of them as another (they may sit at two screens), and once to
// everybody else.
func TestPresenceOfOnePersonTwice(t *testing.T) {
	s := &Server{sessions: map[*session]struct{}{}}
	add := func(user, inv, selected string) *session {
		x := &session{user: user, inv: inv, selected: selected, presence: make(chan struct{}, 1)}
		s.sessions[x] = struct{}{}
		return x
	}
	ana1, ana2, bo := add("ana", "leaks", "e1"), add("ana", "leaks", "e2"), add("bo", "leaks", "e1")
	alone := add("cy", "other", "e1")
	s.tellPresence()
	want := map[*session]tea.Msg{
		ana1: tui.Presence([]string{"ana", "bo"}, map[string][]string{"e1": {"bo"}}),
		ana2: tui.Presence([]string{"ana", "bo"}, map[string][]string{}),
		bo:   tui.Presence([]string{"ana"}, map[string][]string{"e1": {"ana"}}),
	}
	for x, w := range want {
		if got, ok := s.toldNow(x); !ok {
			t.Errorf("%s at %s was told nothing", x.user, x.selected)
		} else if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s at %s was told %v, want %v", x.user, x.selected, got, w)
		}
	}
	if got, ok := s.toldNow(alone); ok {
		t.Errorf("cy, alone in another investigation, was told %v", got)
	}
}

// toldNow is what x is told of the others if it asks now, as its
// session does when news is due: nothing when none is, or when what it
// works out is what it was told last.
func (s *Server) toldNow(x *session) (tea.Msg, bool) {
	select {
	case <-x.presence:
		return s.presenceFor(x)
	default:
		return nil, false
	}
}
