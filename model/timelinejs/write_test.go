package timelinejs

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// slidesOf decodes the slides of an export.
func slidesOf(t *testing.T, doc string) []map[string]jsontext.Value {
	t.Helper()
	var d struct {
		Events []map[string]jsontext.Value `json:"events"`
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatal(err)
	}
	return d.Events
}

func compact(t *testing.T, v jsontext.Value) string {
	t.Helper()
	if v == nil {
		return ""
	}
	v = v.Clone()
	if err := v.Compact(); err != nil {
		t.Fatal(err)
	}
	return string(v)
}

// TestWriteDates checks that each EDTF form is written with exactly the
// fields it has, that what the fields cannot show is in display_date and
// counted, and what reading it back gives: the same date, read from
// display_date (and counted) when the fields cannot show it.
func TestWriteDates(t *testing.T) {
	tests := []struct {
		edtf, start, end, display string
		loss                      *model.Loss
		back                      string // the date read back; "" when the same
	}{
		{"2017", `{"year":2017}`, "", "", nil, ""},
		{"2017-08", `{"year":2017,"month":8}`, "", "", nil, ""},
		{"2017-08-14", `{"year":2017,"month":8,"day":14}`, "", "", nil, ""},
		{"2017-08-14T15:04:05", `{"year":2017,"month":8,"day":14,"hour":15,"minute":4,"second":5}`, "", "", nil, ""},
		{"2017-08-14T15:04:05.250", `{"year":2017,"month":8,"day":14,"hour":15,"minute":4,"second":5,"millisecond":250}`, "", "", nil, ""},
		{"2017-08-14T00:00:00", `{"year":2017,"month":8,"day":14,"hour":0,"minute":0,"second":0}`, "", "14 Aug 2017 00:00:00", &LossMidnight, ""},
		{"2017-08-14T15:04:05.5", `{"year":2017,"month":8,"day":14,"hour":15,"minute":4,"second":5,"millisecond":500}`, "", "14 Aug 2017 15:04:05.5", &LossFraction, ""},
		{"2017-08-14T15:04:05Z", `{"year":2017,"month":8,"day":14,"hour":15,"minute":4,"second":5}`, "", "14 Aug 2017 15:04:05 UTC", &LossOffset, ""},
		{"2017-08-14T15:04:05+05:30", `{"year":2017,"month":8,"day":14,"hour":15,"minute":4,"second":5}`, "", "14 Aug 2017 15:04:05 +05:30", &LossOffset, ""},
		{"2021~", `{"year":2021}`, "", "c. 2021", &LossQualifier, ""},
		{"2021?", `{"year":2021}`, "", "2021?", &LossQualifier, ""},
		{"2017-08%", `{"year":2017,"month":8}`, "", "c. Aug 2017?", &LossQualifier, ""},
		{"2001-21", `{"year":2001}`, "", "Spring 2001", &LossSeason, ""},
		{"201X", `{"year":2010}`, "", "2010s", &LossUnspecified, ""},
		{"20XX", `{"year":2000}`, "", "2000–2099", &LossUnspecified, ""},
		{"2017-XX", `{"year":2017}`, "", "2017 (month unknown)", &LossUnspecified, ""},
		{"2017-08-XX", `{"year":2017,"month":8}`, "", "Aug 2017 (day unknown)", &LossUnspecified, ""},
		{"2017-08/2021", `{"year":2017,"month":8}`, `{"year":2021}`, "", nil, ""},
		{"2021/2022-02-01", `{"year":2021}`, `{"year":2022,"month":2,"day":1}`, "", nil, ""},
		{"2017-08-14/2017-08-20", `{"year":2017,"month":8,"day":14}`, `{"year":2017,"month":8,"day":20}`, "", nil, ""},
		{"../2021", `{"year":2021}`, "", "until 2021", &LossOpenEnd, ""},
		{"/2021-03", `{"year":2021,"month":3}`, "", "? – Mar 2021", &LossOpenEnd, ""},
		{"2017-08/..", `{"year":2017,"month":8}`, "", "since Aug 2017", &LossOpenEnd, ""},
		{"2021-03/2021", `{"year":2021,"month":3}`, "", "Mar 2021 – 2021", &LossEndBeforeStart, ""},
		{"2021-03-05T10:00:00/2021-03-05", `{"year":2021,"month":3,"day":5,"hour":10,"minute":0,"second":0}`, "", "5 Mar 2021 10:00:00 – 5 Mar 2021", &LossEndBeforeStart, ""},
		{"2017-08~/2021", `{"year":2017,"month":8}`, `{"year":2021}`, "c. Aug 2017 – 2021", &LossQualifier, ""},
		// Years BCE: TimelineJS labels year -N as N BCE.
		{"-0043-03-15", `{"year":-44,"month":3,"day":15}`, "", "", nil, ""},
		{"0000", `{"year":-1}`, "", "", nil, ""},
		{"0001", `{"year":1}`, "", "", nil, ""},
		{"Y12345", `{"year":12345}`, "", "", nil, ""},
		{"Y-12345", `{"year":-12346}`, "", "", nil, ""},
		// Deep time: the year as a number, whatever EDTF form it had; the
		// range of a year's significant digits only in words.
		{"Y-13799999999", `{"year":-13800000000}`, "", "", nil, ""},
		{"Y-138E8", `{"year":-13800000001}`, "", "", nil, "Y-13800000000"},
		{"1950S2", `{"year":1900}`, "", "1950 (to 2 significant digits)", &LossUnspecified, ""},
	}
	for _, tt := range tests {
		t.Run(tt.edtf, func(t *testing.T) {
			e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf)}
			doc, losses := export(t, model.Timeline{Events: []model.Event{e}})
			s := slidesOf(t, doc)[0]
			if got := compact(t, s["start_date"]); got != tt.start {
				t.Errorf("start_date %s, want %s", got, tt.start)
			}
			if got := compact(t, s["end_date"]); got != tt.end {
				t.Errorf("end_date %s, want %s", got, tt.end)
			}
			var display string
			if v := s["display_date"]; v != nil {
				display, _ = stringOf(v)
			}
			if display != tt.display {
				t.Errorf("display_date %q, want %q", display, tt.display)
			}
			want := map[model.Loss]int{}
			if tt.loss != nil {
				want[*tt.loss] = 1
			}
			checkLosses(t, losses, want)

			back, readLosses := mustRead(t, doc)
			g := back.Events[0]
			wantBack, wantText := tt.back, ""
			if wantBack == "" {
				wantBack = tt.edtf
			}
			wantRead := map[model.Loss]int{}
			switch {
			case tt.display == "":
			case *tt.loss != LossMidnight: // the fields show a midnight themselves
				wantRead[LossDateFromDisplay] = 1
			}
			checkLosses(t, readLosses, wantRead)
			if g.Date.String() != wantBack || g.DateText != wantText {
				t.Errorf("read back as %s %q, want %s %q", g.Date, g.DateText, wantBack, wantText)
			}
		})
	}
}

