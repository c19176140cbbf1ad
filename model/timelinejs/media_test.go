package timelinejs

import (
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestMediaWrittenAndReadBack: an event's medium is its slide's media,
// escaped, and reads back as it was, a medium and not a quote; the
// event's quotes go into the text; what a slide cannot show is counted.
// Read back as an update, the stored media stay whole (Taken).
func TestMediaWrittenAndReadBack(t *testing.T) {
	photo := model.Medium{URL: "https://example.org/office.jpg", Caption: "NSO's office <b>in</b> Herzliya & more", Credit: "Reuters/Ammar Awad",
		Title: "The office", Alt: "A glass building", Thumbnail: "https://example.org/t.jpg", Link: "javascript:alert(1)"}
	e := model.Event{ID: "pictured", Title: "Pictured", Date: model.MustParseDate("2016-08-25"),
		Quotes: []model.Quote{{Text: "We drop bags of cash", Source: "wapo"}},
		Media:  []model.Medium{{Caption: "no URL"}, photo, {URL: "https://youtu.be/x"}}}
	tl := model.Timeline{
		Sources: []model.Source{{ID: "wapo", URL: "https://www.washingtonpost.com/x"}},
		Events:  []model.Event{e, {ID: "plain", Title: "Plain", Date: model.MustParseDate("2016-08-26")}},
	}
	doc, losses := export(t, tl)
	if bad := validate([]byte(doc)); len(bad) > 0 {
		t.Errorf("the export breaks TimelineJS's rules: %q\n%s", bad, doc)
	}
	slides := slidesOf(t, doc)
	if got := string(slides[0]["media"]); !strings.Contains(got, `"caption": "NSO's office &lt;b&gt;in&lt;/b&gt; Herzliya &amp; more"`) {
		t.Errorf("the slide's media is %s; want the photo's caption escaped", got)
	}
	if _, ok := slides[1]["media"]; ok {
		t.Errorf("an event without media has a slide with media: %s", slides[1]["media"])
	}
	checkLosses(t, losses, map[model.Loss]int{LossMediaLeftOut: 2, LossMediumLinkNotWeb: 1, LossQuoteBesideMedium: 1, LossSourceUnused: 1})

	back, readLosses := mustRead(t, doc)
	want := photo
	want.Link = ""
	if got := back.Events[0]; !slices.Equal(got.Media, []model.Medium{want}) || len(got.Quotes) != 0 || !strings.Contains(got.Summary, "We drop bags of cash") {
		t.Errorf("read back: media %+v, quotes %+v, summary %q\nwant the photo, no quote, and the quote in the text", got.Media, got.Quotes, got.Summary)
	}
	if !readLosses.Empty() {
		t.Errorf("reading the export lost %s", readLosses)
	}
	if len(back.Sources) != 0 {
		t.Errorf("reading the export made sources %+v; a medium's URL is its own", back.Sources)
	}

	read := back.Events[0]
	Taken(e, &read)
	if !slices.Equal(read.Media, e.Media) {
		t.Errorf("Taken: media %+v, want the stored %+v: the slide shows the one the export wrote", read.Media, e.Media)
	}
	other := back.Events[0]
	other.Media = []model.Medium{{URL: "https://example.org/another.jpg"}}
	Taken(e, &other)
	if len(other.Media) != 1 || other.Media[0].URL != "https://example.org/another.jpg" {
		t.Errorf("Taken: media %+v, want the slide's new medium", other.Media)
	}
}

// TestQuoteMediaStaysAQuote: the media chrono's export writes for a
// quote, its credit marked up, reads back as the quote, not a medium;
// a photo's reads as a medium.
func TestQuoteMediaStaysAQuote(t *testing.T) {
	tl, _ := mustRead(t, `{"events": [
	 {"start_date": {"year": 2001}, "unique_id": "quote", "text": {"headline": "Q"},
	  "media": {"url": "https://x.org/a", "caption": "we pay", "credit": "Omri, <cite data-source=\"x\">P</cite>"}},
	 {"start_date": {"year": 2002}, "unique_id": "photo", "text": {"headline": "P"},
	  "media": {"url": "https://x.org/p.jpg", "caption": "The office", "credit": "AP"}}]}`)
	q, p := tl.Events[0], tl.Events[1]
	if len(q.Quotes) != 1 || q.Quotes[0].Text != "we pay" || q.Quotes[0].Speaker != "Omri" || len(q.Media) != 0 {
		t.Errorf("chrono's quote media read as quotes %+v, media %+v", q.Quotes, q.Media)
	}
	if len(p.Quotes) != 0 || !slices.Equal(p.Media, []model.Medium{{URL: "https://x.org/p.jpg", Caption: "The office", Credit: "AP"}}) {
		t.Errorf("a photo read as quotes %+v, media %+v; want a medium", p.Quotes, p.Media)
	}
}
