package tui

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"chrono/model"
)

// The filter picker offers untagged events, events with notes, and a
// date range typed as EDTF, besides statuses, tags and actors.
func TestFilterPickerShapesAndDates(t *testing.T) {
	s := exampleStore(t)
	retell(t, s, "khashoggi-killed", func(e *model.Event) { e.Tags = nil })
	d := newDriver(t, s, 120, 40)
	// A note on the first event, for the "with notes" filter.
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	d.keys("ctrl+s")

	d.keys("f")
	d.typeText("untagged")
	d.keys("enter")
	if q := d.query(); !q.Untagged || d.total() != 1 || d.selected() != "khashoggi-killed" {
		t.Errorf("untagged: query %+v, %d events, at %s", q, d.total(), d.selected())
	}
	if !strings.Contains(d.screen(), "filter: untagged") {
		t.Errorf("the filter bar does not say untagged:\n%s", d.screen())
	}
	d.keys("F", "f")
	d.typeText("notes")
	d.keys("enter")
	if q := d.query(); !q.Noted || d.total() != 1 || d.selected() != "nso-mobileum-call" {
		t.Errorf("with notes: query %+v, %d events, at %s", q, d.total(), d.selected())
	}
	d.keys("F", "f")
	d.typeText("2021")
	d.keys("enter")
	if q := d.query(); q.During.String() != "2021" {
		t.Errorf("during 2021: query %+v", q)
	}
	if !strings.Contains(d.screen(), "during 2021") {
		t.Errorf("the filter bar does not say during 2021")
	}
	// A date that is not one says why, rather than "nothing matches".
	d.keys("F", "f")
	d.typeText("2017-13")
	if !strings.Contains(d.screen(), "it is not a date") || !strings.Contains(d.screen(), "month 13 out of range") {
		t.Errorf("the picker does not say why 2017-13 is no date:\n%s", d.screen())
	}
}

// TestFilterPickerAddsTheRowOnAFilter: with a filter on, enter on the
// row typed for adds it to the filter, rather than applying the filter
// as it was.
func TestFilterPickerAddsTheRowOnAFilter(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("congr")
	d.keys("enter")
	if q := d.query(); !slices.Equal(q.Tags, []string{"congress"}) {
		t.Fatalf("#congress: query %+v", q)
	}
	d.keys("f")
	d.typeText("2021")
	d.keys("enter")
	if q := d.query(); !slices.Equal(q.Tags, []string{"congress"}) || q.During.String() != "2021" {
		t.Errorf("during 2021 on #congress: query %+v", q)
	}
	// Opened and left with enter, nothing typed or moved to, the picker
	// adds nothing.
	before := d.query()
	d.keys("f", "enter")
	if q := d.query(); !slices.Equal(q.Tags, before.Tags) || len(q.Statuses) != 0 || q.During != before.During {
		t.Errorf("f then enter changed the filter: %+v, was %+v", q, before)
	}
}

// The picker selects events by how others stand to them: disputed by
// another event is the call that NSO's denial disputes, though the call
// itself states no such link.
func TestFilterPickerLinks(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("f")
	d.typeText("disputed by")
	d.keys("enter")
	q := d.query()
	if !slices.Equal(q.Linked, []model.Rel{model.DisputedBy}) {
		t.Fatalf("query %+v, want the events disputed by another", q)
	}
	var want []string
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		in, err := s.IncomingLinks([]string{e.ID})
		if err != nil {
			t.Fatal(err)
		}
		if q.MatchesIn(&e, in[e.ID]) {
			want = append(want, e.ID)
		}
	}
	if len(want) == 0 || !slices.Contains(want, "nso-mobileum-call") {
		t.Fatalf("the example's disputed events are %q; the test needs the call among them", want)
	}
	if d.total() != len(want) || d.selected() != want[0] {
		t.Errorf("%d events, at %s; want %d (%q)", d.total(), d.selected(), len(want), want)
	}
	if !strings.Contains(d.screen(), "filter: disputed by another event") {
		t.Errorf("the filter bar does not say what it selects:\n%s", d.screen())
	}
}

// Events with notes carry a mark in the chronology.
func TestListMarksEventsWithNotes(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	before := rowOf(d.screen(), "NSO offers")
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	d.keys("ctrl+s")
	after := rowOf(d.screen(), "NSO offers")
	if !strings.Contains(after, noteSign) || strings.Contains(before, noteSign) {
		t.Errorf("the note mark: before %q, after %q", before, after)
	}
}

// countFailingStore cannot count the events linked by one kind of link.
type countFailingStore struct {
	model.Store
	rel model.Rel
}

