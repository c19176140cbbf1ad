package timelinejs

import (
	"encoding/json"
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

// TestBlockquoteMediaGoesBack: TimelineJS's <blockquote> media, a quote
// of no source, is exported as <blockquote> media again, so that the
// slide shows it as it did, and nothing is counted.
func TestBlockquoteMediaGoesBack(t *testing.T) {
	for _, tc := range []struct {
		name, media          string
		url, caption, credit string
	}{
		{"credit and caption", `{"url": "<blockquote>This is a block quote.</blockquote>", "caption": "That is a block quote.", "credit": "Galactic"}`,
			"<blockquote>This is a block quote.</blockquote>", "That is a block quote.", "Galactic"},
		{"cite", `{"url": "<blockquote>We were not told.<cite>An official, to the inquiry</cite></blockquote>"}`,
			"<blockquote>We were not told.</blockquote>", "to the inquiry", "An official"},
		{"text alone", `{"url": "<blockquote>Lines<br>&amp; more</blockquote>"}`,
			"<blockquote>Lines<br>&amp; more</blockquote>", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `{"events": [{"start_date": {"year": 2017}, "text": {"headline": "Q"}, "unique_id": "q", "media": ` + tc.media + `}]}`
			tl, _ := mustRead(t, doc)
			out, losses := export(t, tl)
			if !losses.Empty() {
				t.Errorf("export counted %s, want nothing", losses)
			}
			var m struct{ URL, Caption, Credit string }
			if err := json.Unmarshal(slidesOf(t, out)[0]["media"], &m); err != nil {
				t.Fatalf("media: %v\n%s", err, out)
			}
			if m.URL != tc.url || m.Caption != tc.caption || m.Credit != tc.credit {
				t.Errorf("media %+v, want url %q, caption %q, credit %q", m, tc.url, tc.caption, tc.credit)
			}
			back, _ := mustRead(t, out)
			if !slices.Equal(back.Events[0].Quotes, tl.Events[0].Quotes) || back.Events[0].Summary != tl.Events[0].Summary {
				t.Errorf("read back as %+v %q, want %+v %q", back.Events[0].Quotes, back.Events[0].Summary, tl.Events[0].Quotes, tl.Events[0].Summary)
			}
		})
	}
}
