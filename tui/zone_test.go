package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Z cycles where times with an offset are shown: as written, in UTC, in
// the reader's zone, and back. The chronology shows them so; the sources
// pane shows the time as written too; a time written without an offset
// is local where it happened in every zone.
func TestZoneKey(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	d := newDriverWith(t, storeOf(t, instants), 200, 40, Options{Now: time.Now, Local: paris})
	// The first event is the one with an offset: 13:04 UTC.
	steps := []struct {
		list, pane string
	}{
		{"4 Mar 2020 15:04:05 +02:00", ""},
		{"4 Mar 2020 13:04:05 UTC", "written 4 Mar 2020 15:04:05 +02:00"},
		{"4 Mar 2020 14:04:05 +01:00", "written 4 Mar 2020 15:04:05 +02:00"},
		{"4 Mar 2020 15:04:05 +02:00", ""},
	}
	for i, s := range steps {
		if i > 0 {
			d.keys("Z")
		}
		screen := d.screen()
		if !strings.Contains(screen, s.list) {
			t.Errorf("step %d: no %q on screen:\n%s", i, s.list, screen)
		}
		if s.pane != "" && !strings.Contains(screen, s.pane) {
			t.Errorf("step %d: the sources pane does not say %q:\n%s", i, s.pane, screen)
		}
		if s.pane == "" && strings.Contains(screen, "written ") {
			t.Errorf("step %d: as written, the pane repeats the time:\n%s", i, screen)
		}
	}
	// A time with no offset is never converted.
	d = newDriverWith(t, storeOf(t, `{"chrono": 1, "title": "Local", "events": [
 {"id": "there", "date": "2020-03-04T15:04:05", "title": "Said in local time"}]}`), 120, 40, Options{Now: time.Now, Local: paris})
	for range 3 {
		if screen := d.screen(); !strings.Contains(screen, "4 Mar 2020 15:04:05 (local time there)") {
			t.Errorf("in %s, the local time is not as written:\n%s", d.browser().ctx.zone, screen)
		}
		d.keys("Z")
	}
}

// The browser starts in the zone --tz chose, and the key is in the help.
func TestZoneOption(t *testing.T) {
	d := newDriverWith(t, storeOf(t, instants), 120, 40, Options{Now: time.Now, Zone: model.ZoneUTC})

	if screen := d.screen(); !strings.Contains(screen, "4 Mar 2020 13:04:05 UTC") {
		t.Errorf("started in UTC, the screen reads:\n%s", screen)
	}
	d.keys("?")
	if screen := d.screen(); !strings.Contains(screen, "time zone") {
		t.Errorf("the help has no time zone key:\n%s", screen)
	}
}

// newDriverWith is newDriver with the browser's options.
func newDriverWith(t *testing.T, s model.Store, w, h int, opts Options) *driver {
	t.Helper()
	d := startDriver(t, New(s, opts))
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}