func (s countFailingStore) Count(q model.Query) (int, error) {
	if slices.Contains(q.Linked, s.rel) {
		return 0, errors.New("the count failed")
	}
	return s.Store.Count(q)
}

// A kind of link the picker cannot count stays uncounted, and the kinds
// after it are counted still.
func TestFilterPickerCountsPastAFailure(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("f")
	p, ok := d.openDialog().(*picker)
	if !ok {
		t.Fatalf("f opened %T", d.openDialog())
	}
	var linked []pickerEntry
	for _, e := range p.entries {
		if e.shape == shapeLinked {
			linked = append(linked, e)
		}
	}
	if len(linked) < 2 || !linked[len(linked)-1].counted {
		t.Fatalf("the picker has %d kinds of link, the last counted %v: the test needs two, counted", len(linked), len(linked) > 0 && linked[len(linked)-1].counted)
	}
	d.keys("esc")

	d = newDriver(t, countFailingStore{Store: s, rel: linked[0].rel}, 120, 40)
	d.keys("f")
	p = d.openDialog().(*picker)
	for _, e := range p.entries {
		switch {
		case e.shape != shapeLinked:
		case e.rel == linked[0].rel && e.counted:
			t.Errorf("%s counted, though its count failed", e.rel)
		case e.rel != linked[0].rel && !e.counted:
			t.Errorf("%s not counted after %s's count failed", e.rel, linked[0].rel)
		}
	}
}

// The picker counts the events with no tags and those with notes, as it
// counts a tag's.
func TestFilterPickerCountsUntaggedAndNoted(t *testing.T) {
	s := exampleStore(t)
	setEvent(t, s, "fbi-tip", func(e *model.Event) { e.Tags = nil })
	d := newDriver(t, s, 120, 40)
	d.keys("a")
	d.typeText("Ask the FBI for the tip's log.")
	d.keys("ctrl+s", "f")
	p, ok := d.openDialog().(*picker)
	if !ok {
		t.Fatalf("f opened %T", d.openDialog())
	}
	want := map[string]int{shapeUntagged: 1, shapeNoted: 1}
	for _, e := range p.entries {
		if n, ok := want[e.shape]; ok && (!e.counted || e.count != n) {
			t.Errorf("%s: counted %v, %d; want %d", e.shape, e.counted, e.count, n)
		}
	}
	if !strings.Contains(d.screen(), "events 1  untagged") {
		t.Errorf("the picker does not show the count:\n%s", d.screen())
	}
}

// TestFilterBarKeepsTheSearch: at 80 columns, with several filters and a
// search, the filter bar shortens the filters and keeps the search and
// the keys that clear both readable.
func TestFilterBarKeepsTheSearch(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	bar := filterAndSearch(d, []string{"reported", "alleged", "disputed", "whistleblower", "context"}, "cash")
	for _, want := range []string{"filter: • report", "(F clears)", "search: /cash", "esc clears)"} {
		if !strings.Contains(bar, want) {
			t.Errorf("the filter bar %q does not say %q", bar, want)
		}
	}
}

// Every row of the picker says what it selects by: the sets worked out in
// the background (a chronology problem) are events, as untagged ones are.
func TestFilterPickerNamesEveryRowsKind(t *testing.T) {
	d := newDriver(t, placed{chronologyStore(t)}, 80, 24)
	d.keys("f")
	if !strings.Contains(d.screen(), problemSign+" "+shapeProblem) {
		t.Fatalf("the picker offers no events with a chronology problem:\n%s", d.screen())
	}
	for _, l := range strings.Split(d.screen(), "\n") {
		if rest, ok := strings.CutPrefix(l, "[ ] "); ok && strings.HasPrefix(rest, " ") {
			t.Errorf("a row names no kind: %q", l)
		}
	}
}

