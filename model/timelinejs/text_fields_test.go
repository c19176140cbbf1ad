package timelinejs

import (
	"reflect"
	"testing"

	"chrono/model"
)

// TestMarkedFields: the status, actors and tags paragraphs chrono's
// export marks are read into fields and taken out of the text; a
// paragraph that only reads alike (a summary's own "Status: confirmed"),
// or that does not read back whole, stays in the text.
func TestMarkedFields(t *testing.T) {
	tests := []struct {
		name, html, rest string
		want             textFields
		unread           int
	}{
		{"none", "<p>Just a summary.</p>", "<p>Just a summary.</p>", textFields{}, 0},
		{"all three", `<p>Sum.</p><p class="chrono-status">Status: alleged</p><p class="chrono-actors">Actors: A, B</p><blockquote>“Q”</blockquote><p class="chrono-tags">Tags: x, suspicious login</p>`,
			"<p>Sum.</p><blockquote>“Q”</blockquote>",
			textFields{status: model.Alleged, hasStatus: true, actors: []string{"A", "B"}, hasActors: true, tags: []string{"x", "suspicious login"}, hasTags: true}, 0},
		{"a summary's own line", "<p>Sum.</p><p>Status: confirmed</p>", "<p>Sum.</p><p>Status: confirmed</p>", textFields{}, 0},
		{"not assessed takes the status away", `<p class="chrono-status">Status: not assessed</p>`, "", textFields{hasStatus: true}, 0},
		{"an unknown status", `<p class="chrono-status">Status: pending</p>`, `<p class="chrono-status">Status: pending</p>`, textFields{}, 1},
		{"a tag chrono refuses", `<p class="chrono-tags">Tags: ok, a;b</p>`, `<p class="chrono-tags">Tags: ok, a;b</p>`, textFields{}, 1},
		{"a tag typed as chrono shows it", `<p class="chrono-tags">Tags: ok, #urgent</p>`, "", textFields{tags: []string{"ok", "urgent"}, hasTags: true}, 0},
		{"a status as a sentence", `<p class="chrono-status">Status: Denied.</p>`, "", textFields{status: model.Denied, hasStatus: true}, 0},
		{"actors emptied", `<p class="chrono-actors">Actors: </p>`, "", textFields{hasActors: true}, 0},
		{"escaped", `<p class="chrono-actors">Actors: AT&amp;T, Bob</p>`, "", textFields{actors: []string{"AT&T", "Bob"}, hasActors: true}, 0},
		{"unclosed", `<p class="chrono-status">Status: alleged`, `<p class="chrono-status">Status: alleged`, textFields{}, 0},
		{"left open before the story goes on", `<p class="chrono-actors">Actors: A, B<p>The story.</p>`, `<p class="chrono-actors">Actors: A, B<p>The story.</p>`, textFields{}, 1},
		{"a line break", `<p class="chrono-actors">Actors: A,<br>B</p>`, `<p class="chrono-actors">Actors: A,<br>B</p>`, textFields{}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rest, got, unread := markedFields(tt.html)
			if rest != tt.rest || unread != tt.unread {
				t.Errorf("text %q, %d unread; want %q, %d", rest, unread, tt.rest, tt.unread)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fields %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestTakenKeepsWhatReadsBackAlike: an actor whose name holds a comma is
// written as two in the text, and a tag's runs of spaces as one; read
// back unchanged, the stored ones stay.
func TestTakenKeepsWhatReadsBackAlike(t *testing.T) {
	stored := model.Event{Summary: "S", Actors: []string{"Lavie, Omri", "NSO  Group"}, Tags: []string{"key", "a  b"}}
	read := model.Event{Summary: "S", Actors: []string{"Lavie", "Omri", "NSO Group"}, Tags: []string{"key", "a b"}}
	Taken(stored, &read)
	if !reflect.DeepEqual(read.Actors, stored.Actors) || !reflect.DeepEqual(read.Tags, stored.Tags) {
		t.Errorf("actors %q, tags %q; want the stored %q, %q", read.Actors, read.Tags, stored.Actors, stored.Tags)
	}
	changed := model.Event{Summary: "S", Actors: []string{"Omri Lavie"}}
	Taken(stored, &changed)
	if !reflect.DeepEqual(changed.Actors, []string{"Omri Lavie"}) {
		t.Errorf("actors changed in the slide %q, want the slide's", changed.Actors)
	}
}
