package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// zonedDoc has times whose day as written is not their day in UTC, and a
// time without an offset beside them.
const zonedDoc = `{"chrono": 1, "events": [
  {"id": "evening-in-new-york", "date": "2017-08-14T20:30:00-04:00", "title": "An evening call, New York time"},
  {"id": "morning-in-karachi", "date": "2017-08-15T01:00:00+05:00", "title": "An early message, Karachi time"},
  {"id": "local-midnight", "date": "2017-08-15T00:00:00", "title": "Midnight where it happened"},
  {"id": "whole-day", "date": "2017-08-14", "title": "Something that day"}
]}`

// testDuringAsWritten: a day to select by is the day the rows show, the
// clock as written where a time gives an offset; a date that gives an
// offset itself selects by the instant.
func testDuringAsWritten(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("zoned.json", []byte(zonedDoc)))
	events := ReadEvents(t, []byte(zonedDoc))
	for _, c := range []struct {
		during string
		want   []string
	}{
		{"2017-08-14", []string{"whole-day", "evening-in-new-york"}},
		{"2017-08-15", []string{"local-midnight", "morning-in-karachi"}},
		{"2017-08-14T20:00:00/2017-08-14T21:00:00", []string{"whole-day", "evening-in-new-york"}},
		{"2017-08-15T00:00:00Z/2017-08-15T00:59:59Z", []string{"local-midnight", "evening-in-new-york"}},
		{"2017-08-14T19:00:00Z/2017-08-14T20:59:59Z", []string{"whole-day", "morning-in-karachi"}},
	} {
		q := model.Query{During: model.MustParseDate(c.during)}
		var got []string
		for e := range st.Events(q) {
			got = append(got, e.ID)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("during %s: got %q, want %q", c.during, got, want)
		}
		if model := IDs(Selected(q, events)); !slices.Equal(slices.Sorted(slices.Values(model)), want) {
			t.Errorf("during %s: the model selects %q, want %q", c.during, model, want)
		}
	}
	s.checkViews(t, st, events)
	// Shown in UTC, a time is on its day in UTC.
	q := model.Query{During: model.MustParseDate("2017-08-15"), Zone: model.ZoneUTC}
	var got []string
	for e := range st.Events(q) {
		got = append(got, e.ID)
	}
	slices.Sort(got)
	if want := []string{"evening-in-new-york", "local-midnight"}; !slices.Equal(got, want) {
		t.Errorf("during 2017-08-15 shown in UTC: got %q, want %q", got, want)
	}
	if model := IDs(Selected(q, events)); !slices.Equal(slices.Sorted(slices.Values(model)), []string{"evening-in-new-york", "local-midnight"}) {
		t.Errorf("during 2017-08-15 shown in UTC: the model selects %q", model)
	}
}