// TestWriteDateText checks that an event's date text is written as the
// display_date as it is and comes back, and is merged with the date's
// label (and counted) when the label is all that shows the date or the
// text alone would read back as another date, to come back apart from it
// with the date as it was.
func TestWriteDateText(t *testing.T) {
	tests := []struct {
		edtf, text, display, backText string
		merged                        bool
		back                          string // the date read back; "" when the same
	}{
		{"2021", "last year", "last year", "last year", false, ""},
		{"2017-08/2021", "after the call", "after the call", "after the call", false, ""},
		{"2021~", "about then", "c. 2021 “about then”", "about then", true, ""},
		// A label that does not read back on its own (unreadLabel).
		{"20XX", "that century", "2000–2099 “that century”", "that century", true, ""},
		// Words that are chrono's label of a date the fields agree with
		// follow the label, so as not to be read back as that date.
		{"2017", "Spring 2017", "2017 “Spring 2017”", "Spring 2017", true, ""},
		{"2021", "until 2021", "2021 “until 2021”", "until 2021", true, ""},
		{"2017-08-14T00:00:00", "14 Aug 2017 00:00:00 UTC", "14 Aug 2017 00:00:00 “14 Aug 2017 00:00:00 UTC”", "14 Aug 2017 00:00:00 UTC", true, ""},
		// Alone, chrono's label of a qualified date the fields do not
		// give reads back as the export's label left behind when the
		// fields were changed (staleLabel).
		{"2017", "c. 2018", "2017 “c. 2018”", "c. 2018", true, ""},
		// So is such a label before words, and chrono's label of a span
		// the fields overlap but do not give.
		{"2020", "c. 2019 “about two years ago”", "2020 “c. 2019 “about two years ago””", "c. 2019 “about two years ago”", true, ""},
		{"2017-09", "since Aug 2017", "Sep 2017 “since Aug 2017”", "since Aug 2017", true, ""},
		{"2017-09", "2017", "Sep 2017 “2017”", "2017", true, ""},
		{"2017-21", "2017?", "Spring 2017 “2017?”", "2017?", true, ""},
		{"2017", "2017 “c. 2017”", "2017 “2017 “c. 2017””", "2017 “c. 2017”", true, ""},
		{"2017", "2017 “last year”", "2017 “last year”", "2017 “last year”", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.edtf, func(t *testing.T) {
			e := model.Event{ID: "e", Title: "T", Date: mustDate(t, tt.edtf), DateText: tt.text}
			doc, losses := export(t, model.Timeline{Events: []model.Event{e}})
			display, _ := stringOf(slidesOf(t, doc)[0]["display_date"])
			if display != tt.display {
				t.Errorf("display_date %q, want %q", display, tt.display)
			}
			if got := losses.Count(LossDateTextMerged) == 1; got != tt.merged {
				t.Errorf("date text merged counted: %v, want %v", got, tt.merged)
			}
			back, _ := mustRead(t, doc)
			wantBack := tt.back
			if wantBack == "" {
				wantBack = tt.edtf
			}
			if g := back.Events[0]; g.Date.String() != wantBack || g.DateText != tt.backText {
				t.Errorf("read back as %s %q, want %s %q", g.Date, g.DateText, wantBack, tt.backText)
			}
		})
	}
}

