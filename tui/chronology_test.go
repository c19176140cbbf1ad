package tui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
)

// chronologyDoc has what cannot all be true (an order the dates make
// impossible, a date after the source it is read from), events a link
// moves, and one that is fine.
const chronologyDoc = `{
  "chrono": 1,
  "sources": [{"id": "report", "publisher": "The Post", "title": "The report", "published": "2019-05"}],
  "events": [
    {"id": "outreach", "date": "2017-08", "title": "Miller reaches out to reporters"},
    {"id": "referral", "date": "2017", "title": "Miller takes his account to Rep. Ted Lieu",
     "links": [{"rel": "follows", "event": "outreach"}]},
    {"id": "letter", "date": "2017", "title": "Lieu writes to the FCC",
     "links": [{"rel": "follows", "event": "referral"}]},
    {"id": "memo-leaked", "date": "2022-03", "title": "The memo leaks",
     "links": [{"rel": "precedes", "event": "memo-written"}]},
    {"id": "memo-written", "date": "2021-06", "title": "The memo is written"},
    {"id": "next-year", "date": "2023", "date_text": "last year", "date_source": "report",
     "title": "Dated after the report it is read from"},
    {"id": "hearing", "date": "2019-01", "title": "A hearing, which is fine"}
  ]
}`

func chronologyStore(t testing.TB) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "chronology.json", Read: func(sink model.Sink) error {
		return native.Read(strings.NewReader(chronologyDoc), sink)
	}}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// chronologyRow returns the chronology's line for the event titled title.
func chronologyRow(t *testing.T, d *driver, title string) string {
	t.Helper()
	for l := range strings.SplitSeq(d.screen(), "\n") {
		if strings.Contains(l, title) {
			return l
		}
	}
	t.Fatalf("no row %q on screen:\n%s", title, d.screen())
	return ""
}

// The rows of events with a chronology problem carry ↯, and only those.
func TestProblemMarks(t *testing.T) {
	d := newDriver(t, placed{chronologyStore(t)}, 160, 45)
	for title, want := range map[string]bool{
		"The memo leaks":                           true,
		"The memo is written":                      true,
		"Dated after the report it is read from":   true,
		"A hearing, which is fine":                 false,
		"Miller takes his account to Rep. Ted Lie": false,
	} {
		if got := strings.Contains(chronologyRow(t, d, title), problemSign); got != want {
			t.Errorf("row %q has the problem sign: %v, want %v", title, got, want)
		}
	}
}

// The filter selects the events with a problem, and says so.
func TestProblemFilter(t *testing.T) {
	d := newDriver(t, placed{chronologyStore(t)}, 160, 45)
	d.keys("f")
	d.typeText("chronology")
	d.keys("enter")
	q := d.query()
	if !q.ByID || !slices.Equal(q.IDs, []string{"memo-leaked", "memo-written", "next-year"}) {
		t.Fatalf("query = %+v, want the three events with a problem", q)
	}
	if d.total() != 3 {
		t.Errorf("the filtered view has %d events, want 3", d.total())
	}
	if !strings.Contains(d.screen(), "filter: "+problemSign+" with a chronology problem") {
		t.Errorf("the filter line does not name the filter:\n%s", d.screen())
	}
}

// The sources pane says why an event a link moved is where it is, and
// what about an event cannot all be true.
func TestSourcesPaneChronology(t *testing.T) {
	cases := []struct{ id, want string }{
		{"referral", "placed after “Miller reaches out to reporters”, which it follows"},
		{"referral", "its links narrow it to 1 Aug 2017 – 31 Dec 2017"},
		{"letter", "placed after “Miller reaches out to reporters”, through the links"},
		{"memo-written", problemSign + ` "memo-leaked" precedes "memo-written"`},
		{"next-year", problemSign + ` "next-year" is dated 2023, after the publication of source "report"`},
	}
	for _, c := range cases {
		d := newDriver(t, placed{chronologyStore(t)}, 160, 45)
		for d.selected() != c.id {
			before := d.selected()
			d.keys("j")
			if d.selected() == before {
				t.Fatalf("no event %s", c.id)
			}
		}
		pane := strings.Join(d.sources().view(), "\n")
		if !strings.Contains(pane, c.want) {
			t.Errorf("%s: the sources pane does not say %q:\n%s", c.id, c.want, pane)
		}
	}
}

// A fixed event is clean: nothing said of its place.
func TestSourcesPaneNothingToSay(t *testing.T) {
	d := newDriver(t, placed{chronologyStore(t)}, 160, 45)
	for d.selected() != "outreach" {
		d.keys("j")
	}
	pane := strings.Join(d.sources().view(), "\n")
	if strings.Contains(pane, "placed") || strings.Contains(pane, problemSign) {
		t.Errorf("the sources pane of an event nothing moved says:\n%s", pane)
	}
}

