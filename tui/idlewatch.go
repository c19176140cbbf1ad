package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// idleMsg is a moment passed with no key: the browser asks whether
// another process changed the store, as a key would have it ask, so that
// a colleague's change shows on a screen nobody is typing at.
type idleMsg struct{}

// idleEvery is how often a moment without a key is told: half of
// versionEvery, as the watcher asks at most every versionEvery and a
// tick a moment early would otherwise wait for the next, twice as long.
const idleEvery = versionEvery / 2

// watchWhileIdle sends idleMsg every idleEvery until stop is called, for
// a store that does not say when it changes (model.Notifier does, and a
// served browser is told by its server). The browser asks no more often
// for it: the watcher asks at most every versionEvery, keys or not.
func watchWhileIdle(send func(tea.Msg)) (stop func()) {
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		t := time.NewTicker(idleEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				send(idleMsg{})
			}
		}
	}()
	return func() {
		close(done)
		<-ended // nothing is sent once stop returns
	}
}
