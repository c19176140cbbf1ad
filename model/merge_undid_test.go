package model

import (
	"slices"
	"testing"
	"time"
)

// TestReplaceUndid: which fields a replace undoes of the changes made in
// chrono since the last import. A field the file changed while chrono
// left it is not chrono's change; a tag or note added in chrono stays,
// so it is never undone; one taken off in chrono that the file still has
// comes back, and is.
func TestReplaceUndid(t *testing.T) {
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	base := Event{ID: "e", Title: "Filed", Summary: "As filed", Tags: []string{"a", "b"}, Notes: []Note{{Text: "n", At: at}}}
	tests := []struct {
		name     string
		stored   func(e *Event) // chrono's changes since the import
		incoming func(e *Event) // the file's version, from base
		want     []string
	}{
		{"nothing changed", func(*Event) {}, func(*Event) {}, nil},
		{"only the file changed", func(*Event) {}, func(e *Event) { e.Title = "Refiled" }, nil},
		{"a title corrected in chrono", func(e *Event) { e.Title = "Corrected" }, func(*Event) {}, []string{"title"}},
		{"both changed it", func(e *Event) { e.Title = "Corrected" }, func(e *Event) { e.Title = "Refiled" }, []string{"title"}},
		{"chrono's value is the file's new one", func(e *Event) { e.Title = "Same" }, func(e *Event) { e.Title = "Same" }, nil},
		{"a tag taken off", func(e *Event) { e.Tags = []string{"a"} }, func(*Event) {}, []string{"tags"}},
		{"a tag respelt", func(e *Event) { e.Tags = []string{"a", "B"} }, func(*Event) {}, []string{"tags"}},
		{"a tag taken off that the file drops too", func(e *Event) { e.Tags = []string{"a"} }, func(e *Event) { e.Tags = []string{"a"} }, nil},
		{"a tag added", func(e *Event) { e.Tags = []string{"a", "b", "mine"} }, func(*Event) {}, nil},
		{"a note taken off", func(e *Event) { e.Notes = nil }, func(*Event) {}, []string{"notes"}},
		{"summary and tags", func(e *Event) { e.Summary, e.Tags = "Mine", nil }, func(*Event) {}, []string{"summary", "tags"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, incoming := base, base
			stored.Tags, stored.Notes = slices.Clone(base.Tags), slices.Clone(base.Notes)
			tt.stored(&stored)
			tt.incoming(&incoming)
			var r ImportResult
			x := EditMerge{Replace: true}
			u := x.Merge(stored, incoming, AllFields, &base, 1, Place{}, &r)
			if got := u.Undid.Names(); !slices.Equal(got, tt.want) {
				t.Errorf("undid %q, want %q", got, tt.want)
			}
			if n := len(tt.want); r.UndidFields != n || r.UndidEdits != min(n, 1) {
				t.Errorf("counted %d fields of %d events, want %d of %d", r.UndidFields, r.UndidEdits, n, min(n, 1))
			}
			if c := u.Change(&stored); !slices.Equal(c.Undid, tt.want) {
				t.Errorf("the journal's change names %q, want %q", c.Undid, tt.want)
			}
		})
	}
}
