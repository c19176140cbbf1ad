package model

import "testing"

func TestImportBase(t *testing.T) {
	v := func(title string) *Event { return &Event{ID: "e", Title: title} }
	// update is a change of e on the timeline from before.
	update := func(before *Event) []EventChange {
		return []EventChange{{ID: "e", Before: before, From: OnTimeline, To: OnTimeline}}
	}
	added := []EventChange{{ID: "e", To: OnTimeline}}
	entry := func(seq uint64, op Op, events []EventChange) Entry { return Entry{Seq: seq, Op: op, Events: events} }
	undo := func(seq, reverts uint64, events []EventChange) Entry {
		return Entry{Seq: seq, Op: OpUndo, Reverts: reverts, Events: events}
	}
	tests := []struct {
		name    string
		history []Entry // newest first
		want    *Event
	}{
		{"no history", nil, nil},
		{"only an import", []Entry{entry(1, OpImport, added)}, nil},
		{"an import the newest change", []Entry{entry(3, OpImport, update(v("edited"))), entry(2, OpEdit, update(v("one"))), entry(1, OpImport, added)}, nil},
		{"an edit after an import that added", []Entry{entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added)}, v("imported")},
		{"an edit after an import that updated", []Entry{entry(3, OpTag, update(v("second"))), entry(2, OpImport, update(v("first"))), entry(1, OpImport, added)}, v("second")},
		{"added in chrono", []Entry{entry(2, OpEdit, update(v("new"))), entry(1, OpAdd, added)}, nil},
		{"an edit undone just after leaves the import the newest", []Entry{undo(3, 2, update(v("edited"))), entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added)}, nil},
		{"an undone edit, not the newest, still finds the import", []Entry{
			entry(4, OpTag, update(v("imported"))), undo(3, 2, update(v("edited"))), entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added),
		}, v("imported")},
		{"an undone edit between two others", []Entry{
			undo(5, 3, update(v("tagged"))), entry(4, OpTag, update(v("edited"))), entry(3, OpEdit, update(v("imported"))), entry(2, OpImport, update(v("old"))), entry(1, OpImport, added),
		}, v("imported")},
		{"an undone import just after an edit", []Entry{
			undo(4, 3, update(v("second"))), entry(3, OpImport, update(v("edited"))), entry(2, OpEdit, update(v("first"))), entry(1, OpImport, added),
		}, v("first")},
		{"an undone import counts as never made", []Entry{
			undo(4, 3, update(v("second"))), entry(3, OpImport, update(v("first"))), entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added),
		}, v("imported")},
		{"a redone import counts", []Entry{
			entry(5, OpEdit, update(v("second"))), undo(4, 3, update(v("first"))), undo(3, 2, update(v("second"))), entry(2, OpImport, update(v("first"))), entry(1, OpImport, added),
		}, v("second")},
	}
	kept := update(v("edited"))
	kept[0].Imported = v("the file's")
	tests = append(tests, []struct {
		name    string
		history []Entry
		want    *Event
	}{
		{"an import that kept chrono's values, the newest change", []Entry{entry(3, OpImport, kept), entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added)}, v("the file's")},
		{"an import that kept chrono's values, then an edit", []Entry{entry(4, OpEdit, update(v("edited"))), entry(3, OpImport, kept), entry(2, OpEdit, update(v("imported"))), entry(1, OpImport, added)}, v("the file's")},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ImportBase(tt.history)
			switch {
			case got == nil && tt.want == nil:
			case got == nil || tt.want == nil || got.Title != tt.want.Title:
				t.Errorf("ImportBase = %+v, want %+v", got, tt.want)
			}
		})
	}
}
