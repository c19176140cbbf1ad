package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/store"
)

// TestBrowserSeesOtherWrites: what another process writes to the store
// (here, through a second handle on the same file) shows up in the browser
// once the investigator next works in it, and not before two seconds.
func TestBrowserSeesOtherWrites(t *testing.T) {
	s := exampleStore(t)
	clock := noted
	shared, err := store.Open(s.Location(), store.Options{Shared: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // the browser opens the file for each read, as chrono runs it
	d := startDriver(t, New(shared, Options{Now: func() time.Time { return clock }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	d.to("fbi-tip")

	other, err := store.Open(shared.Location(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := (model.Retag{Events: []string{"fbi-tip"}, Add: []string{"from-elsewhere"}}).Apply(other); err != nil {
		t.Fatal(err)
	}
	in := model.Input{Name: "more", Read: func(sink model.Sink) error {
		return model.Feed(model.Timeline{Events: []model.Event{{ID: "late-news", Date: model.MustParseDate("2023"), Title: "Late news"}}}, sink)
	}}
	if _, err := other.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	other.Close()

	clock = clock.Add(time.Second)
	d.keys("k", "j")
	if strings.Contains(d.screen(), "of 14") {
		t.Fatal("the browser asked the store again within two seconds")
	}
	clock = clock.Add(2 * time.Second)
	d.keys("k", "j")
	screen := d.screen()
	for _, want := range []string{"event 6 of 14", "#from-elsewhere", "Chronology · 14 events"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q after another process wrote:\n%s", want, screen)
		}
	}
	if d.selected() != "fbi-tip" {
		t.Errorf("the cursor moved to %q", d.selected())
	}
}

// TestBrowserTakesNotices: a store that says when it changes
// (model.Notifier, as a PostgreSQL store does) has what others commit
// shown at once, with no key pressed and no two seconds waited; when it
// says it cannot be reached, the browser says so and keeps what is on
// screen; when it is back, the browser reads everything again.
func TestBrowserTakesNotices(t *testing.T) {
	s := exampleStore(t)
	d := startDriver(t, New(s, Options{Now: func() time.Time { return noted }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	d.to("fbi-tip")
	retag := func(tag string) {
		t.Helper()
		if _, _, err := (model.Retag{Events: []string{"fbi-tip"}, Add: []string{tag}}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}

	retag("from-elsewhere")
	d.send(noticeMsg{model.Notice{Seq: 2}})
	if screen := d.screen(); !strings.Contains(screen, "#from-elsewhere") {
		t.Fatalf("the screen does not show another's change after its notice:\n%s", screen)
	}

	before := d.screen()
	d.send(noticeMsg{model.Notice{Err: errors.New("the database is unreachable")}})
	if !d.statusErr() || !strings.Contains(d.status(), "unreachable") {
		t.Errorf("status %q (error %v) when the store cannot be reached", d.status(), d.statusErr())
	}
	if d.selected() != "fbi-tip" || !strings.Contains(d.screen(), "#from-elsewhere") {
		t.Errorf("the screen changed when the store went away:\n%s\nwas\n%s", d.screen(), before)
	}

	retag("while-away") // its notice was lost with the connection
	d.send(noticeMsg{model.Notice{}})
	if screen := d.screen(); !strings.Contains(screen, "#while-away") {
		t.Errorf("the screen does not show what changed while the store was away:\n%s", screen)
	}
	if d.statusErr() || !strings.Contains(d.status(), "back") {
		t.Errorf("status %q (error %v) when the store is back", d.status(), d.statusErr())
	}
}
