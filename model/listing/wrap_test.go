package listing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// TestWrapKeepsWords: text breaks at spaces only, so that an event id
// or any hyphenated word is never split over two lines; a word is cut
// only where it alone is wider than the line, and then on lines of its
// own. Indentation, blank lines and the spaces within a line are kept.
func TestWrapKeepsWords(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{`each before the next: "vote" before "board-meets" before "vote"`, 40,
			"each before the next: \"vote\" before\n\"board-meets\" before \"vote\""},
		{"follows nso-mobileum-call: NSO offers Mobileum", 20,
			"follows\nnso-mobileum-call:\nNSO offers Mobileum"},
		{"short https://example.com/a-very-long-path-that/does-not-fit end", 15,
			"short\nhttps://example\n.com/a-very-lon\ng-path-that/doe\ns-not-fit end"},
		{"    indented code line that goes on", 15, "    indented\ncode line that\ngoes on"},
		{"two  spaces  between  words", 15, "two  spaces\nbetween  words"},
		{"a\n\nb-c d", 10, "a\n\nb-c d"},
		{"日本語の 日本語の 日本語の", 10, "日本語の\n日本語の\n日本語の"},
		{"", 10, ""},
	} {
		got := wrap(c.in, c.width)
		if got != c.want {
			t.Errorf("wrap(%q, %d):\n%s\nwant:\n%s", c.in, c.width, got, c.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > c.width {
				t.Errorf("wrap(%q, %d): a line of %d cells: %q", c.in, c.width, ansi.StringWidth(l), l)
			}
		}
	}
}

// TestShowKeepsIDsWhole: show's problem and Links lines never split the
// id of an event at its hyphen.
func TestShowKeepsIDsWhole(t *testing.T) {
	d := model.Detail{
		Event:   model.Event{ID: "vote", Title: "The vote"},
		Related: []model.Relation{{Rel: model.Rels[0], Event: "board-meets-in-closed-session"}},
		Titles:  map[string]string{"board-meets-in-closed-session": "The board meets in closed session, as the minutes say"},
	}
	problems := []model.Contradiction{{What: `a cycle of order, each before the next: "vote" before "board-meets" before "vote"`}}
	var b bytes.Buffer
	if err := Show(&b, d, problems, nil, 80, model.ZoneWritten); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, id := range []string{`"board-meets"`, "board-meets-in-closed-session:"} {
		if !strings.Contains(out, id) {
			t.Errorf("%s split over lines:\n%s", id, out)
		}
	}
}
