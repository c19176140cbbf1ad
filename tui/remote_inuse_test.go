package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// busyStore is a store file another process holds, as a long import
// does: every write gives up, saying so in the words of a store file.
type busyStore struct{ model.Store }

func (busyStore) Write(model.Op, string, func(model.Tx) error) (model.Entry, error) {
	return model.Entry{}, fmt.Errorf("store /srv/chrono/nso.db is %w: close it there (or wait for it to finish) and try again", model.ErrInUse)
}

// TestRemoteStoreInUseSaysItOfTheServer: a person browsing over SSH,
// whose change was refused while a chrono on the server held the store,
// was shown the server's path and told to close it there.
func TestRemoteStoreInUseSaysItOfTheServer(t *testing.T) {
	d := startDriver(t, New(busyStore{exampleStore(t)}, Options{Now: func() time.Time { return noted }, Remote: true, Role: RoleEdit, Location: "investigation nso"}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.keys("1")
	st := d.status()
	if !d.statusErr() || strings.Contains(st, "/srv/chrono") || strings.Contains(st, "close it there") {
		t.Errorf("the refusal tells a person over SSH %q", st)
	}
	if !strings.Contains(st, "investigation nso is in use by another chrono process on the server") || !strings.Contains(st, "try again") {
		t.Errorf("the refusal does not say the investigation is in use on the server: %q", st)
	}
}