// TestFilterBarNamesNotAssessed: the picker narrows to the events not
// assessed by those words (it matched their empty status before), and
// the filter bar names the filter (it said nothing after "filter:").
func TestFilterBarNamesNotAssessed(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "Assessed", "status": "reported"},
  {"id": "b", "date": "2018", "title": "Not yet"}
]}`), 80, 24)
	d.keys("f")
	d.typeText("not assessed")
	d.keys("tab", "enter")
	if screen := d.screen(); !strings.Contains(screen, "filter: not assessed") {
		t.Errorf("the filter bar does not name the filter:\n%s", screen)
	}
}

// TestHeaderSaysNoPlaceWhileTheViewLoads: the count of a new view may
// come before its rows; until they do, the header does not pair the
// last view's place with the new view's count.
func TestHeaderSaysNoPlaceWhileTheViewLoads(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("G")
	b := d.browser()
	b.reset(b.query)
	b.tl.total = 2 // the count has come, the rows have not
	if header := b.headerView(80); !strings.Contains(header, "event … of 2") {
		t.Errorf("header while loading: %q", header)
	}
}

// TestRowsGreyedWhileTheViewLoads: until a new view's rows come, the
// last view's are shown greyed, so that they are not read as what the
// new filter matches; once they come, they are shown as rows again.
func TestRowsGreyedWhileTheViewLoads(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	b := d.browser()
	st := &b.ctx.styles
	greyed := func() (all, any bool) {
		all = true
		for _, l := range b.chronologyView(60) {
			if text := ansi.Strip(l); strings.TrimSpace(text) != "" {
				g := l == st.Muted.Render(text)
				all, any = all && g, any || g
			}
		}
		return all, any
	}
	if _, any := greyed(); any {
		t.Fatal("rows greyed before any new view was asked for")
	}
	b.reset(b.query)
	for _, axis := range []bool{false, true} {
		b.axis.on = axis
		if all, _ := greyed(); !all {
			t.Errorf("while the view loads, its rows are not all greyed (time axis: %v)", axis)
		}
	}
}

// TestAJumpThatFindsNothingAfterAFilterShowsTheFilteredRows: a jump
// asked before a new view's rows come is the last asked, so the view's
// own window is dropped when it comes; when the jump then finds nothing
// ("no event on or after 2999"), the view is read again, and the rows on
// screen are the filter's, not the last view's.
func TestAJumpThatFindsNothingAfterAFilterShowsTheFilteredRows(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	b := d.browser()
	// The filter's window never comes; a jump is asked after it.
	b.requery(model.Query{Statuses: []model.Status{model.Confirmed}})
	b.asked++
	d.run(b.gotWindow(windowMsg{gen: b.gen, seq: b.asked, err: errNoMove, note: "no event on or after 2999"}))
	if b.rowsOf != b.gen {
		t.Fatal("the filter's rows never came")
	}
	rows, _ := b.tl.visible()
	for _, r := range rows {
		if r.Event.Status != model.Confirmed {
			t.Errorf("row of %q (%s) on screen under a filter by confirmed", r.Event.ID, r.Event.Status)
		}
	}
	if !strings.Contains(d.screen(), "no event on or after 2999") {
		t.Errorf("the jump's note is not said:\n%s", d.screen())
	}
}

// TestFilterPickerEraseAll: ctrl+u erases what was typed at once, to
// narrow the table by another word, the rows chosen kept.
func TestFilterPickerEraseAll(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("confirm")
	d.keys("tab", "ctrl+u")
	d.typeText("context")
	d.keys("tab", "enter")
	q := d.query()
	if !slices.Contains(q.Statuses, model.Confirmed) || !slices.Contains(q.Tags, "context") {
		t.Errorf("query %+v, want confirmed and #context", q)
	}
}

// TestFilterPickerFindsATagAsShown: a tag typed as the picker shows it,
// with its #, finds it; "#ss7" found nothing, and was then read as a
// date that is not one.
func TestFilterPickerFindsATagAsShown(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("#ss7")
	d.keys("enter")
	if q := d.query(); len(q.Tags) != 1 || q.Tags[0] != "ss7" {
		t.Errorf("#ss7 typed in the picker: query %+v\n%s", q, d.screen())
	}
}

// TestFilterPickerTakesATagInAnyCase: "Key" and "key" are one tag, as
// chrono list takes them: the picker offers one row counting both, and
// the filter selects both events, naming the tag once. So for actors.
// Before, each spelling was a row of its own that found half.
func TestFilterPickerTakesATagInAnyCase(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "tags": ["Key"], "actors": ["Omri Lavie"]},
  {"id": "b", "date": "2018", "title": "B", "tags": ["key"], "actors": ["omri lavie"]},
  {"id": "c", "date": "2019", "title": "C", "tags": ["other"]}
]}`), 80, 24)
	for _, tt := range []struct{ typed, bar string }{{"key", "filter: #Key"}, {"omri", "filter: actor Omri Lavie"}} {
		d.keys("f")
		d.typeText(tt.typed)
		screen := d.screen()
		if rows := strings.Count(strings.ToLower(screen), tt.typed); rows != 1+1 { // the typed text and one row
			t.Errorf("%q typed: want one row for both spellings:\n%s", tt.typed, screen)
		}
		d.keys("enter")
		screen = d.screen()
		if !strings.Contains(screen, "event 1 of 2") || !strings.Contains(screen, tt.bar+" ") || strings.Contains(screen, " or ") {
			t.Errorf("%q chosen: want both events, the filter named once:\n%s", tt.typed, screen)
		}
		d.keys("F")
	}
}

