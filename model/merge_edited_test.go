package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMergeEdited(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	// base is what the last import left; stored has had a title corrected
	// and a tag removed in chrono since.
	base := Event{ID: "e", Date: MustParseDate("2017-08"), Title: "Imported", Summary: "imported summary",
		Status: Alleged, Tags: []string{"ss7", "cash"}, Notes: []Note{{Text: "from the file", At: at}}}
	stored := base
	stored.Title = "Corrected in chrono"
	stored.Tags = []string{"ss7", "mine"}
	stored.Notes = nil // deleted in chrono
	with := func(e Event, f func(*Event)) Event {
		e.Tags = append([]string(nil), e.Tags...)
		f(&e)
		return e
	}
	tests := []struct {
		name          string
		incoming      Event
		prefer        Prefer
		want          Event
		kept, clashes FieldSet
	}{
		{"the same file again keeps every change made in chrono", base, PreferNeither, stored, FieldTitle | FieldTags, 0},
		{"a field only the file changed is taken", with(base, func(e *Event) { e.Summary = "new summary" }), PreferNeither,
			with(stored, func(e *Event) { e.Summary = "new summary" }), FieldTitle | FieldTags, 0},
		{"the file changing a field to chrono's value is no conflict", with(base, func(e *Event) { e.Title = "Corrected in chrono" }), PreferNeither,
			stored, FieldTags, 0},
		{"a field both changed is a conflict", with(base, func(e *Event) { e.Title = "Retitled in the file" }), PreferNeither,
			stored, FieldTags, FieldTitle},
		{"the file's side", with(base, func(e *Event) { e.Title = "Retitled in the file" }), PreferFile,
			with(stored, func(e *Event) { e.Title = "Retitled in the file" }), FieldTags, FieldTitle},
		{"chrono's side", with(base, func(e *Event) { e.Title = "Retitled in the file" }), PreferChrono,
			stored, FieldTags, FieldTitle},
		{"a tag new in the file is added, in any case of those held", with(base, func(e *Event) { e.Tags = []string{"SS7", "cash", "new", "MINE"} }), PreferNeither,
			with(stored, func(e *Event) { e.Tags = []string{"ss7", "mine", "new"} }), FieldTitle | FieldTags, 0},
		{"a note new in the file is added; one deleted in chrono is not", with(base, func(e *Event) {
			e.Notes = []Note{{Text: "from the file", At: at}, {Text: "another", At: at}}
		}), PreferNeither, with(stored, func(e *Event) { e.Notes = []Note{{Text: "another", At: at}} }), FieldTitle | FieldTags, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, m := MergeEdited(stored, tt.incoming, AllFields, &base, tt.prefer)
			if tt.clashes == 0 || tt.prefer != PreferNeither {
				if c := EventChanges(&tt.want, &got); len(c) > 0 {
					t.Errorf("merged differs from what is wanted in %+v", c)
				}
			}
			if m.Kept != tt.kept || m.Conflicts != tt.clashes {
				t.Errorf("kept %s, conflicts %s; want %s, %s", m.Kept, m.Conflicts, tt.kept, tt.clashes)
			}
		})
	}
	t.Run("no base is MergeEvent", func(t *testing.T) {
		incoming := with(base, func(e *Event) { e.Title = "Retitled in the file" })
		got, m := MergeEdited(stored, incoming, FieldTitle|FieldTags, nil, PreferNeither)
		want := MergeEvent(stored, incoming, FieldTitle|FieldTags)
		if c := EventChanges(&want, &got); len(c) > 0 || m != (Merged{}) {
			t.Errorf("differs from MergeEvent in %+v, merged %+v", c, m)
		}
	})
	t.Run("a field not carried is left alone", func(t *testing.T) {
		incoming := with(base, func(e *Event) { e.Title = "Retitled in the file" })
		got, m := MergeEdited(stored, incoming, FieldSummary, &base, PreferNeither)
		if c := EventChanges(&stored, &got); len(c) > 0 || m != (Merged{}) {
			t.Errorf("changed %+v, merged %+v", c, m)
		}
	})
}

