package listing

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestShowIndentsEveryLineOfANote: a note of several lines stays under
// its heading, every line indented, and its date and author stand on a
// line of their own; a blank line in it carries no trailing spaces, and
// one parts two notes.
func TestShowIndentsEveryLineOfANote(t *testing.T) {
	d := model.Detail{Event: model.Event{ID: "a", Title: "A", Notes: []model.Note{
		{Text: "first line\nsecond line\n\nafter a blank", At: time.Date(2026, 11, 24, 10, 3, 0, 0, time.UTC), Author: "ana"},
		{Text: "undated\nnote"},
	}}}
	var b bytes.Buffer
	if err := Show(&b, d, nil, 80, model.ZoneWritten); err != nil {
		t.Fatal(err)
	}
	// Numbered as note --edit N and --delete N count them.
	want := `Notes
1. 24 Nov 2026 10:03 — ana
     first line
     second line

     after a blank

2. undated
   note
`
	if out := b.String(); !strings.HasSuffix(out, want) {
		t.Errorf("notes shown as:\n%s\nwant them to end:\n%s", out, want)
	}
}
