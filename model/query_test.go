package model

import "testing"

func TestIndexFold(t *testing.T) {
	tests := []struct {
		s, sub string
		want   int
	}{
		{"We drop bags of cash", "BAGS", 8},
		{"We drop bags of cash", "cash", 16},
		{"We drop bags of cash", "cheque", -1},
		{"Miller’s account", "’S ACC", 6},
		{"ÉCOLE école", "école", 0},
		{"", "", 0},
		{"abc", "", 0},
		{"日本語", "本", 3},
	}
	for _, tt := range tests {
		if got := IndexFold(tt.s, tt.sub); got != tt.want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", tt.s, tt.sub, got, tt.want)
		}
	}
}

func TestQueryMatches(t *testing.T) {
	call := Event{
		ID: "call", Date: MustParseDate("2017-08"), Title: "NSO offers cash", Status: Alleged,
		Actors: []string{"NSO Group", "Mobileum"}, Tags: []string{"ss7"},
		Quotes: []Quote{{Text: "We drop bags of cash at your office", Speaker: "Omri Lavie"}},
		Notes:  []Note{{Text: "ask Mobileum for the minutes"}},
	}
	tests := []struct {
		name string
		q    Query
		want bool
	}{
		{"zero", Query{}, true},
		{"tag", Query{Tags: []string{"ss7"}}, true},
		{"any tag", Query{Tags: []string{"doj", "ss7"}}, true},
		{"no tag", Query{Tags: []string{"doj"}}, false},
		{"status", Query{Statuses: []Status{Denied, Alleged}}, true},
		{"other status", Query{Statuses: []Status{Denied}}, false},
		{"actor", Query{Actors: []string{"Mobileum"}}, true},
		{"during the year", Query{During: MustParseDate("2017")}, true},
		{"during another year", Query{During: MustParseDate("2018")}, false},
		{"text in a quote", Query{Text: "BAGS OF CASH"}, true},
		{"text in a speaker", Query{Text: "lavie"}, true},
		{"text in a note", Query{Text: "minutes"}, true},
		{"text absent", Query{Text: "cheque"}, false},
		{"fields combine", Query{Tags: []string{"ss7"}, Statuses: []Status{Denied}}, false},
	}
	for _, tt := range tests {
		if got := tt.q.Matches(&call); got != tt.want {
			t.Errorf("%s: Matches = %v, want %v", tt.name, got, tt.want)
		}
	}
}
