package timelinejs

import (
	"os"
	"slices"
	"testing"

	"chrono/model"
)

// TestBlockquoteCite: in TimelineJS's <blockquote> media the <cite> is the
// attribution. It is the quote's speaker (and the context that follows the
// name), never part of the verbatim text.
func TestBlockquoteCite(t *testing.T) {
	doc, err := os.ReadFile("testdata/blockquote.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, losses := mustRead(t, string(doc))
	want := []model.Quote{
		{Text: "“Never again.”", Speaker: "Jane Roe", Context: "to the inquiry"},
		{Text: "'Now we know,' he said.", Speaker: "John Tye", Context: "Statement to the press"},
		{Text: "I have a dream.", Speaker: "Martin Luther King, Jr.", Context: "in Washington"},
		{Text: "We were not told.", Speaker: "An official", Context: "Reuters"},
		{Text: "This is a block quote.", Speaker: "Galactic", Context: "That is a block quote."},
	}
	if len(tl.Events) != len(want) {
		t.Fatalf("%d events, want %d", len(tl.Events), len(want))
	}
	for i, q := range want {
		if got := tl.Events[i].Quotes; !slices.Equal(got, []model.Quote{q}) {
			t.Errorf("%s: quotes\n %+v\nwant\n %+v", tl.Events[i].ID, got, q)
		}
	}
	if !losses.Empty() {
		t.Errorf("losses %s, want none", losses)
	}
}
