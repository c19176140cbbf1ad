package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMergeEvent(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	stored := Event{
		ID: "e", Date: MustParseDate("2017-08"), DateText: "that summer", DateSource: "wapo",
		Title: "Stored", Summary: "stored summary", Status: Alleged, Actors: []string{"NSO"},
		Tags:   []string{"flagged"},
		Quotes: []Quote{{Text: "words", Source: "wapo", Stance: Asserts}},
		Links:  []Link{{Rel: Follows, Event: "other"}},
		Notes:  []Note{{Text: "mine", At: at}},
	}
	incoming := Event{ID: "e", Date: MustParseDate("2017-09"), Title: "Corrected", Tags: []string{"ss7"}, Notes: []Note{{Text: "theirs"}}}
	with := func(f func(*Event)) Event {
		e := stored
		f(&e)
		return e
	}
	tests := []struct {
		name   string
		fields FieldSet
		want   Event
	}{
		{"nothing carried keeps everything", 0, stored},
		{"a carried field is taken", FieldTitle, with(func(e *Event) { e.Title = "Corrected" })},
		{"a carried empty field clears", FieldTitle | FieldStatus | FieldQuotes | FieldLinks, with(func(e *Event) {
			e.Title, e.Status, e.Quotes, e.Links = "Corrected", "", nil, nil
		})},
		{"a field not carried keeps its value", FieldDate | FieldTitle, with(func(e *Event) {
			e.Date, e.Title = MustParseDate("2017-09"), "Corrected"
		})},
		{"carried tags and notes add to the stored", FieldTags | FieldNotes, with(func(e *Event) {
			e.Tags = []string{"ss7", "flagged"}
			e.Notes = []Note{{Text: "mine", At: at}, {Text: "theirs"}}
		})},
		{"clearing the date text clears the source it anchors", FieldDateText, with(func(e *Event) {
			e.DateText, e.DateSource = "", ""
		})},
		{"every field is a replace that keeps tags and notes", AllFields, Event{
			ID: "e", Date: MustParseDate("2017-09"), Title: "Corrected",
			Tags: []string{"ss7", "flagged"}, Notes: []Note{{Text: "mine", At: at}, {Text: "theirs"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergeEvent(stored, incoming, tt.fields)
			if !reflect.DeepEqual(got, tt.want) && !sameEvent(got, tt.want) {
				t.Errorf("MergeEvent(%s) =\n%+v\nwant\n%+v", tt.fields, got, tt.want)
			}
		})
	}
	for fields := range FieldSet(AllFields + 1) {
		merged := MergeEvent(stored, incoming, fields)
		if msgs := merged.Check(); len(msgs) > 0 {
			t.Errorf("MergeEvent(%s) makes an invalid event: %v", fields, msgs)
		}
	}
	if stored.Tags[0] != "flagged" || len(stored.Tags) != 1 || len(incoming.Tags) != 1 {
		t.Errorf("MergeEvent changed its arguments: %v %v", stored.Tags, incoming.Tags)
	}
}

// sameEvent compares events as they would be stored: an empty list is no
// list.
func sameEvent(a, b Event) bool { return len(EventChanges(&a, &b)) == 0 && a.ID == b.ID }

func TestMergeEventAgreesWithKeepAnnotationsOnReplace(t *testing.T) {
	stored := Event{ID: "e", Title: "T", Tags: []string{"a", "b"}, Notes: []Note{{Text: "n"}}, Links: []Link{{Rel: Follows, Event: "x"}}}
	incoming := Event{ID: "e", Title: "U", Tags: []string{"b", "c"}}
	want := incoming
	want.Tags = append([]string(nil), incoming.Tags...)
	KeepAnnotations(&want, &stored)
	if got := MergeEvent(stored, incoming, AllFields); !reflect.DeepEqual(got, want) {
		t.Errorf("MergeEvent(all) = %+v, want %+v", got, want)
	}
}

func TestEventChanges(t *testing.T) {
	before := Event{ID: "e", Title: "Old title", Status: Confirmed, Summary: "line one\nline two",
		Quotes: []Quote{{Text: "a"}, {Text: "b"}}, Links: []Link{{Rel: DisputedBy, Event: "x"}}}
	after := Event{ID: "e", Title: "New title", Summary: strings.Repeat("long ", 100)}
	got := EventChanges(&before, &after)
	var fields []string
	for _, c := range got {
		fields = append(fields, c.Field)
	}
	if want := "title summary status quotes links"; strings.Join(fields, " ") != want {
		t.Fatalf("changed fields %q, want %q", fields, want)
	}
	if got[0].Before != "Old title" || got[0].After != "New title" || got[0].Cleared() {
		t.Errorf("title change %+v", got[0])
	}
	if got[1].Before != "line one\nline two" || len([]rune(got[1].After)) != MaxChangeText || !strings.HasSuffix(got[1].After, "…") {
		t.Errorf("summary change %+v: want the line break kept, the long value shortened", got[1])
	}
	if !got[2].Cleared() || got[3].Before != "2 quotes: “a”" || !got[3].Cleared() || got[4].Before != "disputed-by x" {
		t.Errorf("cleared changes %+v", got[2:])
	}
}

// TestCutAround: two long versions of a value are cut to the same stretch
// around where they first differ, so that the change stays in sight.
func TestCutAround(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct{ a, b, wantA, wantB string }{
		{"\t short", " short", "\t short", " short"},
		{"A" + long, "B" + long, "A" + long[:8] + "…", "B" + long[:8] + "…"},
		{long + "old" + long, long + "new" + long, "…" + long[:2] + "old" + long[:3] + "…", "…" + long[:2] + "new" + long[:3] + "…"},
		{long + "end", long + "END", "…" + long[:6] + "end", "…" + long[:6] + "END"},
		{long, long + "more", "…" + long[:5], "…" + long[:5] + "more"},
		{"", long, "", long[:9] + "…"},
	}
	for _, tt := range tests {
		a, b := cutAround(tt.a, tt.b, 10)
		if a != tt.wantA || b != tt.wantB {
			t.Errorf("cutAround(%.20q…, %.20q…) = %q, %q; want %q, %q", tt.a, tt.b, a, b, tt.wantA, tt.wantB)
		}
		if len([]rune(a)) > 10 || len([]rune(b)) > 10 {
			t.Errorf("cutAround(%.20q…, %.20q…) = %q, %q: longer than 10", tt.a, tt.b, a, b)
		}
	}
}

func TestCountUpdate(t *testing.T) {
	before := Event{ID: "e", Title: "T", Status: Confirmed, Quotes: []Quote{{Text: "a"}}, Links: []Link{{Rel: Follows, Event: "x"}}}
	var r ImportResult
	r.CountUpdate(&before, &Event{ID: "e", Title: "T"}, false)
	r.CountUpdate(&before, &Event{ID: "e", Title: "U", Status: Confirmed, Quotes: before.Quotes, Links: before.Links}, true)
	if r.Updated != 2 || r.ClearsQuotes != 1 || r.ClearsLinks != 1 || r.ClearsStatus != 1 {
		t.Errorf("counts %+v", r)
	}
	if len(r.Updates) != 1 || r.Updates[0].ID != "e" || len(r.Updates[0].Changes) != 1 {
		t.Errorf("listed %+v, want the one update listed", r.Updates)
	}
	earlier := r
	r.CountUpdate(&before, &Event{ID: "e", Title: "V", Status: Confirmed, Quotes: before.Quotes, Links: before.Links}, true)
	if d := r.Since(earlier); d.Updated != 1 || len(d.Updates) != 1 || d.Updates[0].Changes[0].After != "V" {
		t.Errorf("Since = %+v", d)
	}
	if d := earlier.Since(earlier); d.Updates != nil {
		t.Errorf("Since with nothing new lists %+v", d.Updates)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer value than that", 10, "a longer…"},
		{"spaces   and\nlines", 40, "spaces and lines"},
		{"ünïcödé ünïcödé", 8, "ünïcödé…"},
	}
	for _, tt := range tests {
		if got := Shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
