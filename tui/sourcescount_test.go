package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestSourcesListWithoutWaitingForTheCount: the sources screen lists the
// sources before the events citing each are counted; until the count
// comes its column says so, and x, which depends on it, is not offered.
func TestSourcesListWithoutWaitingForTheCount(t *testing.T) {
	d := newDriver(t, exampleStore(t), 100, 24)
	d.drop = func(msg tea.Msg) bool { return reflect.TypeOf(msg).Name() == "citesMsg" }
	d.keys("S")
	screen := d.screen()
	if rowOf(screen, "Craig Timberg") == "" {
		t.Fatalf("the sources are not listed before the count:\n%s", screen)
	}
	if quotesOf(screen, "Craig Timberg") != "…" || strings.Contains(footerOf(d), "x remove") {
		t.Errorf("not counted yet, the row shows a count or x is offered:\n%s", screen)
	}
	d.keys("esc")
	d.drop = nil
	d.keys("S")
	screen = d.screen()
	if quotesOf(screen, "Craig Timberg") != "3" { // wapo: two events quote it, one more names it as its date's source
		t.Errorf("counted, the row shows no count:\n%s", screen)
	}
}

// quotesOf is the Events column of the sources screen's row that holds
// text.
func quotesOf(screen, text string) string {
	f := strings.Fields(strings.TrimLeft(rowOf(screen, text), "› "))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// TestSourceCitedByADateTextIsCounted: the sources screen counts the
// events citing a source as the store does, the source of a date text
// among them, so that x is not offered on a source the store would
// refuse to remove. Counting quotes alone, it showed none and offered x.
func TestSourceCitedByADateTextIsCounted(t *testing.T) {
	st := exampleStore(t)
	if _, err := st.Write(model.OpEdit, "dated by a memo", func(tx model.Tx) error {
		if err := tx.PutSource(model.Source{ID: "memo", Publisher: "Internal memo"}); err != nil {
			return err
		}
		_, err := model.UpdateEvent(tx, "fbi-tip", func(e *model.Event) error {
			e.DateText, e.DateSource = "that week", "memo"
			return nil
		})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, st, 100, 24)
	d.keys("S", "G") // memo, undated, the last
	screen := d.screen()
	if got := quotesOf(screen, "Internal memo"); got != "1" {
		t.Errorf("the memo's row shows %q events citing it, want 1:\n%s", got, screen)
	}
	if strings.Contains(footerOf(d), "x remove") {
		t.Errorf("x is offered on a source a date text cites:\n%s", screen)
	}
}