func TestChronologyScreens(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		to   string // the event to select first, if any
		keys []string
	}{
		{"list", 80, 24, "", nil},
		{"sources", 160, 45, "memo-written", nil},
		{"picker", 80, 24, "", []string{"f"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, placed{chronologyStore(t)}, tt.w, tt.h)
			if tt.to != "" {
				d.to(tt.to)
			}
			d.keys(tt.keys...)
			checkSize(t, d.m.View().Content, tt.w, tt.h)
			golden.RequireEqual(t, d.screen())
		})
	}
}

// linkReads counts the reads of the links other events make.
type linkReads struct {
	model.Store
	n *int
}

func (s linkReads) IncomingLinks(ids []string) (map[string][]model.Incoming, error) {
	*s.n++
	return s.Store.IncomingLinks(ids)
}

// The pane's chronology takes an event's links both ways from its
// Detail: an event linked to none reads no links, and one linked only
// by another still finds its group.
func TestPaneChronologyFromTheDetail(t *testing.T) {
	s := chronologyStore(t)
	for _, c := range []struct {
		id      string
		reads   int
		problem bool
	}{
		{"hearing", 0, false},
		{"memo-written", 1, true}, // memo-leaked's links are read, not memo-written's
	} {
		d, err := s.Detail(c.id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		note, err := chronologyOf(linkReads{s, &n}, d)
		if err != nil {
			t.Fatal(err)
		}
		if n != c.reads || (len(note.problems) > 0) != c.problem {
			t.Errorf("%s: %d reads of links, problems %q; want %d reads, a problem: %v", c.id, n, note.problems, c.reads, c.problem)
		}
	}
}

// TestNarrowedSpanInWords: a span the links leave open at one end is
// said in words ("no earlier than 1 May 2020"), not with an ellipsis
// ("1 May 2020 – …") that reads as text cut short.
func TestNarrowedSpanInWords(t *testing.T) {
	may := model.MustParseDate("2020-05-01")
	dec := model.MustParseDate("2020-12-31")
	tests := []struct {
		span model.Span
		want string
	}{
		{model.Span{Earliest: may.Earliest(), Latest: model.EndOfTime}, "put it no earlier than 1 May 2020"},
		{model.Span{Earliest: model.BeginningOfTime, Latest: dec.Latest()}, "put it no later than 31 Dec 2020"},
		{model.Span{Earliest: may.Earliest(), Latest: dec.Latest()}, "narrow it to 1 May 2020 – 31 Dec 2020"},
	}
	for _, tt := range tests {
		if got := narrowedTo(tt.span); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.span, got, tt.want)
		}
	}
	// In the pane: an undated event that follows one of May 2020.
	const doc = `{"chrono": 1, "events": [{"id": "beta", "date": "2020-05", "title": "Beta"},
	  {"id": "delta", "title": "Delta", "links": [{"rel": "follows", "event": "beta"}]}]}`
	s := storeOf(t, doc)
	d := newDriver(t, placed{s}, 160, 45)
	d.to("delta")
	pane := strings.Join(d.sources().view(), "\n")
	if !strings.Contains(pane, "its links put it no earlier than 1 May 2020") || strings.Contains(pane, "…") {
		t.Errorf("the pane of an undated event after May 2020 says:\n%s", pane)
	}
}

// TestNarrowedSpanWithinADay: links to an event known to the second
// narrow a day's event to part of the day, and the pane says which part,
// not "narrow it to 2 Oct 2018" of an event dated 2 Oct 2018.
func TestNarrowedSpanWithinADay(t *testing.T) {
	meeting := model.MustParseDate("2018-10-02T15:04:05+02:00")
	day := model.MustParseDate("2018-10-02")
	tests := []struct {
		span model.Span
		want string
	}{
		{model.Span{Earliest: meeting.Earliest(), Latest: day.Latest()}, "narrow it to 2 Oct 2018 13:04:05 UTC – 2 Oct 2018"},
		{model.Span{Earliest: day.Earliest(), Latest: meeting.Latest()}, "narrow it to 2 Oct 2018 – 2 Oct 2018 13:04:05 UTC"},
		{model.Span{Earliest: day.Earliest(), Latest: day.Latest()}, "narrow it to 2 Oct 2018"},
	}
	for _, tt := range tests {
		if got := narrowedTo(tt.span); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.span, got, tt.want)
		}
	}
}

