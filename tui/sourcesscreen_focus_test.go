package tui

import (
	"slices"
	"testing"

	"chrono/model"
)

// TestSourceSavedIsSelected: a source added on the sources screen, which
// the list orders above the cursor, gets the cursor, as does one edited;
// a list read again for another reason keeps the source selected.
func TestSourceSavedIsSelected(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 100, 24)
	d.keys("S")
	screen := func() *sourcesScreen {
		t.Helper()
		sc, ok := d.m.screens[len(d.m.screens)-1].(*sourcesScreen)
		if !ok {
			t.Fatalf("not on the sources screen:\n%s", d.screen())
		}
		return sc
	}
	selected := func() string {
		src, _ := screen().selected()
		return src.ID
	}
	d.keys("j")
	was := selected()
	d.keys("a", "tab")
	d.typeText("Associated Press")
	d.keys("tab", "tab", "tab", "tab")
	d.typeText("2019-05-01") // published before the others: the first row
	d.keys("ctrl+s")
	if got := selected(); got != "associated-press" {
		t.Errorf("after adding a source: cursor on %q, want the new one", got)
	}
	d.keys("j", "j")
	if got := selected(); got != was {
		t.Fatalf("cursor on %q, want %q", got, was)
	}
	d.keys("e", "tab", "tab")
	d.typeText(" (edited)")
	d.keys("ctrl+s")
	if got := selected(); got != was {
		t.Errorf("after editing %s: cursor on %q", was, got)
	}
}

// TestSourcesInPublishedOrder: the sources screen lists sources as they
// were published, the undated last, those of one day by id.
func TestSourcesInPublishedOrder(t *testing.T) {
	date := func(s string) model.Date {
		d, err := model.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ss := []model.Source{
		{ID: "b-undated"},
		{ID: "wapo", Published: date("2022-02-01")},
		{ID: "a-undated"},
		{ID: "early", Published: date("2019")},
		{ID: "occupy", Published: date("2022-02-01")},
	}
	sortByPublished(ss)
	var got []string
	for _, s := range ss {
		got = append(got, s.ID)
	}
	if want := []string{"early", "occupy", "wapo", "a-undated", "b-undated"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
