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
		x := &session{user: name, inv: "leaks", presence: make(chan tea.Msg, 1)}
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
			select {
			case msg := <-x.presence:
				got[name] = msg
			default:
			}
		}
		return got
	}
	if got := told(); len(got) != 3 {
		t.Fatalf("at first each is told who else is in; told: %v", got)
	}

	people["cy"].selected = "e4"
	s.tellPresence()
	if got := told(); len(got) != 0 {
		t.Errorf("cy moved between events no one else has selected; told: %v", got)
	}

	people["cy"].selected = "e1"
	s.tellPresence()
	got := told()
	want := map[string]tea.Msg{
		"ana": tui.Presence([]string{"bo", "cy"}, map[string][]string{"e1": {"cy"}}),
		"cy":  tui.Presence([]string{"ana", "bo"}, map[string][]string{"e1": {"ana"}}),
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cy arrived at ana's event; told %v, want %v", got, want)
	}
}
