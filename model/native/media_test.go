package native

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestMediaRoundTrip: an event's media are written and read back as
// they were, each of their members kept.
func TestMediaRoundTrip(t *testing.T) {
	media := []model.Medium{
		{URL: "https://example.org/p.jpg", Caption: "The office, “2016”", Credit: "Reuters/Ammar Awad",
			Title: "NSO's office", Alt: "A glass building", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/s"},
		{Caption: "without a URL"},
	}
	evs := []model.Event{
		{ID: "pictured", Title: "Pictured", Date: model.MustParseDate("2016-08-25"), Media: media},
		{ID: "plain", Title: "Plain"},
	}
	var doc bytes.Buffer
	if err := Write(&doc, model.Header{Title: "T"}, nil, events(evs)); err != nil {
		t.Fatal(err)
	}
	if bytes.Count(doc.Bytes(), []byte(`"media"`)) != 1 {
		t.Errorf("the document has %d media members, want 1 (none for an event without):\n%s", bytes.Count(doc.Bytes(), []byte(`"media"`)), doc.Bytes())
	}
	var c model.Collect
	if err := Read(bytes.NewReader(doc.Bytes()), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Timeline.Events) != 2 || !slices.Equal(c.Timeline.Events[0].Media, media) || c.Timeline.Events[1].Media != nil {
		t.Errorf("read back: %+v\nwant the media %+v on the first event only", c.Timeline.Events, media)
	}
}

// TestMediaProblemsArePlaced: a problem of a medium names it by its
// number and is placed at it, in an event read alone.
func TestMediaProblemsArePlaced(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"empty", `{"id": "a", "title": "A", "media": [
  {"url": "u"},
  {"credit": "AP"}
]}`, `3:3: event "a" (#1): medium #2: empty`},
		{"an unknown member", `{"id": "a", "title": "A", "media": [
  {"url": "u"},
  {"url": "v", "link_target": "_blank"}
]}`, "medium #2"},
	} {
		_, err := ReadEvent([]byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want a problem with %q", c.name, err, c.want)
		}
	}
}
