package quotecheck

import (
	"slices"
	"testing"

	"chrono/model/verbatim"
)

// TestLines: each check is said in its lines; a quote not found shows
// the source's closest passage as the snapshot has it, made safe for a
// terminal and in no marks of chrono's, and apart from it the
// difference, each under a line that names it.
func TestLines(t *testing.T) {
	const text = "He said, “We drop bags of cash at your office,” and left.\x1b[2J"
	check := func(quote string) Found {
		return Of(verbatim.NewIndex(text).Check(quote), text, 3)
	}
	for _, tt := range []struct {
		name string
		f    Found
		want []Line
	}{
		{"verbatim", check("We drop bags of cash"), []Line{{Text: "= verbatim in snapshot 3"}}},
		{"normalised", check(`"We drop bags of cash at your office,"`), []Line{{Text: "≈ normalised in snapshot 3: quotes"}}},
		{"not found", check("“We drop bags of money at your office,”"), []Line{
			{Text: "≠ not found in snapshot 3"},
			{Text: "the closest passage, in the source's words:"},
			{Text: "“We drop bags of cash at your office,”", Indented: true},
			{Text: "the difference, [-in the quote-]{+in the source+}:"},
			{Text: "“We drop bags of [-money-]{+cash+} at your office,”", Indented: true},
		}},
		{"not found, a control in the passage", check("and left.\x1b[2K"), []Line{
			{Text: "≠ not found in snapshot 3"},
			{Text: "the closest passage, in the source's words:"},
			{Text: "and left.␛[2J", Indented: true},
			{Text: "the difference, [-in the quote-]{+in the source+}:"},
			{Text: "and left.␛[[-2K-]{+2J+}", Indented: true},
		}},
		{"no word there", check("zebra quokka"), []Line{{Text: "≠ not found in snapshot 3: no word of it is there"}}},
		{"no snapshot", Found{State: NoSnapshot}, []Line{{Text: "∅ no snapshot to check it against"}}},
		{"no source", Found{State: NoSource}, []Line{{Text: "∅ no source to check it against"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Lines(); !slices.Equal(got, tt.want) {
				t.Errorf("lines\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}
