package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// mediaDoc is a document with an event with media, one with no place
// for them, and one without.
const mediaDoc = `{"chrono": 1, "events": [
  {"id": "pictured", "date": "2016-08-25", "title": "The office in Herzliya",
   "media": [
     {"url": "https://example.org/office.jpg", "caption": "NSO's office, 2016", "credit": "Reuters/Ammar Awad",
      "title": "The office", "alt": "A glass building", "thumbnail": "https://example.org/t.jpg", "link": "https://example.org/story"},
     {"url": "https://youtu.be/xyz", "caption": "\u001b[31mA report\u001b[0m"}
   ]},
  {"id": "plain", "date": "2016-08-26", "title": "Without media"}
]}`

// mediaWant are the media of "pictured" in mediaDoc.
var mediaWant = []model.Medium{
	{URL: "https://example.org/office.jpg", Caption: "NSO's office, 2016", Credit: "Reuters/Ammar Awad",
		Title: "The office", Alt: "A glass building", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/story"},
	{URL: "https://youtu.be/xyz", Caption: "\x1b[31mA report\x1b[0m"},
}

// testMediaAreKept: an event's media are stored as imported, in either
// way of importing, and read back by every read; an edit of another
// field keeps them, and the journal has them on either side; a
// reimport from a format with no place for them keeps them, even with
// Replace.
func testMediaAreKept(t *testing.T, s *suite) {
	eachWay(t, func(t *testing.T, bulk bool) {
		st := s.empty(t)
		if _, err := st.Import([]model.Input{NativeInput("media.json", []byte(mediaDoc))}, model.ImportOptions{Bulk: bulk}); err != nil {
			t.Fatal(err)
		}
		s.check(t, st)
		read := func(when string) {
			t.Helper()
			if got := StoredEvent(t, st, "pictured").Media; !slices.Equal(got, mediaWant) {
				t.Errorf("%s: Event: media %+v, want %+v", when, got, mediaWant)
			}
			d, err := st.Detail("pictured")
			if err != nil || !slices.Equal(d.Event.Media, mediaWant) {
				t.Errorf("%s: Detail: media %+v (%v), want %+v", when, d.Event.Media, err, mediaWant)
			}
			for _, e := range AllEvents(t, st) {
				want := mediaWant
				if e.ID != "pictured" {
					want = nil
				}
				if !slices.Equal(e.Media, want) {
					t.Errorf("%s: Events: %s has media %+v, want %+v", when, e.ID, e.Media, want)
				}
			}
		}
		read("imported")

		was := StoredEvent(t, st, "pictured")
		edited := was.Clone()
		edited.Title = "NSO's office in Herzliya"
		if _, err := st.Write(model.OpEdit, "edited", func(tx model.Tx) error { _, err := model.EditEvent(tx, was, edited); return err }); err != nil {
			t.Fatal(err)
		}
		read("after an edit of the title")
		entries, err := st.Journal(model.JournalQuery{Event: "pictured", Limit: 1})
		if err != nil || len(entries) != 1 || len(entries[0].Events) != 1 {
			t.Fatalf("the journal's last entry for the event: %+v, %v", entries, err)
		}
		if c := entries[0].Events[0]; c.Before == nil || c.After == nil || !slices.Equal(c.Before.Media, mediaWant) || !slices.Equal(c.After.Media, mediaWant) {
			t.Errorf("the journal records the edit as %+v", c)
		}

		// A record with no place for media, as a sheet's or a log's.
		again := NativeInput("again.json", []byte(`{"chrono": 1, "events": [{"id": "pictured", "date": "2016-08-25", "title": "Retitled"}]}`))
		again.Carries = model.AllFields &^ model.FieldMedia
		if _, err := st.Import([]model.Input{again}, model.ImportOptions{Replace: true, Bulk: bulk}); err != nil {
			t.Fatal(err)
		}
		if got := StoredEvent(t, st, "pictured"); got.Title != "Retitled" {
			t.Errorf("the reimport left the title %q", got.Title)
		}
		read("after a reimport without a place for media")
		s.check(t, st)
		if s.h.Reopen != nil {
			st = s.h.Reopen(t, st, "someone-else")
			read("reopened")
		}
	})
}
