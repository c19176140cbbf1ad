package timelinejs

import (
	"reflect"
	"testing"

	"chrono/model"
)

// TestReadTextFields: the status, actors and tags lines that end a slide's
// text as chrono's export writes them are read into fields; a line that
// does not read back whole, or is followed by the slide's own text,
// stays in the text.
func TestReadTextFields(t *testing.T) {
	tests := []struct {
		name, text, rest string
		want             textFields
	}{
		{"none", "Just a summary.", "Just a summary.", textFields{}},
		{"all three", "Sum.\n\nStatus: alleged\n\nActors: A, B\n\nTags: x, suspicious login", "Sum.",
			textFields{status: model.Alleged, hasStatus: true, actors: []string{"A", "B"}, hasActors: true, tags: []string{"x", "suspicious login"}}},
		{"quotes and links stay", "Sum.\n\nStatus: denied\n\n“Words”\n\n— Someone\n\nDisputes other", "Sum.\n\n“Words”\n\n— Someone\n\nDisputes other",
			textFields{status: model.Denied, hasStatus: true}},
		{"a status in any case", "Status: Confirmed", "", textFields{status: model.Confirmed, hasStatus: true}},
		{"not at the end", "Status: alleged\n\nThen the story goes on.", "Status: alleged\n\nThen the story goes on.", textFields{}},
		{"an unknown status", "Sum.\n\nStatus: pending review", "Sum.\n\nStatus: pending review", textFields{}},
		{"not assessed is no status", "Sum.\n\nStatus: not assessed", "Sum.\n\nStatus: not assessed", textFields{}},
		{"a tag chrono refuses", "Sum.\n\nTags: ok, #hash", "Sum.\n\nTags: ok, #hash", textFields{}},
		{"the second status stays", "Sum.\n\nStatus: alleged\n\nStatus: denied", "Sum.\n\nStatus: denied", textFields{status: model.Alleged, hasStatus: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rest, got := readTextFields(tt.text)
			if rest != tt.rest {
				t.Errorf("text %q, want %q", rest, tt.rest)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fields %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestTakenKeepsActorsWithCommas: an actor whose name holds a comma is
// written as two in the text; read back unchanged, the stored one stays.
func TestTakenKeepsActorsWithCommas(t *testing.T) {
	stored := model.Event{Summary: "S", Actors: []string{"Lavie, Omri", "NSO  Group"}}
	read := model.Event{Summary: "S", Actors: []string{"Lavie", "Omri", "NSO Group"}}
	Taken(stored, &read)
	if !reflect.DeepEqual(read.Actors, stored.Actors) {
		t.Errorf("actors %q, want the stored %q", read.Actors, stored.Actors)
	}
	changed := model.Event{Summary: "S", Actors: []string{"Omri Lavie"}}
	Taken(stored, &changed)
	if !reflect.DeepEqual(changed.Actors, []string{"Omri Lavie"}) {
		t.Errorf("actors changed in the slide %q, want the slide's", changed.Actors)
	}
}