func TestEditMergeGathersConflicts(t *testing.T) {
	base := Event{ID: "e", Title: "Imported", Status: Alleged}
	stored := Event{ID: "e", Title: "Mine", Status: Denied}
	incoming := Event{ID: "e", Title: "Theirs", Status: Confirmed}
	var x EditMerge
	var r ImportResult
	// parts is an update's event, imported version, remember and keep.
	parts := func(u Update) (Event, *Event, bool, bool) { return u.Event, u.Imported, u.Remember, u.Keep }
	got, _, _, ok := parts(x.Merge(stored, incoming, AllFields, &base, 4, Place{Line: 9, Column: 3}, &r))
	if ok || got.Title != "Mine" {
		t.Errorf("a conflicted event is to be written (%v) as %q", ok, got.Title)
	}
	err := x.Err()
	var ps *Problems
	if !errors.As(err, &ps) || len(ps.List) != 2 || !errors.Is(err, ErrEditedBoth) {
		t.Fatalf("Err() = %v, want two conflicts", err)
	}
	p := ps.List[0]
	if p.Line != 9 || p.N != 4 || p.ID != "e" || !strings.HasPrefix(p.Msg, "title: ") ||
		p.Msg != "title: chrono has “Mine” where the last import brought “Imported”, and the file now brings “Theirs”" {
		t.Errorf("first conflict %+v", p)
	}
	if x.Err() != nil {
		t.Error("Err kept its conflicts after returning them")
	}
	x.Prefer = PreferFile
	got, imported, remember, ok := parts(x.Merge(stored, incoming, AllFields, &base, 4, Place{}, &r))
	if !ok || got.Title != "Theirs" || r.Settled != 2 || imported != nil || remember {
		t.Errorf("with the file's side: %v %q, settled %d, imported %v, remember %v", ok, got.Title, r.Settled, imported, remember)
	}
	// Chrono's side keeps what the file said, for the next import to
	// tell its values from chrono's, even for an event left unchanged.
	x.Prefer = PreferChrono
	got, imported, remember, ok = parts(x.Merge(stored, incoming, AllFields, &base, 4, Place{}, &r))
	if !ok || got.Title != "Mine" || imported == nil || imported.Title != "Theirs" || !remember {
		t.Errorf("with chrono's side: %v %q, imported %+v, remember %v", ok, got.Title, imported, remember)
	}
	// A file that does not carry the status, changed in chrono, says
	// for it what the last import left, not chrono's value.
	x.Prefer = PreferNeither
	dated := Event{ID: "e", Title: "Imported", Date: MustParseDate("2020")}
	got, imported, _, ok = parts(x.Merge(stored, dated, FieldTitle|FieldDate, &base, 4, Place{}, &r))
	if !ok || got.Status != Denied || got.Title != "Mine" || imported == nil || imported.Status != Alleged || imported.Title != "Imported" {
		t.Errorf("a file without the status: %v %+v, imported %+v", ok, got, imported)
	}
}

func TestParsePrefer(t *testing.T) {
	for _, s := range []string{"file", "chrono"} {
		if p, err := ParsePrefer(s); err != nil || string(p) != s {
			t.Errorf("ParsePrefer(%q) = %q, %v", s, p, err)
		}
	}
	if _, err := ParsePrefer("mine"); err == nil {
		t.Error("ParsePrefer(mine) read a side")
	}
}

// TestEditMergeSource: an import fills in a stored source's empty
// fields and keeps the others, naming those the file gives otherwise;
// preferring the file or replacing takes its values where it has them,
// and a field the file leaves out is never emptied.
func TestEditMergeSource(t *testing.T) {
	stored := Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", URL: "https://example.org/fixed", Published: MustParseDate("2022-02-01")}
	file := Source{ID: "wapo", Publisher: "The Washington Post", Title: "NSO offered 'bags of cash'", URL: "https://example.org/old", Published: MustParseDate("2022-02-02")}
	for _, tc := range []struct {
		name               string
		merge              EditMerge
		want               Source
		filled, took, kept []string
	}{
		{"as it is", EditMerge{}, Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: "NSO offered 'bags of cash'", URL: "https://example.org/fixed", Published: MustParseDate("2022-02-01")},
			[]string{"title"}, nil, []string{"url", "published"}},
		{"preferring chrono", EditMerge{Prefer: PreferChrono}, Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: "NSO offered 'bags of cash'", URL: "https://example.org/fixed", Published: MustParseDate("2022-02-01")},
			[]string{"title"}, nil, []string{"url", "published"}},
		{"preferring the file", EditMerge{Prefer: PreferFile}, Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: "NSO offered 'bags of cash'", URL: "https://example.org/old", Published: MustParseDate("2022-02-02")},
			[]string{"title"}, []string{"url", "published"}, nil},
		{"replacing", EditMerge{Replace: true}, Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: "NSO offered 'bags of cash'", URL: "https://example.org/old", Published: MustParseDate("2022-02-02")},
			[]string{"title"}, []string{"url", "published"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.merge.Source(stored, file)
			if m.Source != tc.want || !slices.Equal(m.Filled, tc.filled) || !slices.Equal(m.Took, tc.took) || !slices.Equal(m.Kept, tc.kept) {
				t.Errorf("got %+v\nwant %+v, filled %v, took %v, kept %v", m, tc.want, tc.filled, tc.took, tc.kept)
			}
		})
	}
	if m := (&EditMerge{}).Source(stored, stored); m.Changed() || m.Kept != nil {
		t.Errorf("the same source: %+v", m)
	}
}
