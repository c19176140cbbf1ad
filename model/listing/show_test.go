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
	if err := Show(&b, d, nil, nil, 80, model.ZoneUTC); err != nil {
		t.Fatal(err)
	}
	// Numbered as note --edit N and --delete N count them.
	want := `Notes
1. 24 Nov 2026 10:03 UTC — ana
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

// TestShowSaysWhoEditedANote: a note edited by another than its writer
// still heads with who wrote it and when, then says who edited it and
// when; edited by its writer, only when; an edit of an unsigned note
// heads it alone.
func TestShowSaysWhoEditedANote(t *testing.T) {
	written, edited := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 5, 11, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		note model.Note
		want string
	}{
		{"never edited", model.Note{Text: "ask Tye", Author: "bo", At: written}, "1. 3 Dec 2026 10:00 UTC — bo\n     ask Tye\n"},
		{"by another", model.Note{Text: "ask Lieu", Author: "bo", At: written, Edited: edited, EditedBy: "cy"},
			"1. 3 Dec 2026 10:00 UTC — bo (edited by cy, 5 Dec 2026 11:30 UTC)\n     ask Lieu\n"},
		{"by its writer", model.Note{Text: "ask Lieu", Author: "bo", At: written, Edited: edited, EditedBy: "bo"},
			"1. 3 Dec 2026 10:00 UTC — bo (edited 5 Dec 2026 11:30 UTC)\n     ask Lieu\n"},
		{"by another, when unknown", model.Note{Text: "ask Lieu", Author: "bo", At: written, EditedBy: "cy"},
			"1. 3 Dec 2026 10:00 UTC — bo (edited by cy)\n     ask Lieu\n"},
		{"unsigned", model.Note{Text: "imported, checked", Edited: edited, EditedBy: "cy"},
			"1. edited by cy, 5 Dec 2026 11:30 UTC\n     imported, checked\n"},
		{"a name with a control character", model.Note{Text: "n", Author: "bo", At: written, Edited: edited, EditedBy: "c\x1b[31my"},
			"1. 3 Dec 2026 10:00 UTC — bo (edited by c␛[31my, 5 Dec 2026 11:30 UTC)\n     n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := model.Detail{Event: model.Event{ID: "a", Title: "A", Notes: []model.Note{tt.note}}}
			var b bytes.Buffer
			if err := Show(&b, d, nil, nil, 80, model.ZoneUTC); err != nil {
				t.Fatal(err)
			}
			if out := b.String(); !strings.HasSuffix(out, "Notes\n"+tt.want) {
				t.Errorf("the note shown as:\n%s\nwant it to end:\n%s", out, tt.want)
			}
		})
	}
}

// TestShowNoteTimesInTheReadersZone: a note's times are instants chrono
// recorded, shown in the reader's zone as chrono log shows its entries,
// the zone named, so that they agree with the journal's; --tz utc shows
// them in UTC.
func TestShowNoteTimesInTheReadersZone(t *testing.T) {
	written, edited := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 5, 11, 30, 0, 0, time.UTC)
	d := model.Detail{Event: model.Event{ID: "a", Title: "A", Notes: []model.Note{{Text: "ask Lieu", Author: "bo", At: written, Edited: edited, EditedBy: "cy"}}}}
	for _, tt := range []struct {
		zone model.Zone
		want string
	}{
		{model.ZoneLocal(time.FixedZone("EST", -5*3600)), "1. 3 Dec 2026 05:00 EST — bo (edited by cy, 5 Dec 2026 06:30 EST)\n"},
		{model.ZoneUTC, "1. 3 Dec 2026 10:00 UTC — bo (edited by cy, 5 Dec 2026 11:30 UTC)\n"},
	} {
		var b bytes.Buffer
		if err := Show(&b, d, nil, nil, 80, tt.zone); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, "Notes\n"+tt.want) {
			t.Errorf("%s: the note shown as:\n%s\nwant %q", tt.zone, out, tt.want)
		}
	}
}