// TestFilterBarNamesATagWithSpaces: the bar joins the tags chosen with
// "or", each written as the chronology shows it; a tag holding a space
// stays one, quoted. Before, the words inside it were joined too:
// #"suspicious or login".
func TestFilterBarNamesATagWithSpaces(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "tags": ["suspicious login"]},
  {"id": "b", "date": "2018", "title": "B", "tags": ["key"]},
  {"id": "c", "date": "2019", "title": "C", "tags": ["other"]}
]}`), 80, 24)
	d.keys("f")
	d.typeText("susp")
	d.keys("tab", "ctrl+u")
	d.typeText("key")
	d.keys("tab", "enter")
	screen := d.screen()
	if !strings.Contains(screen, `filter: #key or #"suspicious login" `) {
		t.Errorf("two tags chosen, one with a space: want them named as shown:\n%s", screen)
	}
}

// TestFilterPickerCountsAnEventOnceInEverySpelling: an event naming an
// actor two ways is one event of that actor's row, which counted it
// twice, adding the spellings' counts.
func TestFilterPickerCountsAnEventOnceInEverySpelling(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "actors": ["Omri Lavie", "omri lavie"]},
  {"id": "b", "date": "2018", "title": "B", "actors": ["Omri Lavie"]}
]}`), 80, 24)
	d.keys("f")
	d.typeText("omri")
	row := ""
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, "Omri Lavie") {
			row = l
		}
	}
	if !regexp.MustCompile(`\b2\b`).MatchString(row) || strings.Contains(row, "3") {
		t.Errorf("the actor's row: %q, want 2 events\n%s", row, d.screen())
	}
}

// TestFilterPickerTypesAnotherDate: with a date range on, a date typed in
// the picker takes its place, and enter applies it; typed away, the range
// the filter had comes back. Before, the old range stayed chosen and
// enter applied it again.
func TestFilterPickerTypesAnotherDate(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("2017")
	d.keys("enter", "f")
	d.typeText("2021")
	d.keys("enter")
	if q := d.query(); q.During.String() != "2021" {
		t.Errorf("2021 typed over 2017: query during %s\n%s", q.During, d.screen())
	}
	d.keys("f")
	d.typeText("2018")
	d.keys("backspace", "backspace", "backspace", "backspace")
	d.typeText("ss7")
	d.keys("enter")
	if q := d.query(); q.During.String() != "2021" || len(q.Tags) != 1 {
		t.Errorf("a date typed and typed away: query %+v, want during 2021 and #ss7", q)
	}
}

// TestGoToDeepTimeByItsLabel: : with chrono's label of deep time goes to
// the event it labels, dated as TimelineJS and EDTF write it; it went to
// the next event, the label read as the year a year later.
func TestGoToDeepTimeByItsLabel(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "before", "date": "Y-20000000000", "title": "Before"},
  {"id": "bang", "date": "Y-13800000000", "title": "The Big Bang"},
  {"id": "later", "date": "2000", "title": "Later"}
]}`), 80, 24)
	d.goTo("13.8 billion years ago")
	if d.selected() != "bang" {
		t.Errorf(": 13.8 billion years ago selected %s, want bang\n%s", d.selected(), d.screen())
	}
}

// TestFilterBarGivesALongSearchsKeysUp: at 80 columns, a search too long
// to leave the filters a few words gives up its keys, then its count, so
// that the filter is not cut to "filter: ✗ …" with the search's keys cut
// anyway. With nothing on screen, the header says only what is marked.
func TestFilterBarGivesALongSearchsKeysUp(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	bar := filterAndSearch(d, []string{"denied", "whistleblower", "context"}, "a search for something nobody wrote")
	if !strings.Contains(bar, "filter: ✗ denied") || !strings.Contains(bar, "search: /a search for something nobody wrote") || strings.Contains(bar, "…)") || strings.Contains(bar, "cle…") {
		t.Errorf("the filter bar %q", bar)
	}
	d.keys("esc", "F", "space", "f")
	d.typeText("1900")
	d.keys("enter")
	if header := strings.TrimSpace(strings.Split(d.screen(), "\n")[0]); !strings.HasSuffix(header, "1 marked") {
		t.Errorf("the header of an empty view with a mark: %q", header)
	}
}

// tagNamedLikeAYear is a store whose tag reads as a year where a date is
// typed in the picker.
const tagNamedLikeAYear = `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "tags": ["2021-leak"]},
  {"id": "b", "date": "2021", "title": "B", "tags": ["2021-leak"]}
]}`

