package model

import (
	"slices"
	"testing"
)

// TestEditBeside: an edit carried onto another's version keeps the other's
// fields and puts its own; a field both changed is named, and nothing
// carried.
func TestEditBeside(t *testing.T) {
	base := Event{ID: "call", Title: "The call", Status: Alleged, Tags: []string{"ss7"}}
	mine, theirs := base.Clone(), base.Clone()
	mine.Title = "The call, corrected"
	theirs.Status = Confirmed
	merged, kept, both := EditBeside(&base, &mine, &theirs)
	if len(both) != 0 || merged.Title != mine.Title || merged.Status != Confirmed || !slices.Equal(kept, []string{"status"}) {
		t.Errorf("merged %+v, kept %v, both %v", merged, kept, both)
	}
	theirs.Title = "The call (theirs)"
	if merged, _, both := EditBeside(&base, &mine, &theirs); !slices.Equal(both, []string{"title"}) || merged.ID != "" {
		t.Errorf("the title both ways: merged %+v, both %v", merged, both)
	}
}
