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
		DateSource: "wapo",
		Quotes:     []Quote{{Text: "We drop bags of cash at your office", Speaker: "Omri Lavie", Source: "guardian"}, {Text: "no source given"}},
		Notes:      []Note{{Text: "ask Mobileum for the minutes"}},
		Links:      []Link{{Rel: Precedes, Event: "tip"}},
	}
	// The denial disputes the call: the call is disputed by it.
	incoming := []Incoming{{From: "denial", Rel: Disputes}}
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
		{"source cited by a quote", Query{Sources: []string{"guardian"}}, true},
		{"source anchoring the date", Query{Sources: []string{"wapo"}}, true},
		{"any of several sources", Query{Sources: []string{"ft", "guardian"}}, true},
		{"source not cited", Query{Sources: []string{"ft"}}, false},
		{"source in another case", Query{Sources: []string{"Guardian"}}, false},
		{"no source is not a source", Query{Sources: []string{""}}, false},
		{"during the year", Query{During: MustParseDate("2017")}, true},
		{"during another year", Query{During: MustParseDate("2018")}, false},
		{"text in a quote", Query{Text: "BAGS OF CASH"}, true},
		{"text in a speaker", Query{Text: "lavie"}, true},
		{"text in a note", Query{Text: "minutes"}, true},
		{"text absent", Query{Text: "cheque"}, false},
		{"fields combine", Query{Tags: []string{"ss7"}, Statuses: []Status{Denied}}, false},
		{"linked: its own link", Query{Linked: []Rel{Precedes}}, true},
		{"linked: a link made to it, turned around", Query{Linked: []Rel{DisputedBy}}, true},
		{"linked: not as the other event states it", Query{Linked: []Rel{Disputes}}, false},
		{"linked: no such link", Query{Linked: []Rel{SupportedBy}}, false},
		{"linked: any of several", Query{Linked: []Rel{SupportedBy, DisputedBy}}, true},
	}
	for _, tt := range tests {
		if got := tt.q.MatchesIn(&call, incoming); got != tt.want {
			t.Errorf("%s: MatchesIn = %v, want %v", tt.name, got, tt.want)
		}
	}
	if (Query{Linked: []Rel{DisputedBy}}).Matches(&call) {
		t.Error("Matches saw a link made to the event without being given it")
	}
}

// TestMatchInMedia: a search found in a medium's caption, credit, title
// or alt text says so, so that a row found there is not taken for a
// miss; a medium's address is not searched.
func TestMatchInMedia(t *testing.T) {
	e := Event{ID: "pictured", Title: "A photograph", Notes: []Note{{Text: "ask about the photo"}}, Media: []Medium{{
		URL: "https://example.org/quayside.jpg", Caption: "Hulio at the Limassol meeting", Credit: "Andreas Kyriakou",
		Title: "The harbour café", Alt: "Two men at a table", Thumbnail: "https://example.org/t.jpg", Link: "https://example.org/story",
	}}}
	for _, c := range []struct{ text, want string }{
		{"hulio", "medium"},
		{"kyriakou", "medium"},
		{"harbour cafe", "medium"},
		{"two men", "medium"},
		{"photo", "title"}, // the first field that has it
		{"ask about", "note"},
		{"quayside", ""},
		{"story", ""},
		{"meeting andreas", ""}, // from the caption into the credit
	} {
		if got := e.MatchIn(c.text); got != c.want {
			t.Errorf("MatchIn(%q) = %q, want %q", c.text, got, c.want)
		}
		if got := e.Contains(c.text); got != (c.want != "") {
			t.Errorf("Contains(%q) = %v", c.text, got)
		}
	}
}
