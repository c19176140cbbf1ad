package model

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n/2+1) } // n+1 or n+2 bytes
	tests := []struct {
		name string
		edit func(e *Event)
		want string // in the message; "" for no problem
	}{
		{"title at the cap", func(e *Event) { e.Title = strings.Repeat("x", MaxLineBytes) }, ""},
		{"title over", func(e *Event) { e.Title = long(MaxLineBytes) }, "title: 65,538 bytes, more than the 65,536 allowed"},
		{"summary over", func(e *Event) { e.Summary = long(MaxTextBytes) }, "summary: "},
		{"actor over", func(e *Event) { e.Actors = []string{"a", long(MaxLineBytes)} }, "actor #2: "},
		{"actor at the cap", func(e *Event) { e.Actors = []string{strings.Repeat("x", MaxActorBytes)} }, ""},
		{"actor past what a store keys", func(e *Event) { e.Actors = []string{strings.Repeat("x", MaxActorBytes+1)} }, "actor #1: 2,049 bytes, more than the 2,048 allowed"},
		{"actor with a NUL", func(e *Event) { e.Actors = []string{"A\x00B"} }, "actor #1: holds a NUL character (U+0000)"},
		{"title with a NUL", func(e *Event) { e.Title = "A\x00B" }, ""},
		{"quote text over", func(e *Event) { e.Quotes = []Quote{{Text: long(MaxTextBytes)}} }, "quote #1: text: "},
		{"quote speaker over", func(e *Event) { e.Quotes = []Quote{{Text: "q", Speaker: long(MaxLineBytes)}} }, "quote #1: speaker: "},
		{"note over", func(e *Event) { e.Notes = []Note{{Text: long(MaxTextBytes)}} }, "note #1: "},
		{"too many actors", func(e *Event) { e.Actors = make([]string, MaxItems+1); fillActors(e) }, "actors: 10,001 entries, more than the 10,000 allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Event{ID: "e", Title: "t"}
			tt.edit(&e)
			msgs := strings.Join(e.Check(), "\n")
			switch {
			case tt.want == "" && msgs != "":
				t.Errorf("problems %q, want none", msgs)
			case tt.want != "" && !strings.Contains(msgs, tt.want):
				t.Errorf("problems %q, want one with %q", msgs, tt.want)
			}
		})
	}
	s := Source{ID: "s", URL: "https://example.org/" + long(MaxLineBytes)}
	if msgs := s.Check(); len(msgs) != 1 || !strings.HasPrefix(msgs[0], "url: ") {
		t.Errorf("source with a long URL: %q", msgs)
	}
	h := Header{Description: long(MaxTextBytes)}
	if msgs := h.Check(); len(msgs) != 1 || !strings.HasPrefix(msgs[0], "description: ") {
		t.Errorf("header with a long description: %q", msgs)
	}
	h = Header{Title: "Case\x00"}
	if msgs := h.Check(); len(msgs) != 1 || !strings.HasPrefix(msgs[0], "title: holds a NUL character") {
		t.Errorf("header with a NUL: %q", msgs)
	}
	w := newMemWriter()
	if _, _, err := (Retitle{Header: Header{Title: "Case\x00"}}).Apply(w); err == nil || !strings.Contains(err.Error(), "investigation: title: holds a NUL") {
		t.Errorf("a title given a NUL: %v", err)
	}
	// A description an earlier chrono took with a NUL stays, and the
	// title beside it may be edited.
	w.header = Header{Title: "Case", Description: "held\x00"}
	if _, _, err := (Retitle{Header: Header{Title: "Case, renamed", Description: "held\x00"}}).Apply(w); err != nil {
		t.Errorf("a title edited beside a description held with a NUL: %v", err)
	}
}

func fillActors(e *Event) {
	for i := range e.Actors {
		e.Actors[i] = "a"
	}
}
