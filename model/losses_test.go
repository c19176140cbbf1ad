package model

import (
	"slices"
	"strings"
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

// TestLossesShown shows the first of a loss given, and only the first.
func TestLossesShown(t *testing.T) {
	cleaned := Loss{"tag cleaned", "tags cleaned"}
	var r Losses
	r.Add(cleaned, 1)
	r.AddShown(cleaned, 1, Became("#a b", "a b"))
	r.AddShown(cleaned, 1, Became("x\x1b[2J", "x"))
	r.AddShown(cleaned, 0, "never")
	want := []string{`3 tags cleaned (the first: "#a b" became "a b")`}
	if got := r.Lines(); !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	var one Losses
	one.AddShown(cleaned, 1, Became("x\x1b[2J"+strings.Repeat("y", 50), "x"))
	want = []string{`1 tag cleaned ("x\x1b[2J` + strings.Repeat("y", 35) + `"… became "x")`}
	if got := one.Lines(); !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}
