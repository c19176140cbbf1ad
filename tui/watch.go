package tui

import (
	"chrono/model"
	"time"

	tea "charm.land/bubbletea/v2"
)

// versionEvery is how often, at most, the browser asks whether the store
// changed: only while the investigator works, so an idle browser costs
// nothing.
const versionEvery = 2 * time.Second

// storeWatcher notices what other processes write to the store: it asks
// for the store's version token while the investigator works, and says
// when it changed since it was last seen.
type storeWatcher struct {
	version string
	checked time.Time
}

// watch asks for the version, if it is time to.
func (w *storeWatcher) watch(s model.Store, now time.Time) tea.Cmd {
	if now.Sub(w.checked) < versionEvery {
		return nil
	}
	w.checked = now
	return checkVersion(s)
}

// changed takes the version and reports whether what is on screen must
// be read again. While this browser writes, its own change is on its
// way, and a busy or missing store is said by the next read that fails.
func (w *storeWatcher) changed(msg versionMsg, busy bool) bool {
	switch {
	case msg.err != nil:
		return false
	case w.version == "":
		w.version = msg.version
		return false
	case msg.version == w.version || busy:
		return false
	}
	w.version = msg.version
	return true
}
