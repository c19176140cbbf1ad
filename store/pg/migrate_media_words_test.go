package pg

import (
	"testing"

	"chrono/model"
)

// TestSearchMediaStep: the nineteenth step gives an event stored with
// media before it the key and words that hold its media's texts, so that
// a search finds it by its caption; an event without media is left as
// it was.
func TestSearchMediaStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "media's captions")
	pictured := model.Event{ID: "pictured", Title: "A photograph", Media: []model.Medium{{
		URL: "https://example.org/quayside.jpg", Caption: "Hulio at the Limassol meeting", Credit: "Andreas Kyriakou",
		Title: "The harbour café", Alt: "Two men at a table",
	}}}
	plain := model.Event{ID: "plain", Title: "Hulio's office"}
	for _, e := range []model.Event{pictured, plain} {
		r := rowOf(&e)
		if e.ID == "pictured" {
			// The key and words as the step before made them: without
			// the media.
			without := e.Clone()
			without.Media = nil
			r.search = searchKey(&without)
			r.words = searchWords(r.search)
		}
		insertRow(t, c, inv, r)
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	checkRefolded(t, c, inv, pictured, plain)
	checkSearches(t, url, []struct{ text, want string }{
		{"hulio", "pictured plain"},
		{"limassol", "pictured"},
		{"kyriakou", "pictured"},
		{"harbour cafe", "pictured"},
		{"two men", "pictured"},
		{"quayside", ""},
	})
}