// TestWriteEvent checks how the parts of an event without a TimelineJS
// field are written and counted.
func TestWriteEvent(t *testing.T) {
	sources := []model.Source{
		{ID: "wapo", Publisher: "The Washington Post", Author: "Craig Timberg", Published: mustDate(t, "2022-02-01")},
		{ID: "od", Publisher: "Occupy Democrats", Title: "Lieu calls on DOJ", URL: "https://occupydemocrats.com/a?x=1&y=2", Archive: "https://archive.ph/od"},
		{ID: "unused", URL: "https://example.com"},
	}
	e := model.Event{
		ID: "call", Title: `NSO offers "bags of cash" <b>&</b>`, Date: mustDate(t, "2017-08"),
		DateText: "August 2017", DateSource: "wapo",
		Summary: "First <para>.\nSame para.\n\nSecond & last.",
		Status:  model.Alleged, Actors: []string{"NSO Group", "Mobileum"},
		Tags: []string{"ss7", "cash-offer"},
		Quotes: []model.Quote{
			{Text: "Line one\nline two", Speaker: "Omri Lavie", Source: "od", Context: "per Miller", Stance: model.Asserts},
			{Text: "We drop bags of cash", Speaker: "Omri Lavie", Source: "wapo", Stance: model.Asserts},
			{Text: "No source", Speaker: "Someone"},
		},
		Links: []model.Link{{Rel: model.DisputedBy, Event: "denial"}},
		Notes: []model.Note{{Text: "private: call the source back"}},
	}
	undated := model.Event{ID: "later", Title: "Not dated yet"}
	doc, losses := export(t, model.Timeline{Sources: sources, Events: []model.Event{undated, e}})
	slides := slidesOf(t, doc)
	if len(slides) != 1 {
		t.Fatalf("%d slides, want the dated event only", len(slides))
	}
	checkLosses(t, losses, map[model.Loss]int{
		LossUndated: 1, LossQuoteFolded: 2, LossQuoteStance: 2, LossStatus: 1, LossActors: 2,
		LossTags: 1, LossLinks: 1, LossNotes: 1, LossDateSource: 1, LossSourceUnused: 2, LossArchive: 1,
	})
	if strings.Contains(doc, "private") {
		t.Errorf("a note went into the export:\n%s", doc)
	}
	var got struct {
		Text  tlText  `json:"text"`
		Media tlMedia `json:"media"`
		Group string  `json:"group"`
		ID    string  `json:"unique_id"`
	}
	raw, _ := json.Marshal(slides[0])
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	wantText := `<p>First &lt;para&gt;.<br>Same para.</p><p>Second &amp; last.</p>` +
		`<p class="chrono-status">Status: alleged</p><p class="chrono-actors">Actors: NSO Group, Mobileum</p>` +
		`<blockquote><p>“We drop bags of cash”</p><p>— Omri Lavie, Craig Timberg, The Washington Post, 1 Feb 2022</p></blockquote>` +
		`<blockquote><p>“No source”</p><p>— Someone</p></blockquote>` +
		`<p class="chrono-tags">Tags: cash-offer</p><p>Disputed by denial</p>`
	checks := []struct{ field, got, want string }{
		{"headline", got.Text.Headline, `NSO offers "bags of cash" &lt;b&gt;&amp;&lt;/b&gt;`},
		{"text", got.Text.Text, wantText},
		{"media url", got.Media.URL, "https://occupydemocrats.com/a?x=1&y=2"},
		{"media caption", got.Media.Caption, "Line one<br>line two"},
		{"media credit", got.Media.Credit, `Omri Lavie, <span class="chrono-context">per Miller</span>, <cite data-source="od">Occupy Democrats</cite>`},
		{"media title", got.Media.Title, "Lieu calls on DOJ"},
		{"group", got.Group, "ss7"},
		{"unique_id", got.ID, "call"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.field, c.got, c.want)
		}
	}

	// Read back, the media is the first quote with its source, whole.
	back, _ := mustRead(t, doc)
	g := back.Events[0]
	wantQuote := model.Quote{Text: "Line one\nline two", Speaker: "Omri Lavie", Source: "od", Context: "per Miller"}
	if len(g.Quotes) != 1 || g.Quotes[0] != wantQuote {
		t.Errorf("quotes read back %+v, want %+v", g.Quotes, wantQuote)
	}
	// whole but its archived copy, counted above.
	wantSource := sources[1]
	wantSource.Archive = ""
	if len(back.Sources) != 1 || back.Sources[0] != wantSource {
		t.Errorf("sources read back %+v, want %+v", back.Sources, wantSource)
	}
	if g.Title != e.Title {
		t.Errorf("title read back %q, want %q", g.Title, e.Title)
	}
	// The status and actors read back into their fields, the folded
	// quotes stay in the text.
	if !strings.HasPrefix(g.Summary, e.Summary+"\n\n“We drop bags of cash”\n\n— Omri Lavie") {
		t.Errorf("summary read back:\n%s", g.Summary)
	}
	if g.Status != e.Status || !slices.Equal(g.Actors, e.Actors) {
		t.Errorf("status and actors read back %q %q, want %q %q", g.Status, g.Actors, e.Status, e.Actors)
	}
}

