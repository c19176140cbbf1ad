package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/store"
)

func TestLinkPickerLinks(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("L")
	d.typeText("denies")
	if !strings.Contains(d.screen(), "NSO denies doing business") {
		t.Fatalf("the candidates do not hold the denial:\n%s", d.screen())
	}
	d.keys("tab", "tab", "shift+tab", "tab") // disputes → disputed by → supports, back one, on one
	a, ok := formAction(t, d, "enter").(linkEvents)
	if !ok || a != (linkEvents{from: "nso-mobileum-call", rel: "supports", to: "nso-denial"}) {
		t.Errorf("enter: %+v", a)
	}
}

// TestLinkPickerSaysALinkIsThere: a link the event states already is
// said at once, in the picker, which stays open for another relation;
// nothing is sent to the store to be refused there.
func TestLinkPickerSaysALinkIsThere(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("L")
	d.typeText("denies")
	d.keys("tab", "enter") // disputed by: the example has it
	if d.openDialog() == nil {
		t.Fatal("enter on a link the event has closed the picker")
	}
	if want := "already linked: this event is disputed by “NSO denies doing business with Mobileum or paying in cash” · tab chooses another relation"; d.status() != want {
		t.Errorf("status %q, want %q", d.status(), want)
	}
	d.keys("tab") // supports
	if a, ok := formAction(t, d, "enter").(linkEvents); !ok || a.rel != model.Supports {
		t.Errorf("enter on another relation: %+v", a)
	}

	// A link the other event states, seen from this one.
	d = newDriver(t, exampleStore(t), 120, 40)
	d.to("khashoggi-killed")
	d.keys("L")
	d.typeText("pegasus")
	d.keys("tab", "tab", "tab", "tab", "tab", "tab", "enter") // related to: the Pegasus event states it
	if d.openDialog() == nil {
		t.Fatal("enter on a link the other event states closed the picker")
	}
	if want := "already linked: this event is related to “The Post's Pegasus investigation: women close to Khashoggi among the targets” · tab chooses another relation"; d.status() != want {
		t.Errorf("status %q, want %q", d.status(), want)
	}
}

// TestRemoveLinkFromEitherSide: x removes the selected link, whichever
// event states it, and the pane shows it gone while the cursor stays.
func TestRemoveLinkFromEitherSide(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("tab", "j", "j", "j") // the first link, the event's own
	d.keys("x")
	if want := `unlinked nso-mobileum-call disputed by nso-denial · u to undo`; d.status() != want {
		t.Errorf("x on an own link: %q, want %q", d.status(), want)
	}
	if l := event(t, s, "nso-mobileum-call").Links; slices.Contains(l, model.Link{Rel: model.DisputedBy, Event: "nso-denial"}) {
		t.Errorf("the link is still stored: %v", l)
	}
	// The example states it at both ends: the denial's statement goes too.
	if l := event(t, s, "nso-denial").Links; slices.Contains(l, model.Link{Rel: model.Disputes, Event: "nso-mobileum-call"}) {
		t.Errorf("the denial still states it: %v", l)
	}
	if strings.Contains(d.screen(), "disputed by: NSO denies") {
		t.Errorf("the removed link is still shown:\n%s", d.screen())
	}
	d.keys("x") // the next: a link the FBI tip makes to this event
	if want := `unlinked fbi-tip follows nso-mobileum-call · u to undo`; d.status() != want {
		t.Errorf("x on a link made to the event: %q, want %q", d.status(), want)
	}
	if l := event(t, s, "fbi-tip").Links; slices.Contains(l, model.Link{Rel: model.Follows, Event: "nso-mobileum-call"}) {
		t.Errorf("the FBI tip's link is still stored: %v", l)
	}
	// The cursor stays on the event whose pane it was, which no longer
	// lists the link.
	if sc := d.screen(); !strings.Contains(sc, "event 1 of 13") || strings.Contains(sc, "precedes: Miller reports") {
		t.Errorf("after removing the FBI tip's link:\n%s", sc)
	}
	d.keys("u", "u")
	if l := event(t, s, "nso-mobileum-call").Links; !slices.Contains(l, model.Link{Rel: model.DisputedBy, Event: "nso-denial"}) {
		t.Errorf("undo did not put the link back: %v", l)
	}
}

func TestLinkPickerSaves(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("L")
	d.typeText("Apple sues")
	d.keys("enter")
	if l := event(t, s, "nso-mobileum-call").Links; !slices.Contains(l, model.Link{Rel: model.Disputes, Event: "apple-sues-nso"}) {
		t.Errorf("links %v; status %q", l, d.status())
	}
}

