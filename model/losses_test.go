package model

import (
	"slices"
	"testing"
)

func TestLosses(t *testing.T) {
	folded := Loss{"quote beyond the first per event folded into the text", "quotes beyond the first per event folded into the text"}
	undated := Loss{"undated event skipped", "undated events skipped"}
	var r Losses
	if !r.Empty() || r.String() != "" {
		t.Fatalf("zero report: %q", r.String())
	}
	r.Add(folded, 1)
	r.Add(undated, 1)
	r.Add(folded, 1)
	r.Add(undated, 0)
	want := []string{"2 quotes beyond the first per event folded into the text", "1 undated event skipped"}
	if got := r.Lines(); !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	if r.Count(folded) != 2 || r.Count(Loss{"x", "xs"}) != 0 {
		t.Errorf("counts %d", r.Count(folded))
	}
}