// TestAxisMarksProblemsAndNotes: the time axis keeps the signs of the
// list's rows: ↯ on an event with a chronology problem, ✎ on one with
// notes, and neither on the others.
func TestAxisMarksProblemsAndNotes(t *testing.T) {
	d := newDriver(t, placed{chronologyStore(t)}, 160, 45)
	d.keys("v")
	for title, want := range map[string]bool{
		"The memo leaks":           true,
		"The memo is written":      true,
		"A hearing, which is fine": false,
	} {
		if got := strings.Contains(axisLine(t, d, title), problemSign); got != want {
			t.Errorf("axis line %q has the problem sign: %v, want %v", title, got, want)
		}
	}
	const doc = `{"chrono": 1, "events": [
	  {"id": "noted", "date": "2020-05", "title": "Noted", "notes": [{"text": "check", "at": "2026-01-02T03:04:05Z"}]},
	  {"id": "plain", "date": "2020-06", "title": "Plain"}]}`
	s := storeOf(t, doc)
	n := newDriver(t, placed{s}, 80, 24)
	n.keys("v")
	if l := axisLine(t, n, "Noted"); !strings.Contains(l, noteSign) {
		t.Errorf("the axis does not show the event's notes:\n%s", l)
	}
	if l := axisLine(t, n, "Plain"); strings.Contains(l, noteSign) {
		t.Errorf("the axis shows notes on an event with none:\n%s", l)
	}
}

// TestRelationTo: the sources pane's reason reads as a sentence for
// every order link, seen from either event.
func TestRelationTo(t *testing.T) {
	tests := []struct {
		rel  model.Rel
		own  bool // the link is e's own, else the other's to e
		want string
	}{
		{model.Follows, true, "which it follows"},
		{model.Precedes, true, "which it precedes"},
		{model.Disputes, true, "which it disputes"},
		{model.DisputedBy, true, "which it is disputed by"},
		{model.Disputes, false, "which it is disputed by"},
		{model.DisputedBy, false, "which it disputes"},
		{model.Precedes, false, "which it follows"},
	}
	for _, tt := range tests {
		e := model.Event{ID: "e"}
		other := model.Event{ID: "o"}
		if tt.own {
			e.Links = []model.Link{{Rel: tt.rel, Event: "o"}}
		} else {
			other.Links = []model.Link{{Rel: tt.rel, Event: "e"}}
		}
		if got := relationTo(&e, []model.Event{e, other}, "o"); got != tt.want {
			t.Errorf("%s (own %v): %q, want %q", tt.rel, tt.own, got, tt.want)
		}
	}
}

// TestPlacedQuotesALongTitleCut: the pane says which event placed this
// one by its title, cut to a line's worth, not a title of 40,000 bytes
// over the whole pane.
func TestPlacedQuotesALongTitleCut(t *testing.T) {
	long := strings.Repeat("A", 40000)
	group := []model.Event{
		{ID: "long", Date: model.MustParseDate("2020-06-01"), Title: long, Links: []model.Link{{Rel: model.Precedes, Event: "short"}}},
		{ID: "short", Date: model.MustParseDate("2020"), Title: "Short"},
	}
	titles := map[string]string{"long": long, "short": "Short"}
	for _, p := range model.Order(group).Events {
		if p.Event.ID != "short" {
			continue
		}
		lines := placedLines(p.Event, group, p, titles)
		if len(lines) == 0 || !strings.HasPrefix(lines[0], "placed after “"+strings.Repeat("A", mostQuoted-1)+"…”") {
			t.Fatalf("placed lines: %.200q", lines)
		}
		if n := len([]rune(lines[0])); n > 200 {
			t.Errorf("the first placed line is %d characters", n)
		}
	}
}

// TestCutTitle: another event's title is cut to n characters, ending in
// …, only when it is longer; however long it is, the cut reads only the
// start.
func TestCutTitle(t *testing.T) {
	for _, tt := range []struct {
		title string
		n     int
		want  string
	}{
		{"Short", 10, "Short"},
		{"0123456789", 10, "0123456789"},
		{"0123456789A", 10, "012345678…"},
		{"déjà vu déjà vu", 8, "déjà vu…"},
		{strings.Repeat("調", 40000), 5, "調調調調…"},
	} {
		if got := cutTitle(tt.title, tt.n); got != tt.want {
			t.Errorf("cutTitle(%.20q, %d) = %q, want %q", tt.title, tt.n, got, tt.want)
		}
	}
}

// TestTagColumnAsWideAsItsTags: short tags leave the titles the room a
// quarter of the pane kept for them; the title was cut short of it.
func TestTagColumnAsWideAsItsTags(t *testing.T) {
	title := "The Washington Post publishes Miller's allegation with NSO's denial and the referral"
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2022-02-01", "title": "`+title+`", "tags": ["post"]}
]}`), 120, 40)
	row := ""
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.HasPrefix(l, "›") {
			row, _, _ = strings.Cut(l, "│") // the list's side
		}
	}
	if !strings.Contains(row, "publishes Miller'…  #post") {
		t.Errorf("the row %q cuts its title for a tag column wider than its tags", row)
	}
}
