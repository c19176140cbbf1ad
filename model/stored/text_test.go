package stored

import (
	"slices"
	"testing"
	"time"

	"chrono/model"
)

// TestTextContainsEveryVersion: a search reads the text section of a
// value of any version the codec reads, which all lay it out alike: an
// event found before one of its notes was edited is found after, and one
// stored by an older chrono is found before it is written again.
func TestTextContainsEveryVersion(t *testing.T) {
	note := model.Note{Text: "ask Tye", Author: "bo", At: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	e := model.Event{ID: "call", Title: "The Mobileum call", Notes: []model.Note{note}}
	v2 := Encode(nil, &e)
	e.Notes[0].Text, e.Notes[0].Edited, e.Notes[0].EditedBy = "ask Tye and Lieu", note.At.Add(time.Hour), "cy"
	v3 := Encode(nil, &e)
	// Version 1 is version 2 without the note's author.
	e.Notes = []model.Note{{Text: "ask Tye", At: note.At}}
	v1 := Encode(nil, &e)
	v1 = slices.Clone(v1[:len(v1)-1])
	v1[0] = 1
	for _, v := range [][]byte{v1, v2, v3} {
		for _, words := range []string{"mobileum", "tye"} {
			m := model.NewMatcher(words)
			if !TextContains(v, &m) {
				t.Errorf("version %d: %q not found", v[0], words)
			}
		}
		if _, err := Decode(v); err != nil {
			t.Errorf("version %d: %v", v[0], err)
		}
	}
	if v1[0] != 1 || v2[0] != 2 || v3[0] != 3 {
		t.Fatalf("versions %d, %d, %d; want 1, 2, 3", v1[0], v2[0], v3[0])
	}
	m := model.NewMatcher("lieu")
	if TextContains(v2, &m) || !TextContains(v3, &m) {
		t.Error("the edited note's words are found in the wrong value")
	}
}

// TestTextContainsMedia: a value of version 4 is searched in its media's
// caption, credit, title and alt text, which lie after its text section,
// and not in their addresses.
func TestTextContainsMedia(t *testing.T) {
	e := model.Event{ID: "pictured", Title: "A photograph", Media: []model.Medium{{
		URL: "https://example.org/quayside.jpg", Caption: "Hulio at the Limassol meeting", Credit: "Andreas Kyriakou",
		Title: "The harbour café", Alt: "Two men at a table",
	}}}
	v := Encode(nil, &e)
	if v[0] != versionMedia {
		t.Fatalf("version %d, want %d", v[0], versionMedia)
	}
	for _, c := range []struct {
		text string
		want bool
	}{{"hulio", true}, {"KYRIAKOU", true}, {"harbour cafe", true}, {"two men", true}, {"photograph", true}, {"quayside", false}, {"meeting andreas", false}} {
		m := model.NewMatcher(c.text)
		if got := TextContains(v, &m); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}
