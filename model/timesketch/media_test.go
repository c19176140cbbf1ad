package timesketch

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestMediaRoundTrip: an event's media go into a record's media
// attribute, in JSONL and CSV alike, and read back as they were; a
// record without one reads back without media.
func TestMediaRoundTrip(t *testing.T) {
	media := []model.Medium{
		{URL: "https://example.org/office.jpg", Caption: "NSO's office, \"2016\"", Credit: "Reuters/Ammar Awad",
			Title: "The office", Alt: "A glass building", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/s"},
		{Caption: "a map, with no URL"},
	}
	tl := model.Timeline{Events: []model.Event{
		{ID: "pictured", Title: "Pictured", Date: model.MustParseDate("2016-08-25"), Media: media},
		{ID: "plain", Title: "Plain", Date: model.MustParseDate("2016-08-26")},
	}}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			buf, _, lost := w.mustWrite(t, tl)
			if !lost.Empty() {
				t.Errorf("writing lost %s", lost)
			}
			if !strings.Contains(buf.String(), "media") {
				t.Errorf("no media attribute:\n%s", buf.String())
			}
			got, readLost := mustRead(t, buf.String())
			if !readLost.Empty() {
				t.Errorf("reading back lost %s", readLost)
			}
			if len(got.Events) != 2 || !slices.Equal(got.Events[0].Media, media) || got.Events[1].Media != nil {
				t.Errorf("read back %+v\nwant the media %+v on the first event only", got.Events, media)
			}
		})
	}
}

// TestMediaProblemNamesTheMedium: a medium a record's media attribute
// holds wrongly is named by its number.
func TestMediaProblemNamesTheMedium(t *testing.T) {
	line := `{"message": "M", "datetime": "2016-08-25T00:00:00+00:00", "timestamp_desc": "x", "chrono_id": "m", "date_edtf": "2016-08-25",` +
		` "media": [{"url": "u"}, {"url": "v", "link_target": "_blank"}]}` + "\n"
	_, _, err := read(t, line)
	if err == nil || !strings.Contains(err.Error(), `media: medium #2: unknown field "link_target"`) {
		t.Errorf("error %v; want one naming medium #2's unknown field", err)
	}
}
