package model

import "testing"

func TestSlug(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"NSO offers Mobileum \"bags of cash\"", "nso-offers-mobileum-bags-of-cash"},
		{"NSO's denial", "nsos-denial"},
		{"Zürich, Île-de-France & Łódź", "zurich-ile-de-france-lodz"},
		{"  --Hello--  World--  ", "hello-world"},
		{"Рус", ""},
		{"日本 2021", "2021"},
		{"Ｆｕｌｌwidth and ǅungla test", "fullwidth-and-dzungla-test"},
		{"Ａｐｐｌｅ ① café ﬁle", "apple-1-cafe-file"},
		{"", ""},
		{"A very long title that goes on and on about what happened on the day in question", "a-very-long-title-that-goes-on-and-on-about-what"},
	} {
		got := Slug(c.title)
		if got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.title, got, c.want)
		}
		if got != "" && CheckID(got) != "" {
			t.Errorf("Slug(%q) = %q, not a valid id: %s", c.title, got, CheckID(got))
		}
		if len(got) > maxSlugLen {
			t.Errorf("Slug(%q) is %d bytes, over %d", c.title, len(got), maxSlugLen)
		}
	}
}

func TestNewID(t *testing.T) {
	taken := map[string]bool{"nso-denial": true, "nso-denial-2": true, "event": true}
	for _, c := range []struct{ title, kind, want string }{
		{"NSO denial", "event", "nso-denial-3"},
		{"Lieu's letter", "event", "lieus-letter"},
		{"—", "event", "event-2"},
		{"", "source", "source"},
	} {
		if got := NewID(c.title, c.kind, func(id string) bool { return taken[id] }); got != c.want {
			t.Errorf("NewID(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}
