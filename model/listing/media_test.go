package listing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
)

// TestShowMedia: chrono show lists an event's media apart from its
// quotes, each medium's title, caption, credit and URL, an escape
// sequence in them shown and not obeyed.
func TestShowMedia(t *testing.T) {
	d := model.Detail{Event: model.Event{ID: "pictured", Title: "The office in Herzliya", Date: model.MustParseDate("2016-08-25"),
		Quotes: []model.Quote{{Text: "We drop bags of cash at your office", Speaker: "Omri Lavie"}},
		Media: []model.Medium{
			{URL: "https://example.org/office.jpg", Caption: "NSO's office building, seen from the street, in August 2016, its windows dark",
				Credit: "Reuters/Ammar Awad", Title: "The office", Alt: "A glass building behind a fence"},
			{URL: "https://youtu.be/xyz\x1b[2J", Caption: "\x1b[31mA report\x1b[0m"},
		}}}
	var b bytes.Buffer
	if err := Show(&b, d, nil, nil, 80, model.ZoneUTC); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), 0x1b) {
		t.Errorf("an escape sequence reaches the terminal:\n%q", b.String())
	}
	golden.RequireEqual(t, b.String())
}
