package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
)

// TestAuthoringScreens compares the screens of authoring, each at 120×40
// and 80×24, with testdata/TestAuthoringScreens/*.golden.
func TestAuthoringScreens(t *testing.T) {
	for _, tt := range authoringScreens {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			t.Run(tt.name+"-"+sizeName(size), func(t *testing.T) {
				var s model.Store = exampleStore(t)
				if tt.empty {
					s = emptyStore(t)
				}
				d := newDriver(t, placed{s}, size[0], size[1])
				tt.do(d)
				checkSize(t, d.m.View().Content, size[0], size[1])
				golden.RequireEqual(t, d.screen())
			})
		}
	}
}

// authoringScreen is a screen of authoring: a new store or the example,
// and the keys that lead to it.
type authoringScreen struct {
	name  string
	empty bool
	do    func(d *driver)
}

var authoringScreens = []authoringScreen{
	{"empty", true, func(d *driver) {}},
	{"event-add", false, func(d *driver) { d.keys("A") }},
	{"event-add-empty", true, func(d *driver) { d.keys("A") }},
	{"event-edit", false, func(d *driver) { d.keys("E") }},
	{"event-date-read", false, func(d *driver) {
		d.keys("A")
		d.typeText("Aug 2017")
	}},
	{"event-date-error", false, func(d *driver) {
		d.keys("A")
		d.typeText("Agust 2017")
	}},
	{"event-proposal", false, func(d *driver) {
		// "last year" in the Post of 1 Feb 2022 is 2021.
		d.keys("A", "tab")
		d.typeText("last year")
		d.keys("tab", "right", "right")
	}},
	{"link-picker", false, func(d *driver) {
		d.keys("L")
		d.typeText("NSO")
		d.keys("tab", "down")
	}},
	{"event-conflict", false, func(d *driver) {
		d.keys("E", "tab", "tab", "tab")
		d.typeText(" (typed)")
		meddle(d.t, d.m.ctx.store, "nso-mobileum-call")
		d.keys("ctrl+s")
	}},
	{"title-dialog", false, func(d *driver) {
		d.keys("I")
		d.typeText(", 2017–2022")
		d.keys("tab")
	}},
	{"event-discard", false, func(d *driver) {
		d.keys("E", "tab", "tab", "tab")
		d.typeText(" (edited)")
		d.keys("esc")
	}},
}

func sizeName(size [2]int) string { return fmt.Sprintf("%dx%d", size[0], size[1]) }

// meddle changes an event's status as another process would, behind the
// browser's back.
func meddle(t testing.TB, s model.Store, id string) {
	t.Helper()
	if _, err := s.Write(model.OpEdit, "set elsewhere", func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, id, func(e *model.Event) error { e.Status = model.Confirmed; return nil })
		return err
	}); err != nil {
		t.Fatal(err)
	}
}
