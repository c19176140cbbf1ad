package csvfmt

import (
	"slices"
	"testing"

	"chrono/model"
)

func TestGuard(t *testing.T) {
	tests := []struct{ text, cell string }{
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"''-x", "'''-x"},
		{"'x", "'x"},
		{"'", "'"},
		{"", ""},
		{"x=1", "x=1"},
	}
	for _, tt := range tests {
		if got := guard(tt.text); got != tt.cell {
			t.Errorf("guard(%q) = %q, want %q", tt.text, got, tt.cell)
		}
		if got := unguard(tt.cell); got != tt.text {
			t.Errorf("unguard(%q) = %q, want %q", tt.cell, got, tt.text)
		}
	}
}

func TestLists(t *testing.T) {
	tests := []struct {
		items []string
		cell  string
	}{
		{[]string{"NSO Group", "Mobileum"}, "NSO Group;Mobileum"},
		{[]string{"Smith; Jones LLP"}, `Smith\; Jones LLP`},
		{[]string{`C:\temp`, `\`}, `C:\\temp;\\`},
		{nil, ""},
	}
	for _, tt := range tests {
		var losses model.Losses
		if got := joinList(tt.items, &losses); got != tt.cell {
			t.Errorf("joinList(%q) = %q, want %q", tt.items, got, tt.cell)
		}
		if !losses.Empty() {
			t.Errorf("joinList(%q) lost %s", tt.items, losses.String())
		}
		if got := splitList(tt.cell); !slices.Equal(got, tt.items) {
			t.Errorf("splitList(%q) = %q, want %q", tt.cell, got, tt.items)
		}
	}
	// Typed by hand.
	hand := []struct {
		cell  string
		items []string
	}{
		{"NSO Group; Mobileum ;", []string{"NSO Group", "Mobileum"}},
		{";;a;; ;b", []string{"a", "b"}},
		{`C:\temp`, []string{`C:\temp`}},
		{`trailing\`, []string{`trailing\`}},
	}
	for _, tt := range hand {
		if got := splitList(tt.cell); !slices.Equal(got, tt.items) {
			t.Errorf("splitList(%q) = %q, want %q", tt.cell, got, tt.items)
		}
	}
}

func TestDropCRBeforeLF(t *testing.T) {
	tests := []struct {
		in, out string
		n       int
	}{
		{"a\r\nb", "a\nb", 1},
		{"a\r\r\nb\r\n", "a\nb\n", 3},
		{"a\rb\r", "a\rb\r", 0},
		{"a\nb", "a\nb", 0},
	}
	for _, tt := range tests {
		if got, n := dropCRBeforeLF(tt.in); got != tt.out || n != tt.n {
			t.Errorf("dropCRBeforeLF(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.out, tt.n)
		}
	}
}

func TestUnknownColumnName(t *testing.T) {
	long := UnknownColumn("a very long column name that goes on and on and on")
	if want := `cell of unknown column "a very long column name that goes on and…" ignored`; long.One != want {
		t.Errorf("loss %q, want %q", long.One, want)
	}
	if got := UnknownColumn("").Many; got != "cells of unnamed column ignored" {
		t.Errorf("blank header: %q", got)
	}
	if got := UnknownColumn("\x1b]52;c;x\a").One; got != `cell of unknown column "\x1b]52;c;x\a" ignored` {
		t.Errorf("control characters: %q", got)
	}
	if got := UnknownColumn("Staus").One; got != `cell of unknown column "Staus" (did you mean "status"?) ignored` {
		t.Errorf("misspelt column: %q", got)
	}
	if got := UnknownColumn("reviewer").One; got != `cell of unknown column "reviewer" ignored` {
		t.Errorf("a column of the user's own: %q", got)
	}
}
