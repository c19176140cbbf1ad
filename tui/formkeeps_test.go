package tui

import (
	"fmt"
	"slices"
	"testing"

	"chrono/model"
)

// setEvent changes one stored event with fn, out of the browser.
func setEvent(t *testing.T, s model.Store, id string, fn func(e *model.Event)) {
	t.Helper()
	if _, err := s.Write(model.OpEdit, "set elsewhere", func(tx model.Tx) error {
		e, err := tx.Event(id)
		if err != nil {
			return err
		}
		fn(&e)
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
}

// TestEventFormKeepsWhatWasNotEdited: a title edited in the form changes
// by what was typed, and nothing else does: not the tags holding spaces,
// not the characters the form shows as marks.
func TestEventFormKeepsWhatWasNotEdited(t *testing.T) {
	s := exampleStore(t)
	setEvent(t, s, "nso-mobileum-call", func(e *model.Event) {
		e.Title = "NSO offers \u200bcash"
		e.Tags = []string{"suspicious login", "cash"}
		e.Summary = "tab\there, escape \x1b[1m there"
	})
	d := newDriver(t, s, 120, 40)
	d.to("nso-mobileum-call")
	d.keys("E", "tab", "tab", "tab")
	d.typeText("!")
	d.keys("ctrl+s")
	e := event(t, s, "nso-mobileum-call")
	if e.Title != "NSO offers \u200bcash!" {
		t.Errorf("title %q, want the zero-width space kept and ! added", e.Title)
	}
	if !slices.Equal(e.Tags, []string{"suspicious login", "cash"}) {
		t.Errorf("tags %q, want them as they were", e.Tags)
	}
	if e.Summary != "tab\there, escape \x1b[1m there" {
		t.Errorf("summary %q, want it as it was", e.Summary)
	}
}

// TestUntagATagWithSpaces: T offers a tag holding spaces, and removes it.
func TestUntagATagWithSpaces(t *testing.T) {
	s := exampleStore(t)
	setEvent(t, s, "fbi-tip", func(e *model.Event) { e.Tags = []string{"malware found", "c"} })
	d := newDriver(t, s, 120, 40)
	d.to("fbi-tip")
	d.keys("T", "tab", "enter")
	if got := event(t, s, "fbi-tip").Tags; !slices.Equal(got, []string{"c"}) || d.statusErr() {
		t.Errorf("tags %q after removing #malware found; status %q", got, d.status())
	}
	// Typed whole, without the tab.
	setEvent(t, s, "nso-mobileum-call", func(e *model.Event) { e.Tags = []string{"malware found", "c"} })
	d = newDriver(t, s, 120, 40)
	d.to("nso-mobileum-call")
	d.keys("T")
	d.typeText("malware found")
	d.keys("enter")
	if got := event(t, s, "nso-mobileum-call").Tags; !slices.Equal(got, []string{"c"}) || d.statusErr() {
		t.Errorf("tags %q after removing #malware found typed whole; status %q", got, d.status())
	}
}

// TestTagWords: tags typed at the prompt or in the form, with spaces in
// them once commas separate them.
func TestTagWords(t *testing.T) {
	known := []string{"malware found", "c"}
	for _, tc := range []struct{ in, want string }{
		{"a b #c", "[a b c]"},
		{"a b, c", "[a b c]"},
		{"#malware found, c", "[malware found c]"},
		{"malware found", "[malware found]"},
		{"malware  found", "[malware found]"},
		{"malware found c", "[malware found c]"},
		{"a, a ,", "[a]"},
		{"東京\u3000事件 a\u00a0b", "[東京\u3000事件 a\u00a0b]"},
		{"", "[]"},
	} {
		got, err := parseTags(tc.in, known)
		if err != nil || fmt.Sprint(got) != tc.want {
			t.Errorf("parseTags(%q) = %q, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	// A tag holding a space typed as chrono shows it: #"quoted tag".
	for in, want := range map[string][]string{
		`#"quoted tag" #plain`:  {"quoted tag", "plain"},
		`#plain #"quoted  tag"`: {"plain", "quoted  tag"},
		`#"quoted tag", plain`:  {"quoted tag", "plain"},
		`#"open quote tag`:      {`"open`, "quote", "tag"},
		// Holding a quote too, as chrono shows it: the quote that ends
		// the text, or the next tag's #, closes it.
		`#"say "hi" now"`:        {`say "hi" now`},
		`#"say "hi" now" #plain`: {`say "hi" now`, "plain"},
		`#"a b" #"c d"`:          {"a b", "c d"},
		`#"a b" plain`:           {"a b", "plain"},
	} {
		if got, err := parseTags(in, nil); err != nil || !slices.Equal(got, want) {
			t.Errorf("parseTags(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, tags := range [][]string{{"a", "b"}, {"suspicious login", "c"}, {"one two"}, {`say "hi" now`}} {
		if back, err := parseTags(tagsText(tags), nil); err != nil || !slices.Equal(back, tags) {
			t.Errorf("%q shown as %q reads back as %q, %v", tags, tagsText(tags), back, err)
		}
	}
	for head, want := range map[string]string{"": "", "x ": "x, ", "x y ": "x, y, ", "x, ": "x, "} {
		if got := commaHead(head); got != want {
			t.Errorf("commaHead(%q) = %q, want %q", head, got, want)
		}
	}
}
