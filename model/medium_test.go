package model

import (
	"slices"
	"strings"
	"testing"
)

// TestMediaAreAField: media are a field like the others, which an
// update from a format without a place for them keeps, one with a place
// takes, and a comparison of versions sees.
func TestMediaAreAField(t *testing.T) {
	photo := Medium{URL: "https://example.org/p.jpg", Caption: "The office", Credit: "Reuters"}
	stored := Event{ID: "a", Title: "A", Media: []Medium{photo}}
	incoming := Event{ID: "a", Title: "A, retitled"}
	for _, c := range []struct {
		name   string
		fields FieldSet
		want   []Medium
	}{
		{"a format without media keeps them", FieldTitle, []Medium{photo}},
		{"a format with media takes them", FieldTitle | FieldMedia, nil},
		{"every field", AllFields, nil},
	} {
		got := MergeEvent(stored, incoming, c.fields)
		if !slices.Equal(got.Media, c.want) {
			t.Errorf("%s: media %+v, want %+v", c.name, got.Media, c.want)
		}
	}
	if f, ok := FieldByName("media"); !ok || f != FieldMedia {
		t.Errorf(`FieldByName("media") = %v, %v`, f, ok)
	}
	other := stored.Clone()
	other.Media[0].Credit = "AP"
	if stored.Media[0].Credit != "Reuters" {
		t.Error("Clone shares its media with the event cloned")
	}
	if SameEvent(&stored, &other) {
		t.Error("SameEvent: events whose media differ are the same")
	}
	if got := Fields(&stored, &other); !slices.Equal(got, []string{"media"}) {
		t.Errorf("Fields = %q, want media", got)
	}
	changes := EventChanges(&stored, &incoming)
	if len(changes) != 2 || changes[1].Field != "media" || changes[1].Before != "1 medium: The office" || changes[1].After != "" {
		t.Errorf("EventChanges = %+v, want the title and the media cleared", changes)
	}
}

// TestMediumChecks: a medium that shows nothing, one too large and one
// not UTF-8 are each said, by its number and field.
func TestMediumChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		m    Medium
		want string
	}{
		{"nothing to show", Medium{Credit: "AP"}, "medium #2: empty: give its url, caption or title"},
		{"a caption too long", Medium{URL: "u", Caption: strings.Repeat("x", MaxTextBytes+1)}, "medium #2: caption: 1,048,577 bytes"},
		{"a credit not UTF-8", Medium{URL: "u", Credit: "\xff"}, "medium #2: credit"},
	} {
		e := Event{ID: "a", Title: "A", Media: []Medium{{URL: "u"}, c.m}}
		msgs := append(e.Check(), e.textNotUTF8()...)
		if !slices.ContainsFunc(msgs, func(m string) bool { return strings.HasPrefix(m, c.want) }) {
			t.Errorf("%s: %q; want one starting %q", c.name, msgs, c.want)
		}
	}
	fine := Event{ID: "a", Title: "A", Media: []Medium{{URL: "u"}, {Caption: "c"}, {Title: "t"}}}
	if msgs := append(fine.Check(), fine.textNotUTF8()...); len(msgs) != 0 {
		t.Errorf("media with a url, a caption, a title: %q, want none", msgs)
	}
}
