package markdown

import (
	"bytes"
	"errors"
	"iter"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

func events(es []model.Event) iter.Seq2[model.Event, error] { return modeltest.Seq(es) }

func write(t *testing.T, h model.Header, sources []model.Source, es []model.Event) (string, *model.Losses) {
	t.Helper()
	return writeWith(t, Options{}, h, sources, es)
}

// writeWith is write with options.
func writeWith(t *testing.T, opts Options, h model.Header, sources []model.Source, es []model.Event) (string, *model.Losses) {
	t.Helper()
	var buf bytes.Buffer
	var losses model.Losses
	n, err := Writer(opts)(&buf, h, sources, events(es), &losses)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(es) {
		t.Errorf("wrote %d events, want %d", n, len(es))
	}
	return buf.String(), &losses
}

func TestWriteExample(t *testing.T) {
	tl := modeltest.Example(t)
	out, losses := write(t, tl.Header, tl.Sources, tl.Events)
	modeltest.GoldenFile(t, "nso", out)
	if !losses.Empty() {
		t.Errorf("the example lost %s", losses)
	}
}

func TestWriteYearSections(t *testing.T) {
	es := []model.Event{
		{ID: "open", Title: "Open start", Date: model.MustParseDate("../2017")},
		{ID: "call", Title: "The call", Date: model.MustParseDate("2017-08")},
		{ID: "tip", Title: "The tip", Date: model.MustParseDate("2017-08/2021")},
		{ID: "lieu", Title: "Lieu", Date: model.MustParseDate("2021")},
		{ID: "denial", Title: "Denial", Date: model.MustParseDate("2021/2022-02-01")},
		{ID: "later", Title: "Undated", Status: model.Alleged},
	}
	out, _ := write(t, model.Header{}, nil, es)
	headings := headingLines(out)
	want := []string{
		"## Start unknown", "### until 2017 · not assessed",
		"## 2017", "### Aug 2017 · not assessed", "### Aug 2017 – 2021 · not assessed",
		"## 2021", "### 2021 · not assessed", "### 2021 – 1 Feb 2022 · not assessed",
		"## Undated", "### undated · alleged",
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(out, "# Chronology\n") {
		t.Errorf("no title heading: %q", out[:min(len(out), 40)])
	}
}

// A time given with an offset goes under the year its clock shows, as
// its heading and the list show it: 22:00 on New Year's Eve in New York
// is 2018 in UTC but 2017 where it was written.
func TestWriteSectionByClockAsWritten(t *testing.T) {
	es := []model.Event{
		{ID: "june", Title: "June", Date: model.MustParseDate("2017-06")},
		{ID: "eve", Title: "Eve", Date: model.MustParseDate("2017-12-31T22:00:00-05:00")},
		{ID: "morning", Title: "Morning", Date: model.MustParseDate("2018-01-01T21:00:00+10:00")},
		{ID: "march", Title: "March", Date: model.MustParseDate("2018-03")},
	}
	out, _ := write(t, model.Header{}, nil, es)
	headings := headingLines(out)
	want := []string{
		"## 2017", "### Jun 2017 · not assessed", "### 31 Dec 2017 22:00:00 -05:00 · not assessed",
		"## 2018", "### 1 Jan 2018 21:00:00 +10:00 · not assessed", "### Mar 2018 · not assessed",
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
}

// TestWriteSectionByUTCBesideFloatingTimes: the order places a time given
// with an offset among dates without one by its instant in UTC, as it
// reads those: 00:30 +02:00 on New Year's Day, 22:30 UTC the day before,
// comes before December's events, and 22:00 -05:00 on New Year's Eve,
// 03:00 UTC on New Year's Day, after 01:00 that morning. Each goes under
// the year its neighbours are in, its heading giving its time in UTC,
// and no event is called out of date order for an offset.
func TestWriteSectionByUTCBesideFloatingTimes(t *testing.T) {
	for _, tc := range []struct {
		name string
		es   []model.Event
		want []string
	}{
		{"first", []model.Event{
			{ID: "transfer", Title: "Transfer", Date: model.MustParseDate("2022-01-01T00:30:00+02:00")},
			{ID: "contract", Title: "Contract", Date: model.MustParseDate("2021-12")},
			{ID: "meeting", Title: "Meeting", Date: model.MustParseDate("2022-01-01")},
		}, []string{
			"## 2021", "### 1 Jan 2022 00:30:00 +02:00 (31 Dec 2021 22:30:00 UTC) · not assessed", "### Dec 2021 · not assessed",
			"## 2022", "### 1 Jan 2022 · not assessed",
		}},
		{"after an earlier year", []model.Event{
			{ID: "june", Title: "June", Date: model.MustParseDate("2020-06")},
			{ID: "transfer", Title: "Transfer", Date: model.MustParseDate("2022-01-01T00:30:00+02:00")},
			{ID: "invoice", Title: "Invoice", Date: model.MustParseDate("2021-12-31")},
		}, []string{
			"## 2020", "### Jun 2020 · not assessed",
			"## 2021", "### 1 Jan 2022 00:30:00 +02:00 (31 Dec 2021 22:30:00 UTC) · not assessed", "### 31 Dec 2021 · not assessed",
		}},
		{"in its year in UTC", []model.Event{
			{ID: "june", Title: "June", Date: model.MustParseDate("2021-06")},
			{ID: "transfer", Title: "Transfer", Date: model.MustParseDate("2022-01-01T00:30:00+02:00")},
			{ID: "contract", Title: "Contract", Date: model.MustParseDate("2021-12")},
		}, []string{
			"## 2021", "### Jun 2021 · not assessed", "### 1 Jan 2022 00:30:00 +02:00 (31 Dec 2021 22:30:00 UTC) · not assessed", "### Dec 2021 · not assessed",
		}},
		{"behind", []model.Event{
			{ID: "early", Title: "Early", Date: model.MustParseDate("2022-01-01T01:00:00")},
			{ID: "eve", Title: "Eve", Date: model.MustParseDate("2021-12-31T22:00:00-05:00")},
			{ID: "march", Title: "March", Date: model.MustParseDate("2022-03")},
		}, []string{
			"## 2022", "### 1 Jan 2022 01:00:00 · not assessed", "### 31 Dec 2021 22:00:00 -05:00 (1 Jan 2022 03:00:00 UTC) · not assessed", "### Mar 2022 · not assessed",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := write(t, model.Header{}, nil, tc.es)
			if got := headingLines(out); !slices.Equal(got, tc.want) {
				t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if strings.Contains(out, "Out of date order") {
				t.Errorf("an event is called out of date order for its offset:\n%s", out)
			}
		})
	}
}

func TestWriteBCEYear(t *testing.T) {
	out, _ := write(t, model.Header{Title: "Rome"}, nil, []model.Event{{ID: "ides", Title: "Ides", Date: model.MustParseDate("-0043-03-15")}})
	if !strings.Contains(out, "\n## 44 BCE\n\n### 15 Mar 44 BCE · not assessed\n") {
		t.Errorf("BCE section:\n%s", out)
	}
}

func TestWriteParticulars(t *testing.T) {
	sources := []model.Source{
		{ID: "wapo", Publisher: "The Washington Post", URL: "https://www.washingtonpost.com/x_(y)", Archive: "https://archive.ph/wapo", Published: model.MustParseDate("2022-02-01")},
		{ID: "unused", Publisher: "Nobody"},
	}
	es := []model.Event{
		{ID: "call", Title: "The call", Date: model.MustParseDate("2017-08"), DateText: "August 2017", DateSource: "wapo", Status: model.Alleged,
			Tags: []string{"ss7", "a`b"}, Links: []model.Link{{Rel: model.DisputedBy, Event: "denial"}}},
		{ID: "denial", Title: "The denial", Date: model.MustParseDate("2022-02-01"), Status: model.Denied,
			Quotes: []model.Quote{{Text: "never done any business with", Speaker: "NSO Group", Source: "wapo", Stance: model.Denies}},
			Links:  []model.Link{{Rel: model.Disputes, Event: "call"}},
			Notes:  []model.Note{{Text: "ask for the statement\nin full"}}},
	}
	out, losses := write(t, model.Header{Title: "NSO"}, sources, es)
	for _, want := range []string{
		"### Aug 2017 (“August 2017”) · alleged\n",
		"- Date source: [The Washington Post, 1 Feb 2022](https://www.washingtonpost.com/x_\\(y\\))\n",
		"- Tags: `#ss7` ``#a`b``\n",
		// The denial is below: only its id is known.
		"- Disputed by: `denial`\n",
		// The call is above: its title is known.
		"- Disputes: “The call”\n",
		"> never done any business with\n>\n> — NSO Group (denies) · [The Washington Post, 1 Feb 2022](https://www.washingtonpost.com/x_\\(y\\))\n",
		"## Sources\n\n- The Washington Post · 1 Feb 2022 · <https://www.washingtonpost.com/x_(y)> · archived <https://archive.ph/wapo>\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Nobody") || losses.Count(LostUncitedSource) != 1 {
		t.Errorf("uncited source: counted %d\n%s", losses.Count(LostUncitedSource), out)
	}
}

func TestWriteNoEvents(t *testing.T) {
	out, _ := write(t, model.Header{Title: "Empty", Description: "Nothing yet."}, nil, nil)
	if want := "# Empty\n\nNothing yet.\n\n*No events.*\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestWriteStopsOnEventError(t *testing.T) {
	boom := errors.New("store closed")
	seq := func(yield func(model.Event, error) bool) {
		if yield(model.Event{ID: "a", Title: "A"}, nil) {
			yield(model.Event{}, boom)
		}
	}
	n, err := Write(&bytes.Buffer{}, model.Header{}, nil, seq, nil)
	if !errors.Is(err, boom) || n != 1 {
		t.Errorf("Write = %d, %v; want 1, %v", n, err, boom)
	}
}

// TestWriteDecadeSections: a date known only to its decade or century
// goes under a heading that names the decade or century, not its first
// year, which would read as the year it happened.
func TestWriteDecadeSections(t *testing.T) {
	for _, tt := range []struct{ date, want string }{
		{"201X", "\n## 2010s\n"},
		{"201X?", "\n## 2010s\n"},
		{"201X/2020", "\n## 2010s\n"},
		{"20XX", "\n## 2000–2099\n"},
		{"-001X", "\n## 20–11 BCE\n"},
		{"2017", "\n## 2017\n"},
	} {
		out, _ := write(t, model.Header{}, nil, []model.Event{{ID: "e", Title: "E", Date: model.MustParseDate(tt.date)}})
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: want heading %q in\n%s", tt.date, tt.want, out)
		}
	}
}

// TestWriteSectionOnce: when the chronology's order, set by links, puts an
// event after the events of a later year, its year's heading is not
// written again: the event stays under the heading it follows, which
// says why.
func TestWriteSectionOnce(t *testing.T) {
	es := []model.Event{ // in the order a store gives them, a precedes ides
		{ID: "a", Title: "A", Date: model.MustParseDate("2017-05"), Links: []model.Link{{Rel: model.Precedes, Event: "ides"}}},
		{ID: "ides", Title: "Ides", Date: model.MustParseDate("-0043")},
		{ID: "b", Title: "B", Date: model.MustParseDate("2015")},
		{ID: "c", Title: "C", Date: model.MustParseDate("2017-08")},
		{ID: "d", Title: "D", Date: model.MustParseDate("2019")},
	}
	out, _ := write(t, model.Header{}, nil, es)
	seen := map[string]int{}
	for l := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(l, "## ") {
			seen[l]++
		}
	}
	for h, n := range seen {
		if n != 1 {
			t.Errorf("%q written %d times in\n%s", h, n, out)
		}
	}
	// Nor is an earlier year's heading written below a later one's: the
	// events of 44 BCE and 2015 stay under 2017's, saying why.
	for _, want := range []string{
		"\n### 44 BCE · not assessed\n\n*Out of date order: the chronology's order, set by the links between events and the span each date allows, places it here; it dates from 44 BCE, earlier than this section.*",
		"\n### 2015 · not assessed\n\n*Out of date order:",
		"\n### Aug 2017 · not assessed\n\n**C**",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	if h := sectionHeadings(out); !slices.Equal(h, []string{"2017", "2019"}) {
		t.Errorf("headings %q, want 2017 then 2019", h)
	}
}

// headingLines are the lines of out that head a section or an event,
// in order, with their marks.
func headingLines(out string) []string {
	var headings []string
	for l := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "### ") {
			headings = append(headings, l)
		}
	}
	return headings
}

// sectionHeadings are the chronology's section headings in out, in
// order, the sources' left out.
func sectionHeadings(out string) []string {
	var headings []string
	for l := range strings.SplitSeq(out, "\n") {
		if h, ok := strings.CutPrefix(l, "## "); ok && h != "Sources" {
			headings = append(headings, h)
		}
	}
	return headings
}

// TestWriteSectionsByHeading: two years a billion years ago read alike,
// and are one section; an event open at its end, placed after later
// years by its span, is not the start of its year's section there.
func TestWriteSectionsByHeading(t *testing.T) {
	es := []model.Event{
		{ID: "bang", Title: "Bang", Date: model.MustParseDate("Y-13800000000")},
		{ID: "bang2", Title: "Bang again", Date: model.MustParseDate("Y-13799999999")},
		{ID: "now", Title: "Now", Date: model.MustParseDate("2021")},
		{ID: "since", Title: "Since", Date: model.MustParseDate("2017/..")},
	}
	out, _ := write(t, model.Header{}, nil, es)
	if h := sectionHeadings(out); !slices.Equal(h, []string{"13.8 billion years ago", "2021"}) {
		t.Errorf("headings %q in\n%s", h, out)
	}
	if !strings.Contains(out, "it dates from 2017, earlier than this section") {
		t.Errorf("the open-ended event does not say why it is under 2021:\n%s", out)
	}
}

// TestWriteLinksMadeToAnEvent: an event lists the links other events make
// to it, turned around, after its own, once each: the draft says a claim
// is disputed where the claim is, as chrono show does. Before, only the
// event that stated the link said it.
func TestWriteLinksMadeToAnEvent(t *testing.T) {
	es := []model.Event{
		{ID: "call", Title: "The call", Date: model.MustParseDate("2017-08"), Links: []model.Link{{Rel: model.Precedes, Event: "denial"}}},
		{ID: "denial", Title: "The denial", Date: model.MustParseDate("2022"), Links: []model.Link{{Rel: model.Disputes, Event: "call"}}},
	}
	incoming := map[string][]model.Incoming{
		"call":   {{From: "denial", Rel: model.Disputes}},
		"denial": {{From: "call", Rel: model.Precedes}},
	}
	out, _ := writeWith(t, Options{Incoming: func(id string) ([]model.Incoming, error) { return incoming[id], nil }}, model.Header{}, nil, es)
	for _, want := range []string{
		"- Precedes: `denial`\n- Disputed by: `denial`\n- Id: `call`",
		"- Disputes: “The call”\n- Follows: “The call”\n- Id: `denial`",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the draft does not say\n%s\n%s", want, out)
		}
	}
	failing := Options{Incoming: func(string) ([]model.Incoming, error) { return nil, errors.New("read failed") }}
	if _, err := Writer(failing)(&bytes.Buffer{}, model.Header{}, nil, events(es), nil); err == nil || err.Error() != "read failed" {
		t.Errorf("a failed read of the links: %v", err)
	}
}
