package model

import (
	"errors"
	"testing"
)

// TestRetitleOverAChangeMeanwhile: a title or description changed in the
// store since the dialog opened is kept when the user left that field as
// it was, and refused, never overwritten, when the user changed it too.
func TestRetitleOverAChangeMeanwhile(t *testing.T) {
	base := Header{Title: "NSO", Description: "who paid whom"}
	tests := []struct {
		name      string
		now, mine Header
		want      Header // the header stored; zero when refused
		phrase    string
	}{
		{"nothing meanwhile", base, Header{Title: "NSO Group", Description: base.Description},
			Header{Title: "NSO Group", Description: "who paid whom"}, "titled the investigation “NSO Group”"},
		{"the description meanwhile, the title here", Header{Title: "NSO", Description: "theirs"}, Header{Title: "NSO Group", Description: base.Description},
			Header{Title: "NSO Group", Description: "theirs"}, "titled the investigation “NSO Group”"},
		{"the title meanwhile, the description here", Header{Title: "Theirs", Description: base.Description}, Header{Title: base.Title, Description: "mine"},
			Header{Title: "Theirs", Description: "mine"}, "described the investigation"},
		{"the same change both ways", Header{Title: "NSO", Description: "mine"}, Header{Title: base.Title, Description: "mine"},
			Header{Title: "NSO", Description: "mine"}, "described the investigation"},
		{"the description both ways", Header{Title: "NSO", Description: "theirs"}, Header{Title: base.Title, Description: "mine"},
			Header{}, "described the investigation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newMemWriter()
			w.header = tt.now
			edit := Retitle{Header: tt.mine, Base: &base}
			if got := edit.Phrase(); got != tt.phrase {
				t.Errorf("Phrase %q, want %q", got, tt.phrase)
			}
			_, _, err := edit.Apply(w)
			if tt.want == (Header{}) {
				var hc *HeaderConflict
				if !errors.As(err, &hc) || !errors.Is(err, ErrConflict) || hc.Field != "description" || hc.Now != tt.now {
					t.Fatalf("Apply: %v, want a HeaderConflict on the description", err)
				}
				if w.header != tt.now {
					t.Errorf("refused, the header became %+v", w.header)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.header != tt.want {
				t.Errorf("header %+v, want %+v", w.header, tt.want)
			}
		})
	}
}
