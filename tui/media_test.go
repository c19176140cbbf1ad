package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// mediaDoc has an event with media, one of whose captions carries a
// terminal's escape sequences, as an imported file may.
const mediaDoc = `{"chrono": 1, "title": "Media", "events": [
 {"id": "before", "date": "2016-08-24", "title": "The day before"},
 {"id": "pictured", "date": "2016-08-25", "title": "The office in Herzliya",
  "summary": "NSO's offices.",
  "quotes": [{"text": "We drop bags of cash at your office", "speaker": "Omri Lavie"}],
  "media": [
   {"url": "https://example.org/office.jpg", "caption": "NSO's office building, seen from the street, in August 2016", "credit": "Reuters/Ammar Awad", "title": "The office"},
   {"url": "https://youtu.be/xyz", "caption": "\u001b[31mA report\u001b[0m\u001b]8;;https://evil.example\u0007"}
  ]}
]}`

// TestMediaInTheDetailPane: the detail pane shows an event's media,
// their captions and credits as text apart from the quotes, and their
// URLs, with nothing of an imported text reaching the terminal as an
// escape sequence.
func TestMediaInTheDetailPane(t *testing.T) {
	d := newDriver(t, storeOf(t, mediaDoc), 80, 24)
	d.to("pictured")
	d.keys("tab") // at 80 columns the pane takes the screen
	content := d.m.View().Content
	checkSize(t, content, 80, 24)
	for _, bad := range []string{"\x1b[31mA report", "\x1b]8;;https://evil.example"} {
		if strings.Contains(content, bad) {
			t.Errorf("the caption's escape sequence %q reaches the terminal", bad)
		}
	}
	screen := d.screen()
	for _, want := range []string{"2 media", "NSO's office building", "credit: Reuters/Ammar Awad", "https://example.org/office.jpg", "A report"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the pane does not show %q:\n%s", want, screen)
		}
	}
	golden.RequireEqual(t, screen)
}

// TestEventFormKeepsMedia: saving the event form with its media left as
// they were keeps them byte for byte, a caption's escape sequence too.
func TestEventFormKeepsMedia(t *testing.T) {
	s := storeOf(t, mediaDoc)
	d := newDriver(t, s, 120, 40)
	d.to("pictured")
	before := event(t, s, "pictured")
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (edited)")
	d.keys("ctrl+s")
	after := event(t, s, "pictured")
	if after.Title != before.Title+" (edited)" {
		t.Fatalf("the title after the save is %q; the form did not save", after.Title)
	}
	if len(before.Media) != 2 || !slices.Equal(after.Media, before.Media) {
		t.Errorf("media after the save %+v, want %+v", after.Media, before.Media)
	}
	if !slices.Equal(after.Quotes, before.Quotes) {
		t.Errorf("quotes after the save %+v, want %+v", after.Quotes, before.Quotes)
	}
}

// TestSearchFoundInAMedium: a search found only in a medium's alt text
// finds its event, whose row says it was found in a medium, and the
// pane shows the alt text with the match.
func TestSearchFoundInAMedium(t *testing.T) {
	doc := `{"chrono": 1, "events": [
 {"id": "before", "date": "2016-08-24", "title": "The day before"},
 {"id": "pictured", "date": "2016-08-25", "title": "A photograph",
  "media": [{"url": "https://example.org/quayside.jpg", "caption": "Hulio at the Limassol meeting", "alt": "Two men at a table by the harbour"}]}
]}`
	d := newDriver(t, storeOf(t, doc), 160, 45)
	d.keys("/")
	d.typeText("harbour")
	d.keys("enter")
	if d.selected() != "pictured" {
		t.Fatalf("selected %q, want the event whose alt text has the search", d.selected())
	}
	screen := d.screen()
	for _, want := range []string{"A photograph", "in medium", "alt: Two men at a table by the harbour"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q:\n%s", want, screen)
		}
	}
}
