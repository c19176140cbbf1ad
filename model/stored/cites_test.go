package stored

import (
	"testing"

	"chrono/model"
)

// TestCitesAny: a stored event cites what the model says it does, in its
// date's source and each quote's, whatever its other fields hold; a
// value cut before its citations cites nothing.
func TestCitesAny(t *testing.T) {
	full := model.Event{
		ID: "call", Title: "NSO offers cash", Summary: "s", DateText: "last year", DateSource: "wapo",
		Actors: []string{"NSO Group"}, Tags: []string{"ss7", "wapo"},
		Quotes: []model.Quote{
			{Text: "wapo", Speaker: "guardian", Context: "ft", Stance: model.Asserts},
			{Text: "b", Source: "guardian"},
		},
		Notes: []model.Note{{Text: "ft", Author: "ann"}},
	}
	quoteOnly := model.Event{ID: "q", Title: "t", Quotes: []model.Quote{{Text: "a", Source: "ft"}}}
	bare := model.Event{ID: "b", Title: "t", Tags: []string{"ft"}, Notes: []model.Note{{Text: "ft"}}}
	for _, tc := range []struct {
		name    string
		e       model.Event
		sources []string
	}{
		{"the date's source", full, []string{"wapo"}},
		{"a later quote's source", full, []string{"guardian"}},
		{"a name only in the text", full, []string{"ft"}},
		{"any of several", full, []string{"nyt", "guardian"}},
		{"another case", full, []string{"Guardian"}},
		{"no source at all", full, []string{""}},
		{"the first quote's source", quoteOnly, []string{"ft"}},
		{"none cited", bare, []string{"ft"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Encode(nil, &tc.e)
			if got, want := CitesAny(v, tc.sources), tc.e.Cites(tc.sources); got != want {
				t.Errorf("CitesAny(%q) = %v, the model says %v", tc.sources, got, want)
			}
		})
	}
	v := Encode(nil, &full)
	for _, cut := range []int{0, 1, 2, 5, 20} {
		if CitesAny(v[:cut], []string{"guardian"}) {
			t.Errorf("a value cut to %d bytes cites guardian", cut)
		}
	}
}
