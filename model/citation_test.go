package model

import (
	"strings"
	"testing"
)

func TestCitation(t *testing.T) {
	asIs := func(s string) string { return s }
	upper := strings.ToUpper
	tests := []struct {
		s    Source
		text func(string) string
		want string
	}{
		{Source{ID: "wapo"}, asIs, "source wapo"},
		{Source{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Title: "NSO offered", Published: MustParseDate("2022-02-01")}, asIs,
			"The Washington Post · Craig Timberg · “NSO offered” · 1 Feb 2022"},
		{Source{ID: "x", Title: "t", Published: MustParseDate("2021")}, upper, "“T” · 2021"},
		{Source{ID: "x", Author: " "}, strings.TrimSpace, "source x"}, // nothing left of the author
	}
	for _, tt := range tests {
		if got := Citation(tt.s, tt.text); got != tt.want {
			t.Errorf("Citation(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
