package timelinejs

import (
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"

	"github.com/charmbracelet/x/exp/golden"
)

// TestReadFixtures reads each hand-written TimelineJS file under testdata,
// checks what matters about it, and pins the whole import (in chrono's
// own format) and its losses in a golden file.
func TestReadFixtures(t *testing.T) {
	tests := []struct {
		file  string
		dates map[string]string // event id → EDTF
		texts map[string]string // event id → date text
		loss  map[model.Loss]int
		check func(t *testing.T, tl model.Timeline)
	}{
		{
			file: "precision",
			dates: map[string]string{
				"year-only": "2017", "month-only": "2017-08", "strings": "2018-10-02", "empty-fields": "2019",
				"millisecond": "2020-03-01T09:30:15.042", "no-seconds": "2020-03-02T09:30:00", "date-display": "2020-03-03",
				"redundant-display": "2020-03-04",
			},
			texts: map[string]string{"date-display": "early March", "redundant-display": "4 Mar 2020"},
			loss:  map[model.Loss]int{TimeNoSeconds: 1, LossDateFormat: 1},
			check: func(t *testing.T, tl model.Timeline) {
				want := model.Header{Title: "Precision & the fields present", Description: "Each slide is as precise as its finest field."}
				if tl.Header != want {
					t.Errorf("header %+v, want %+v", tl.Header, want)
				}
			},
		},
		{
			file: "bce",
			dates: map[string]string{
				"minus-43": "-0042-03-15", "minus-44-string": "-0043", "minus-1": "0000", "zero": "0000",
				"plus-1": "0001", "far": "Y-12344",
			},
			loss: map[model.Loss]int{LossYearZero: 1},
			check: func(t *testing.T, tl model.Timeline) {
				if got := tl.Events[0].Date.Label(); got != "15 Mar 43 BCE" {
					t.Errorf("-43 is labelled %q, want 15 Mar 43 BCE as TimelineJS shows it", got)
				}
			},
		},
		{
			file: "cosmology",
			dates: map[string]string{
				"big-bang": "Y-13799999999", "dark-ages": "Y-13799629999", "solar-system": "Y-4599999999",
				"paleozoic": "Y-538799999/Y-251901999", "chicxulub": "Y-65999999", "homo-sapiens": "Y-314999",
				"wheel": "-3499", "gw170817": "2017-08-17",
			},
			check: func(t *testing.T, tl model.Timeline) {
				want := []string{"13.8 billion years ago", "13.79963 billion years ago", "4.6 billion years ago",
					"538.8 – 251.902 million years ago", "66 million years ago", "315,000 BCE", "3500 BCE", "17 Aug 2017"}
				for i, e := range tl.Events {
					if got := e.Date.Label(); i < len(want) && got != want[i] {
						t.Errorf("%s is labelled %q, want %q", e.ID, got, want[i])
					}
				}
			},
		},
		{
			file: "interval",
			dates: map[string]string{
				"interval": "2017-08/2021", "same-end": "2018-05-01", "empty-end": "2019",
				"end-displays": "2020/2021", "slide-display": "2021",
			},
			texts: map[string]string{"end-displays": "spring – the next year", "slide-display": "the slide's own words – not shown"},
		},
		{
			file:  "html",
			dates: map[string]string{"html": "2021-07-18", "plain": "2021"},
			loss:  map[model.Loss]int{LossHTMLEmbed: 1},
			check: func(t *testing.T, tl model.Timeline) {
				e := tl.Events[0]
				if want := `Pegasus & the "Project" — targets`; e.Title != want {
					t.Errorf("title %q, want %q", e.Title, want)
				}
				want := "First paragraph with an online report (https://example.org/report), and extra spaces.\n\n" +
					"Second\nwith a break <not a tag> and café.\n\none\ntwo\n\nLast, after an image and a script."
				if e.Summary != want {
					t.Errorf("summary:\n%s\nwant:\n%s", e.Summary, want)
				}
				if want := "line one\nline two\n\nafter a gap"; tl.Events[1].Summary != want {
					t.Errorf("plain summary %q, want %q", tl.Events[1].Summary, want)
				}
			},
		},
		{
			file: "ids",
			loss: map[model.Loss]int{LossIDChanged: 2, LossNoHeadline: 2},
			check: func(t *testing.T, tl model.Timeline) {
				var ids []string
				for _, e := range tl.Events {
					ids = append(ids, e.ID)
				}
				want := []string{
					"cafe-meeting", "cafe-meeting-2", "cafe-meeting-3", "cafe-meeting-call-2nd", "2005-a-year",
					"Kept_ID.v1:a", "my-event-7", "Kept_ID.v1:a-2", "slide-9", "slide-10", "slide-11",
				}
				if !slices.Equal(ids, want) {
					t.Errorf("ids\n %q\nwant\n %q", ids, want)
				}
				if want := "No headline: the title comes from this text, which is long enough that it has…"; tl.Events[9].Title != want {
					t.Errorf("made title %q, want %q", tl.Events[9].Title, want)
				}
				if want := "Untitled, 2011"; tl.Events[10].Title != want {
					t.Errorf("made title %q, want %q", tl.Events[10].Title, want)
				}
			},
		},
		{
			file:  "title_eras",
			dates: map[string]string{"extras": "2017-08"},
			loss: map[model.Loss]int{
				LossTitleField: 3, LossEra: 2, LossScale: 1, LossUnknownMember: 2, LossBackground: 1,
				LossAutolink: 1, LossGroupChanged: 1, LossGroupDropped: 1,
			},
			check: func(t *testing.T, tl model.Timeline) {
				want := model.Header{Title: "A title slide", Description: "The investigation's description."}
				if tl.Header != want {
					t.Errorf("header %+v, want %+v", tl.Header, want)
				}
				for i, tags := range [][]string{{"cash-offer-mobileum"}, {"ss7"}, nil} {
					if !slices.Equal(tl.Events[i].Tags, tags) {
						t.Errorf("event %d tags %q, want %q", i+1, tl.Events[i].Tags, tags)
					}
				}
			},
		},
		{
			file: "media",
			// Only the blockquote is a quote: a photo's, a page's or an
			// embed's caption says what it shows, and is no one's words.
			// Only the link_target is not kept, and the embed's markup.
			loss: map[model.Loss]int{LossMediaDisplay: 1, LossMediaTitle: 1, LossMediaEmbed: 1},
			check: func(t *testing.T, tl model.Timeline) {
				if len(tl.Sources) != 0 {
					t.Errorf("sources %+v, want none: a medium's URL is its own", tl.Sources)
				}
				article := "https://www.washingtonpost.com/technology/2022/02/01/nso-bags-of-cash/"
				want := []struct {
					quotes []model.Quote
					media  []model.Medium
				}{
					{media: []model.Medium{{URL: article, Caption: "“We drop bags of cash at your office”", Credit: "Omri Lavie, as recounted by Gary Miller",
						Title: "NSO offered 'bags of cash'", Alt: "a photo", Thumbnail: "https://example.com/thumb.jpg", Link: "https://example.com"}}},
					{media: []model.Medium{{URL: article, Caption: "Another line from the same article"}}},
					{media: []model.Medium{{URL: "https://washingtonpost.com/other", Caption: "A second article"}}},
					{media: []model.Medium{{URL: "https://example.com/photo.jpg"}}},
					{quotes: []model.Quote{{Text: "'Now we know,' he said.", Speaker: "John Tye", Context: "Statement to the press"}}},
					{media: []model.Medium{{URL: "https://example.com/embed", Caption: "A caption for the frame"}}},
					{media: []model.Medium{{Caption: "Words with no source", Credit: "Anonymous"}}},
				}
				for i, w := range want {
					if e := tl.Events[i]; !slices.Equal(e.Quotes, w.quotes) || !slices.Equal(e.Media, w.media) {
						t.Errorf("%s: quotes %+v, media %+v\nwant quotes %+v, media %+v", e.ID, e.Quotes, e.Media, w.quotes, w.media)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := os.ReadFile("testdata/" + tt.file + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if !Detect(doc) {
				t.Errorf("Detect does not recognise %s.json", tt.file)
			}
			tl, losses := mustRead(t, string(doc))
			for _, e := range tl.Events {
				if want, ok := tt.dates[e.ID]; ok && e.Date.String() != want {
					t.Errorf("%s: date %s, want %s", e.ID, e.Date, want)
				}
				if e.DateText != tt.texts[e.ID] {
					t.Errorf("%s: date text %q, want %q", e.ID, e.DateText, tt.texts[e.ID])
				}
			}
			checkLosses(t, losses, tt.loss)
			if tt.check != nil {
				tt.check(t, tl)
			}
			golden.RequireEqual(t, nativeText(t, tl)+"\nlosses: "+losses.String()+"\n")
		})
	}
}

// TestReadProblems checks that each problem is reported with its place
// and position, and that every problem of a file is found in one pass.
func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{
			"bad month",
			"{\"events\": [\n  {\"start_date\": {\"year\": 2017}, \"text\": {\"headline\": \"Fine\"}},\n  {\"start_date\": {\"year\": 2017, \"month\": 13},\n   \"text\": {\"headline\": \"FBI tip\"}}\n]}",
			[]string{`3:42: event "fbi-tip" (#2): start_date: month 13 out of range (1–12)`},
		},
		{
			"every problem of a file",
			`{"events": [{"start_date": {"year": 2017, "month": 2, "day": 29}, "unique_id": "a"},` +
				`{"start_date": {"year": "20x7"}, "end_date": {"year": 2017, "hour": 3}, "unique_id": "b"},` +
				`{"text": {"headline": "No date"}},` +
				`{"start_date": {"year": 2017}, "end_date": {"year": 2016}, "unique_id": "d"},` +
				`{"start_date": {"month": 8}, "unique_id": "e"},` +
				`{"start_date": {"year": 2017.5}, "unique_id": "f"},` +
				`"a string"]}`,
			[]string{
				`1:62: event "a" (#1): start_date: day 29 out of range (February 2017 has 28 days)`,
				`1:109: event "b" (#2): start_date: year: "20x7" is not a whole number`,
				`1:153: event "b" (#2): end_date: hour 3 needs a day`,
				`1:175: event "no-date" (#3): start_date missing: every slide but the title has one, e.g. "start_date": {"year": 2017}`,
				`1:252: event "d" (#4): end_date: before start_date; swap them`,
				`1:301: event "e" (#5): start_date: year missing: every date has one, e.g. {"year": 2017}`,
				`1:357: event "f" (#6): start_date: year: 2017.5 is not a whole number`,
				`1:384: event #7: a slide is an object, found a string`,
			},
		},
		{
			"wrong types",
			`{"events": [{"start_date": {"year": 2017}, "text": "headline", "media": {"url": 5}, "group": [], "unique_id": 7}]}`,
			[]string{
				`1:52: event "slide-1" (#1): text: want an object such as {"headline": "...", "text": "..."}, found a string`,
				`1:81: event "slide-1" (#1): media: url: want a string, found a number`,
				`1:94: event "slide-1" (#1): group: want a string, found an array`,
				`1:111: event "slide-1" (#1): unique_id: want a string, found a number`,
			},
		},
		{
			"year beyond chrono's range",
			`{"events": [{"start_date": {"year": -200000000000}, "unique_id": "beyond"}]}`,
			[]string{`1:37: event "beyond" (#1): start_date: year: year beyond ±100000000000 (100 billion) is not supported`},
		},
		{
			"missing events",
			`{"title": {"text": {"headline": "T"}}}`,
			[]string{`1:1: "events" missing: a TimelineJS document lists its slides in "events": [...]`},
		},
		{
			"empty events",
			`{"events": []}`,
			[]string{`1:12: "events" is empty: TimelineJS needs at least one slide with a start_date`},
		},
		{
			"bad scale",
			`{"scale": "geological", "events": [{"start_date": {"year": 2017}}]}`,
			[]string{`1:11: "scale" "geological": TimelineJS knows "human" and "cosmological"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readDoc(t, tt.doc)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			got := strings.Split(err.Error(), "\n")
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestReadStopsWithoutReporter checks that a sink that does not collect
// problems stops the read at the first one, which is returned.
func TestReadStopsWithoutReporter(t *testing.T) {
	var c model.Collect
	err := Read(strings.NewReader(`{"events": [{"start_date": {"year": 2017, "month": 0}}, {"start_date": {"year": 2018}}]}`), &c, nil)
	var p model.Problem
	if err == nil || !strings.Contains(err.Error(), "month 0 out of range") {
		t.Fatalf("error %v, want the month problem", err)
	}
	if ok := errors.As(err, &p); !ok || p.Line != 1 || p.Column != 52 {
		t.Errorf("problem %+v, want one at 1:52", p)
	}
	if len(c.Timeline.Events) != 0 {
		t.Errorf("events were sent: %+v", c.Timeline.Events)
	}
}

func TestReadSyntaxErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"bad token", "{\"events\": [\n  {\"start_date\": x}]}", "2:18: invalid JSON"},
		{"duplicate key", `{"events": [{"start_date": {"year": 1, "year": 2}}]}`, "a key appears twice in the same object"},
		{"trailing data", `{"events": [{"start_date": {"year": 1}}]} {}`, "1:43: unexpected data after the end of the document"},
		{"cut short", `{"events": [{"start_date": {"year"`, "1:35: the document ends too early"},
		{"invalid utf-8", "{\"events\": [{\"text\": {\"headline\": \"\xff\"}}]}", "invalid UTF-8"},
		{"not an object", `[{"start_date": {"year": 1}}]`, "1:1: a TimelineJS document is a JSON object"},
		{"empty", ``, "the document ends too early"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readDoc(t, tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			var p model.Problem
			if !errors.As(err, &p) || p.Line == 0 && p.Byte == 0 {
				t.Errorf("error %v carries no position", err)
			}
		})
	}
}

// TestReadSourcePerURL checks that a URL is one source even when chrono
// exported two sources with the same URL, and that the second id is
// counted as lost.
func TestReadSourcePerURL(t *testing.T) {
	doc := `{"events": [
	 {"start_date": {"year": 2001}, "media": {"url": "https://x.org", "caption": "a", "credit": "<cite data-source=\"one\">P</cite>"}},
	 {"start_date": {"year": 2002}, "media": {"url": "https://x.org", "caption": "b", "credit": "<cite data-source=\"two\">P</cite>"}},
	 {"start_date": {"year": 2003}, "media": {"url": "https://y.org", "caption": "c", "credit": "<cite data-source=\"one\">Q</cite>"}}]}`
	tl, losses := mustRead(t, doc)
	want := []model.Source{{ID: "one", Publisher: "P", URL: "https://x.org"}, {ID: "y.org", Publisher: "Q", URL: "https://y.org"}}
	if !slices.Equal(tl.Sources, want) {
		t.Errorf("sources %+v, want %+v", tl.Sources, want)
	}
	for i, src := range []string{"one", "one", "y.org"} {
		if q := tl.Events[i].Quotes; len(q) != 1 || q[0].Source != src {
			t.Errorf("event %d quotes %+v, want one from %s", i+1, q, src)
		}
	}
	checkLosses(t, losses, map[model.Loss]int{LossSourceDetails: 1, LossNoHeadline: 3})
}

// TestSlideTooLong: a slide longer than model.MaxRecordBytes stops the
// read having read no more than the limit and the decoder's read-ahead
// of it: however large the slide, it is never held whole.
func TestSlideTooLong(t *testing.T) {
	doc := modeltest.NewEndless(`{"events": [{"start_date": {"year": 2017}, "text": {"headline": "`, 'x')
	_, err := modeltest.Read(func(r io.Reader, s model.Sink) error { return Read(r, s, nil) }, doc)
	if !errors.Is(err, model.ErrRecordTooLarge) {
		t.Errorf("got %v, want an error saying the slide is too long", err)
	}
	if doc.N > modeltest.MaxOverRecord+100 {
		t.Errorf("read %d bytes before refusing the slide, more than the limit and its slack", doc.N)
	}
}
