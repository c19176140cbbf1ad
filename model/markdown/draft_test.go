package markdown

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
)

// draft is two events linked both ways, the second with a private note.
func draft() []model.Event {
	return []model.Event{
		{ID: "call", Title: "The call", Date: model.MustParseDate("2017-08"), Links: []model.Link{{Rel: model.DisputedBy, Event: "denial"}}},
		{ID: "denial", Title: "The denial", Date: model.MustParseDate("2022-02-01"),
			Links: []model.Link{{Rel: model.Disputes, Event: "call"}, {Rel: model.Related, Event: "gone"}},
			Notes: []model.Note{{Text: "my source says otherwise"}}},
	}
}

// TestWriteLeavesNotesOut: the investigator's notes are private; a draft
// leaves them out, and says so, unless asked for them.
func TestWriteLeavesNotesOut(t *testing.T) {
	out, losses := write(t, model.Header{}, nil, draft())
	if strings.Contains(out, "my source says otherwise") || strings.Contains(out, "Investigator's note") {
		t.Errorf("a note reached the draft:\n%s", out)
	}
	if losses.Count(LostNote) != 1 {
		t.Errorf("notes left out: counted %d, want 1 (%s)", losses.Count(LostNote), losses)
	}
	var buf bytes.Buffer
	var kept model.Losses
	if _, err := Writer(Options{Notes: true})(&buf, model.Header{}, nil, events(draft()), &kept); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "*Investigator's note:* my source says otherwise\n") || kept.Count(LostNote) != 0 {
		t.Errorf("Notes: the note is not there:\n%s", buf.String())
	}
}

// TestWriteLinksByTitle: a link names the event it points to by its
// title, whether it is above, below or left out of the export; an event
// chrono does not know keeps its id.
func TestWriteLinksByTitle(t *testing.T) {
	titles := map[string]string{"call": "The call", "denial": "The denial"}
	lookup := func(id string) (string, bool) { t, ok := titles[id]; return t, ok }
	var buf bytes.Buffer
	if _, err := Writer(Options{Title: lookup})(&buf, model.Header{}, nil, events(draft()), nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"- Disputed by: “The denial”\n", "- Disputes: “The call”\n", "- Related to: `gone`\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestWriteKeepsFewTitlesWhenItCanLookThemUp: past the titles it keeps,
// a link's title is looked up, and reads as when every title is kept;
// with nothing to look titles up in, every title is kept.
func TestWriteKeepsFewTitlesWhenItCanLookThemUp(t *testing.T) {
	defer func(n int) { keptTitles = n }(keptTitles)
	keptTitles = 1
	es := []model.Event{
		{ID: "a", Title: "First", Date: model.MustParseDate("2001")},
		{ID: "b", Title: "Second", Date: model.MustParseDate("2002"), Links: []model.Link{{Rel: model.Follows, Event: "a"}}},
		{ID: "c", Title: "Third", Date: model.MustParseDate("2003"), Links: []model.Link{{Rel: model.Follows, Event: "b"}}},
	}
	titles := map[string]string{"a": "First", "b": "Second", "c": "Third"}
	var looked []string
	lookup := func(id string) (string, bool) { looked = append(looked, id); t, ok := titles[id]; return t, ok }
	withLookup, _ := writeWith(t, Options{Title: lookup}, model.Header{}, nil, es)
	keptAll, _ := write(t, model.Header{}, nil, es)
	if withLookup != keptAll {
		t.Errorf("with titles looked up:\n%s\nwith every title kept:\n%s", withLookup, keptAll)
	}
	if strings.Join(looked, ",") != "b" {
		t.Errorf("looked up %q; want only b, past the one title kept", looked)
	}
	if !strings.Contains(keptAll, "- Follows: “Second”\n") {
		t.Errorf("without a lookup, the link to b lacks its title:\n%s", keptAll)
	}
}
