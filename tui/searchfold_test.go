package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

// retell changes an event as another process would.
func retell(t *testing.T, s model.Store, id string, change func(e *model.Event)) {
	t.Helper()
	if _, err := s.Write(model.OpEdit, "retold", func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, id, func(e *model.Event) error { change(e); return nil })
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

// rowOf is the row of the chronology (the screen's lines up to the
// sources pane) that holds text.
func rowOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		l, _, _ = strings.Cut(l, "│")
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// A search typed without accents finds them; a row whose match is not in
// its title says where it is; the match in the selected row stands out.
func TestSearchFoldsAccentsAndShowsWhere(t *testing.T) {
	s := exampleStore(t)
	retell(t, s, "fbi-tip", func(e *model.Event) { e.Summary += " The tip came through Zürich." })
	retell(t, s, "miller-contacts-lieu", func(e *model.Event) { e.Title = "Miller writes to Lieu from ZÜRICH" })
	tip := event(t, s, "fbi-tip").Title[:15]
	d := newDriver(t, s, 140, 40)
	d.keys("/")
	d.typeText("zurich")
	d.keys("enter")
	if d.selected() != "fbi-tip" || d.statusErr() {
		t.Fatalf("/zurich: at %s, status %q", d.selected(), d.status())
	}
	screen := d.screen()
	if r := rowOf(screen, tip); !strings.Contains(r, "in summary") {
		t.Errorf("the row matched in its summary does not say so: %q", r)
	}
	if r := rowOf(screen, "Miller writes to Lieu"); strings.Contains(r, "in summary") || strings.Contains(r, "in title") {
		t.Errorf("the row matched in its title says where: %q", r)
	}
	d.keys("n")
	if d.selected() != "miller-contacts-lieu" {
		t.Fatalf("n: at %s", d.selected())
	}
	// The selected row is one reversed span; the match in it is
	// underlined as well.
	raw := rowOf(d.m.View().Content, "›")
	if plain := rowOf(d.screen(), "›"); !strings.Contains(plain, "Miller writes") || !strings.Contains(raw, ";4mZ") {
		t.Errorf("the match in the selected row is not underlined: %q", raw)
	}
}