// TestLinkPickerInTheZone: the events offered to link to show their
// times in the zone Z chose, as the list beside them does.
func TestLinkPickerInTheZone(t *testing.T) {
	const doc = `{"chrono": 1, "events": [
	  {"id": "meeting", "date": "2018-10-02T15:04:05+02:00", "title": "The meeting"},
	  {"id": "call", "date": "2018-10-03T09:00:00", "title": "The call"}]}`
	s := storeOf(t, doc)
	d := newDriver(t, placed{s}, 120, 40)
	d.to("call")
	d.keys("Z", "L")
	d.typeText("meeting")
	if !strings.Contains(d.screen(), "2 Oct 2018 13:04:05 UTC") {
		t.Errorf("the link picker does not show the meeting in UTC:\n%s", d.screen())
	}
}

// TestLinkToAnEventTrashedMeanwhile: the event chosen in the link picker
// went to the trash (from another process) before enter. The link is
// refused, and the status line says the event is in the trash and how
// to bring it back, not only that there is no such event.
func TestLinkToAnEventTrashedMeanwhile(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.keys("L")
	d.typeText("Apple sues")
	if _, _, err := (model.Trash{Events: []string{"apple-sues-nso"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("enter")
	if !d.statusErr() || !strings.Contains(d.status(), `"apple-sues-nso"`) ||
		!strings.Contains(d.status(), "in the trash") || !strings.Contains(d.status(), "D opens the trash") {
		t.Errorf("status %q (error %v); want it to say the event is in the trash, and how to restore it", d.status(), d.statusErr())
	}
	if l := event(t, s, "nso-mobileum-call").Links; slices.ContainsFunc(l, func(l model.Link) bool { return l.Event == "apple-sues-nso" }) {
		t.Errorf("linked to the event in the trash: %v", l)
	}
}

// TestLinkPickerDropsAnEventTrashedElsewhere: an event offered in the
// open picker that another process moves to the trash is no longer
// offered once the browser hears of the change, rather than met by enter
// with a refusal; the cursor stays where it was. When this event goes
// to the trash, the picker closes, saying so.
func TestLinkPickerDropsAnEventTrashedElsewhere(t *testing.T) {
	s := exampleStore(t)
	clock := noted
	shared, err := store.Open(s.Location(), store.Options{Shared: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // the browser opens the file for each read, as chrono runs it
	d := startDriver(t, New(shared, Options{Now: func() time.Time { return clock }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	trash := func(id string) {
		t.Helper()
		other, err := store.Open(shared.Location(), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if _, _, err := (model.Trash{Events: []string{id}}).Apply(other); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(3 * time.Second) // past the watcher's wait
	}

	d.keys("L")
	d.typeText("nso")
	p := d.openDialog().(*linkPicker)
	at := slices.IndexFunc(p.found, func(r model.Row) bool { return r.Event.ID == "nso-denial" })
	if at < 1 || at+1 >= len(p.found) {
		t.Fatalf("the denial is not among the candidates, with others before and after it: %v", p.found)
	}
	for range at {
		d.keys("down")
	}
	next := p.found[at+1].Event.ID
	trash("nso-denial")
	d.keys("tab") // a key: the browser asks whether the store changed
	if slices.ContainsFunc(p.found, func(r model.Row) bool { return r.Event.ID == "nso-denial" }) || strings.Contains(d.screen(), "NSO denies doing business") {
		t.Fatalf("the picker still offers the event trashed elsewhere:\n%s", d.screen())
	}
	if p.cur != at || p.found[p.cur].Event.ID != next {
		t.Errorf("the cursor is on %d, want %d (%s), where the trashed event was", p.cur, at, next)
	}
	a, ok := formAction(t, d, "enter").(linkEvents)
	if !ok || a.to != next {
		t.Errorf("enter after the trashing: %+v, want a link to %s", a, next)
	}

	// This event itself goes to the trash.
	d = startDriver(t, New(shared, Options{Now: func() time.Time { return clock }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.keys("L")
	d.typeText("fbi")
	trash("nso-mobileum-call")
	d.keys("tab")
	if d.openDialog() != nil {
		t.Fatal("the picker stays open for an event trashed elsewhere")
	}
	if want := "was moved to the trash elsewhere"; !strings.Contains(d.status(), want) {
		t.Errorf("status %q, want it to say %q", d.status(), want)
	}
}