// TestWriteQuoteWithoutURL checks that a first quote whose source has no
// URL cannot be media and is folded into the text.
func TestWriteQuoteWithoutURL(t *testing.T) {
	tl := model.Timeline{
		Sources: []model.Source{{ID: "wapo", Publisher: "The Washington Post"}},
		Events: []model.Event{{ID: "e", Title: "T", Date: mustDate(t, "2017"),
			Quotes: []model.Quote{{Text: "q1", Source: "wapo"}, {Text: "q2", Source: "wapo"}}}},
	}
	doc, losses := export(t, tl)
	if _, ok := slidesOf(t, doc)[0]["media"]; ok {
		t.Errorf("media without a URL:\n%s", doc)
	}
	checkLosses(t, losses, map[model.Loss]int{LossQuoteNoURL: 1, LossQuoteFolded: 1, LossSourceUnused: 1})
	back, _ := mustRead(t, doc)
	if s := back.Events[0].Summary; s != "“q1”\n\n— The Washington Post\n\n“q2”\n\n— The Washington Post" {
		t.Errorf("summary read back %q", s)
	}
}

// TestWriteQuoteWithoutWebURL: a source's URL that is not an http or
// https address never becomes media, which TimelineJS makes a link: the
// quote goes into the text, the URL with it as words, and is counted.
func TestWriteQuoteWithoutWebURL(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "file:///etc/passwd", "https://exa\u202emple.org/"} {
		tl := model.Timeline{
			Sources: []model.Source{{ID: "src", Publisher: "P", URL: u}},
			Events:  []model.Event{{ID: "e", Title: "T", Date: mustDate(t, "2017"), Quotes: []model.Quote{{Text: "q1", Source: "src"}}}},
		}
		doc, losses := export(t, tl)
		if _, ok := slidesOf(t, doc)[0]["media"]; ok {
			t.Errorf("%q became media:\n%s", u, doc)
		}
		checkLosses(t, losses, map[model.Loss]int{LossQuoteNotWeb: 1, LossSourceUnused: 1})
	}
}

func TestWriteNothingDated(t *testing.T) {
	var buf bytes.Buffer
	var losses model.Losses
	n, err := Write(&buf, model.Header{Title: "T"}, nil, seq([]model.Event{{ID: "a", Title: "A"}}), &losses)
	if n != 0 || !errors.Is(err, ErrNoEvents) {
		t.Errorf("Write = %d, %v; want 0, ErrNoEvents", n, err)
	}
	if losses.Count(LossUndated) != 1 {
		t.Errorf("losses %s", losses.String())
	}
}

func TestWriteStopsOnEventError(t *testing.T) {
	boom := errors.New("store closed")
	events := func(yield func(model.Event, error) bool) {
		if yield(model.Event{ID: "a", Title: "A", Date: mustDate(t, "2017")}, nil) {
			yield(model.Event{}, boom)
		}
	}
	n, err := Write(&bytes.Buffer{}, model.Header{}, nil, events, nil)
	if n != 1 || !errors.Is(err, boom) {
		t.Errorf("Write = %d, %v; want 1, %v", n, err, boom)
	}
}
