package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestAMarkOnAnEventTrashedElsewhereGoes: a marked event another process
// moves to the trash leaves the marks when the browser hears of it, and
// the keys that act on the marks act on the others. Before, its mark
// stayed ("2 marked" over one marked row), and every t, T, digit and d
// on the marks was refused for the event in the trash until esc.
func TestAMarkOnAnEventTrashedElsewhereGoes(t *testing.T) {
	s := exampleStore(t)
	now := noted
	d := startDriver(t, New(s, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.to("nso-mobileum-call")
	d.keys("space")
	d.to("apple-sues-nso")
	d.keys("space")
	if len(d.marks()) != 2 {
		t.Fatalf("marks %v, want two", d.marks())
	}
	if _, _, err := (model.Trash{Events: []string{"nso-mobileum-call"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	now = now.Add(versionEvery)
	d.keys("k", "j") // the version is asked, and the change taken in
	if marks := d.marks(); len(marks) != 1 || !marks["apple-sues-nso"] {
		t.Errorf("marks %v, want only apple-sues-nso's\n%s", marks, d.screen())
	}
	if strings.Contains(d.screen(), "2 marked") {
		t.Errorf("the header counts the event in the trash:\n%s", d.screen())
	}
	d.keys("2") // #verify on the marked events
	if d.statusErr() {
		t.Errorf("the quick tag on the marks was refused: %s", d.status())
	}
	if tags := event(t, s, "apple-sues-nso").Tags; !slices.Contains(tags, "verify") {
		t.Errorf("apple-sues-nso's tags %v, want #verify", tags)
	}
}

// TestAMarkGoesWhenTheTrashingIsTooLargeToList: an entry that moves more
// events to the trash than the journal's summary lists still takes the
// marks off the events it moved. Before, the browser read everything
// again but kept the marks, and a tag on them was refused for events the
// timeline no longer showed.
func TestAMarkGoesWhenTheTrashingIsTooLargeToList(t *testing.T) {
	var dates []struct{ id, date string }
	var ids []string
	for i := range mostChanged + 2 {
		id := fmt.Sprintf("e%05d", i)
		dates = append(dates, struct{ id, date string }{id, "2019-03-05"})
		ids = append(ids, id)
	}
	s := datedStore(t, dates)
	now := noted
	d := startDriver(t, New(s, Options{Now: func() time.Time { return now }}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.to("e00001")
	d.keys("space")
	d.to("e00002")
	d.keys("space")
	kept := "e00002"
	if _, _, err := (model.Trash{Events: slices.DeleteFunc(ids, func(id string) bool { return id == kept })}).Apply(s); err != nil {
		t.Fatal(err)
	}
	now = now.Add(versionEvery)
	d.keys("k", "j")
	if marks := d.marks(); len(marks) != 1 || !marks[kept] {
		t.Errorf("marks %v, want only %s", marks, kept)
	}
	d.keys("2")
	if d.statusErr() {
		t.Errorf("the quick tag on the marks was refused: %s", d.status())
	}
}
