package model

import "testing"

func TestRetitled(t *testing.T) {
	aug := MustParseDate("2017-08")
	base := Event{ID: "nso-offers-cash", Title: "NSO offers cash", Date: aug, Summary: "On a call."}
	quoted := Event{ID: "q", Title: "Q", Date: aug, Quotes: []Quote{{Text: "bags of cash"}}}
	tests := []struct {
		name string
		b    Event
		want bool
	}{
		{"title changed", Event{ID: "nso-offers-bags-of-cash", Title: "NSO offers bags of cash", Date: aug, Summary: "On a call."}, true},
		{"same title", Event{ID: "other", Title: "NSO offers cash", Date: aug, Summary: "On a call."}, false},
		{"same id", Event{ID: "nso-offers-cash", Title: "New", Date: aug, Summary: "On a call."}, false},
		{"other summary", Event{ID: "b", Title: "B", Date: aug, Summary: "On a visit."}, false},
		{"other date", Event{ID: "b", Title: "B", Date: MustParseDate("2017-09"), Summary: "On a call."}, false},
		{"no summary", Event{ID: "b", Title: "B", Date: aug}, false},
	}
	for _, tt := range tests {
		if got := Retitled(&base, &tt.b); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if q := (Event{ID: "q2", Title: "Q2", Date: aug, Quotes: []Quote{{Text: "bags of cash"}}}); !Retitled(&quoted, &q) {
		t.Error("the same first quote, no summary: not retitled")
	}
	if undated := (Event{ID: "u", Title: "U"}); Retitled(&Event{ID: "v", Title: "V"}, &undated) {
		t.Error("undated events: retitled")
	}
}
