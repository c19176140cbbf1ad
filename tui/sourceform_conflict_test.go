package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestSourceEditOverAnotherChange: a source edited in the form while
// another changed one of its other fields keeps both (and the archive
// link, which the form has no field for); changed both ways, the form
// opens again on what was typed, saying so with the other's value and
// what to do, whole at 80 columns, and a second save puts it in the
// other's place.
func TestSourceEditOverAnotherChange(t *testing.T) {
	s := exampleStore(t)
	source := func(id string) (model.Source, error) {
		srcs, err := s.Sources()
		for _, src := range srcs {
			if src.ID == id {
				return src, err
			}
		}
		return model.Source{}, err
	}
	meanwhile := func(change func(*model.Source)) {
		t.Helper()
		src, err := source("wapo")
		if err != nil {
			t.Fatal(err)
		}
		base := src
		change(&src)
		if _, _, err := (model.SaveSource{Base: &base, Source: src}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	meanwhile(func(src *model.Source) { src.Archive = "https://web.archive.org/web/2022/wapo" })
	d := newDriver(t, s, 80, 24)
	d.keys("S")
	sc := d.m.screens[len(d.m.screens)-1].(*sourcesScreen)
	for range 20 {
		if src, _ := sc.selected(); src.ID == "wapo" {
			break
		}
		d.keys("j")
	}
	d.keys("e", "tab")
	d.typeText(" Jr.")
	meanwhile(func(src *model.Source) { src.Title = "Theirs" })
	d.keys("ctrl+s")
	got, _ := source("wapo")
	if !strings.HasSuffix(got.Author, " Jr.") || got.Title != "Theirs" || got.Archive == "" {
		t.Fatalf("stored %+v; status %q", got, d.status())
	}

	d.keys("e", "tab", "tab")
	d.typeText(" (mine)")
	meanwhile(func(src *model.Source) { src.Title = "Theirs again" })
	d.keys("ctrl+s")
	f, ok := d.openDialog().(*sourceForm)
	if !ok {
		t.Fatalf("no form after the refused save; status %q", d.status())
	}
	if got, _ := source("wapo"); got.Title != "Theirs again" {
		t.Fatalf("the other's title was overwritten: %+v", got)
	}
	said := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.Contains(said, "its title was changed meanwhile, to “Theirs again”: ctrl+s puts yours in its place") || f.value(srcTitle) != "Theirs (mine)" || !strings.HasSuffix(f.value(srcAuthor), " Jr.") {
		t.Fatalf("the form holds %q, %q:\n%s", f.value(srcTitle), f.value(srcAuthor), d.screen())
	}
	d.keys("ctrl+s")
	if got, _ := source("wapo"); got.Title != "Theirs (mine)" || got.Archive == "" {
		t.Errorf("saved again: %+v; status %q", got, d.status())
	}
}
