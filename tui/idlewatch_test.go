package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestAnIdleBrowserShowsAChangeMadeElsewhere: a change another process
// writes shows on a browser nobody is typing at. Before, the browser
// asked whether the store changed only at a key, and a colleague's tag
// stayed off the screen until the reader pressed one.
func TestAnIdleBrowserShowsAChangeMadeElsewhere(t *testing.T) {
	s := exampleStore(t)
	now := noted
	d := startDriver(t, New(s, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 160, Height: 40})
	d.to("apple-sues-nso")
	if _, _, err := (model.Retag{Events: []string{"apple-sues-nso"}, Add: []string{"seen-idle"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	now = now.Add(versionEvery)
	d.send(idleMsg{})
	if !strings.Contains(d.screen(), "#seen-idle") {
		t.Errorf("the tag added elsewhere is not on the idle browser's screen:\n%s", d.screen())
	}
}

// TestWatchWhileIdleSendsUntilStopped: the idle watch sends while it
// runs, and nothing once stopped.
func TestWatchWhileIdleSendsUntilStopped(t *testing.T) {
	got := make(chan tea.Msg, 16)
	stop := watchWhileIdle(func(msg tea.Msg) { got <- msg })
	select {
	case msg := <-got:
		if _, ok := msg.(idleMsg); !ok {
			t.Errorf("sent %T, want idleMsg", msg)
		}
	case <-time.After(10 * versionEvery):
		t.Fatal("nothing sent")
	}
	stop()
	for len(got) > 0 {
		<-got
	}
	time.Sleep(2 * versionEvery)
	if len(got) > 0 {
		t.Errorf("%d sent after stop", len(got))
	}
}