// TestFilterPickerKeepsTheRangeADateTypedDidNotTake: with a date range
// on, what is typed reads as a date and names a tag too; the tag chosen,
// the range stands beside it. It was dropped.
func TestFilterPickerKeepsTheRangeADateTypedDidNotTake(t *testing.T) {
	d := newDriver(t, storeOf(t, tagNamedLikeAYear), 80, 24)
	d.keys("f")
	d.typeText("2017")
	d.keys("enter", "f")
	d.typeText("2021")
	d.keys("down", "enter")
	if q := d.query(); q.During.String() != "2017" || len(q.Tags) != 1 {
		t.Errorf("the tag chosen over a date typed: query during %s, tags %q; want 2017 and #2021-leak\n%s", q.During, q.Tags, d.screen())
	}
}

// TestFilterPickerKeepsARangeTurnedOff: a date range turned off with tab,
// then a date typed and not taken, stays off; it came back.
func TestFilterPickerKeepsARangeTurnedOff(t *testing.T) {
	d := newDriver(t, storeOf(t, tagNamedLikeAYear), 80, 24)
	d.keys("f")
	d.typeText("2017")
	d.keys("enter", "f", "tab") // the range's row, turned off
	d.typeText("2021")
	d.keys("down", "tab", "enter")
	if q := d.query(); !q.During.IsZero() || len(q.Tags) != 1 {
		t.Errorf("the range turned off, the tag chosen: query during %s, tags %q\n%s", q.During, q.Tags, d.screen())
	}
}

// filterAndSearch chooses each filter in the picker by what is typed for
// it, then searches, and returns the filter bar.
func filterAndSearch(d *driver, filters []string, search string) string {
	d.t.Helper()
	d.keys("f")
	for _, f := range filters {
		d.typeText(f)
		d.keys("tab")
		for range f {
			d.keys("backspace")
		}
	}
	d.keys("enter", "/")
	d.typeText(search)
	d.keys("enter")
	return strings.Split(d.screen(), "\n")[1]
}

// TestDateFilterFollowsTheZoneShown: a day to filter by is the day the
// rows show; shown in UTC (Z), a time written -04:00 late on the 14th is
// on the 15th, and the filter reads its events again.
func TestDateFilterFollowsTheZoneShown(t *testing.T) {
	s := storeOf(t, `{"chrono": 1, "events": [
  {"id": "evening", "date": "2017-08-14T20:30:00-04:00", "title": "An evening call, New York time"},
  {"id": "next-day", "date": "2017-08-15", "title": "The day after"}
]}`)
	d := newDriver(t, s, 120, 40)
	d.keys("f")
	d.typeText("15 Aug 2017")
	d.keys("tab", "enter")
	if n := d.total(); n != 1 {
		t.Fatalf("during 15 Aug 2017 as written: %d events, want 1", n)
	}
	d.keys("Z") // UTC
	if n := d.total(); n != 2 {
		t.Errorf("during 15 Aug 2017 shown in UTC: %d events, want 2", n)
	}
}

// TestFilterPickerOffersMovesOnlyAmongRows: ↑ and ↓ are offered while
// the picker shows rows to move among, not for one left.
func TestFilterPickerOffersMovesOnlyAmongRows(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	footer := func() string {
		lines := strings.Split(strings.TrimRight(d.screen(), "\n"), "\n")
		return lines[len(lines)-1]
	}
	if !strings.Contains(footer(), "↓ down") {
		t.Errorf("the picker's rows, footer %q; want ↓ offered", footer())
	}
	d.typeText("untagged")
	if f := footer(); strings.Contains(f, "↓ down") || strings.Contains(f, "↑ up") {
		t.Errorf("one row left, footer %q; want neither ↑ nor ↓", f)
	}
}

// TestTagFilterShowsItsTagFirst: under a filter by a tag, a row shows
// that tag first, whatever its place among the event's tags; without
// the filter, in their order.
func TestTagFilterShowsItsTagFirst(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	row := func() string {
		t.Helper()
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, "NSO offers Mobileum") {
				return l
			}
		}
		t.Fatalf("no row of the call:\n%s", d.screen())
		return ""
	}
	if r := row(); !strings.Contains(r, "#ss7") {
		t.Fatalf("unfiltered, the row's tags: %q; want #ss7 first", r)
	}
	d.filterBy("whistleblower")
	if r := row(); !strings.Contains(r, "#whistlebl") || strings.Contains(r, "#ss7") {
		t.Errorf("filtered by #whistleblower, the row: %q; want that tag first", r)
	}
}
