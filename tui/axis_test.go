package tui

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
	"chrono/store"
)

// TestAxisScreens compares the example on the time axis with
// testdata/TestAxisScreens/*.golden at 120×40 and 80×24: lanes by each
// grouping at two zooms (years, then months around the selected event),
// and in the styles a monochrome terminal (NO_COLOR) shows, where the
// solid, shaded and open bars and the cursor must read without colour.
func TestAxisScreens(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		to      string // then j until this event is selected, if any
		nocolor bool
	}{
		{"actor-years", []string{"v"}, "", false},
		{"actor-months", []string{"v", "+"}, "", false},
		{"tag-years", []string{"v", "b"}, "", false},
		{"tag-months", []string{"v", "b", "+"}, "", false},
		{"source-years", []string{"v", "b", "b"}, "", false},
		{"source-months", []string{"v", "b", "b", "+"}, "", false},
		{"status-years", []string{"v", "b", "b", "b"}, "", false},
		{"status-months", []string{"v", "b", "b", "b", "+"}, "", false},
		{"actor-years-nocolor", []string{"v"}, "miller-contacts-lieu", true},
		{"decades-bottom-nocolor", []string{"v", "-", "G"}, "", true},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			t.Run(tt.name+"-"+sizeName(size), func(t *testing.T) {
				d := newDriver(t, placed{exampleStore(t)}, size[0], size[1])
				d.keys(tt.keys...)
				if tt.to != "" {
					d.to(tt.to)
				}
				out := d.m.View().Content
				checkSize(t, out, size[0], size[1])
				if !tt.nocolor {
					golden.RequireEqual(t, d.screen())
					return
				}
				var b strings.Builder
				w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
				if _, err := w.WriteString(out); err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, b.String())
			})
		}
	}
}

// axisStore holds one event of each shape the axis draws: a day, a year,
// intervals open at either end, and an undated event.
func axisStore(t *testing.T) model.Store {
	t.Helper()
	return datedStore(t, []struct{ id, date string }{
		{"open-start", "../2019-02"}, {"day", "2019-03-05"}, {"year", "2019"},
		{"open-end", "2019-06/.."}, {"undated", ""},
	})
}

// datedStore holds an event of each date, titled "the ID event".
func datedStore(t *testing.T, dates []struct{ id, date string }) model.Store {
	t.Helper()
	tl := model.Timeline{Header: model.Header{Title: "Shapes"}}
	for _, e := range dates {
		ev := model.Event{ID: e.id, Title: "the " + e.id + " event", Actors: []string{"someone"}}
		if e.date != "" {
			ev.Date = model.MustParseDate(e.date)
		}
		tl.Events = append(tl.Events, ev)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "axis.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "axis", Read: func(sink model.Sink) error { return model.Feed(tl, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// axisLine is the line of the axis that draws an event's title (the
// chronology pane's part of it).
func axisLine(t *testing.T, d *driver, title string) string {
	t.Helper()
	for _, l := range strings.Split(d.screen(), "\n") {
		if l, _, _ = strings.Cut(l, "│"); strings.Contains(l, title) {
			return l
		}
	}
	t.Fatalf("no line shows %q:\n%s", title, d.screen())
	return ""
}

// cursorLine is the line the cursor is on.
func cursorLine(d *driver) string {
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.HasPrefix(l, "›") {
			return l
		}
	}
	return ""
}

// TestAxisBarsReadWithoutColour: a day is solid (a half block at the
// months of the years zoom), a year shaded over its months, open ends
// arrows at the edges, and an undated event says so; each by its sign,
// not its colour.
func TestAxisBarsReadWithoutColour(t *testing.T) {
	d := newDriver(t, axisStore(t), 120, 30)
	d.keys("v")
	if l := axisLine(t, d, "the day event"); !strings.ContainsAny(l, barLeft+barRight+barSolid) || strings.Contains(l, barShade) {
		t.Errorf("a day at the years zoom is not a solid half block:\n%s", l)
	}
	if l := axisLine(t, d, "the year event"); strings.Count(l, barShade) < 10 || strings.ContainsAny(l, barSolid+barLeft+barRight) {
		t.Errorf("a year at the years zoom is not shaded over its months:\n%s", l)
	}
	if l := axisLine(t, d, "the open-e"); !strings.Contains(l, barOpenOn) {
		t.Errorf("an open end is not an arrow:\n%s", l)
	}
	if l := axisLine(t, d, "the open-start event"); !strings.Contains(l, barOpenPast) {
		t.Errorf("an open start is not an arrow:\n%s", l)
	}
	if l := axisLine(t, d, "the undated event"); !strings.Contains(l, "undated") {
		t.Errorf("an undated event does not say so:\n%s", l)
	}
	// At the decades zoom a year is one cell, known to the cell: solid.
	d.keys("-")
	if l := axisLine(t, d, "the year event"); strings.Contains(l, barShade) {
		t.Errorf("a year at the decades zoom is shaded:\n%s", l)
	}
}

// TestAxisKeepsTheSelection: the cursor moves among events as in the
// list, the sources pane follows it, and the list takes the selection
// back.
func TestAxisKeepsTheSelection(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("v", "j", "j", "j")
	want := d.selected()
	if want == "" || d.sources().id() != want {
		t.Fatalf("on the axis the sources show %q, the cursor is on %q", d.sources().id(), want)
	}
	row, _ := d.browser().tl.selected()
	if l := cursorLine(d); !strings.Contains(l, row.Event.Title[:15]) {
		t.Errorf("the cursor is not on %s:\n%s", want, l)
	}
	d.keys("v")
	if d.selected() != want || d.browser().axis.on {
		t.Errorf("back on the list: selected %q, want %q", d.selected(), want)
	}
	if l := cursorLine(d); !strings.Contains(l, row.Event.Title[:15]) {
		t.Errorf("the list lost the cursor:\n%s", l)
	}
}

// TestAxisZoomAndLanes: the zoom goes from ten billion years a label to
// hours and says
// when it can go no further; the lanes cycle; neither key acts on the
// list.
func TestAxisZoomAndLanes(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("+", "b")
	if a := d.browser().axis; a.zoom != zoomYears || a.lanes != lanesByActor {
		t.Errorf("the list took the axis's keys: zoom %v, lanes %v", a.zoom, a.lanes)
	}
	d.keys("v", "-")
	if z := d.browser().axis.zoom; z != zoomDecades {
		t.Errorf("zoom out from years: %v", z)
	}
	for range wideZooms {
		d.keys("-")
	}
	if z := d.browser().axis.zoom; z != 0 || d.status() != "" {
		t.Errorf("zoom out from decades to the widest: %v, %q", z, d.status())
	}
	d.keys("-")
	if !strings.Contains(d.status(), "widest: 10 billion years") {
		t.Errorf("zoom out from the widest says %q", d.status())
	}
	for range zoomCount {
		d.keys("+")
	}
	if z := d.browser().axis.zoom; z != zoomHours || !strings.Contains(d.status(), "closest") {
		t.Errorf("zoom in to the end: %v, %q", z, d.status())
	}
	var seen []laneKind
	for range 4 {
		d.keys("b")
		seen = append(seen, d.browser().axis.lanes)
	}
	if !reflect.DeepEqual(seen, []laneKind{lanesByTag, lanesBySource, lanesByStatus, lanesByActor}) {
		t.Errorf("lanes cycle %v", seen)
	}
}

// TestAxisFilterAndClick: a filter narrows the axis as it does the
// list, and a click selects the event drawn on the line clicked, though
// the lanes put the rows out of timeline order.
func TestAxisFilterAndClick(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("cong")
	d.keys("enter", "v")
	screen := d.screen()
	if strings.Contains(screen, "Apple sues") || !strings.Contains(screen, "criminal referral") {
		t.Errorf("the filter does not narrow the axis:\n%s", screen)
	}
	d.keys("F")
	// Lanes by actor: the second line is NSO's denial, grouped under
	// NSO Group with the first event, though it comes late in time.
	b := d.browser()
	rows, first := b.tl.visible()
	order, _ := b.axis.lanes.laneOrder(rows)
	want := rows[order[1]].Event.ID
	if order[1] == 1 {
		t.Fatal("the example's lanes by actor do not reorder the rows")
	}
	_ = first
	d.send(tea.MouseClickMsg{X: 10, Y: b.paneTop() + 1 + 1, Button: tea.MouseLeft})
	if got := d.selected(); got != want {
		t.Errorf("click on the second line selected %s, want %s", got, want)
	}
}

// BenchmarkAxisKeys measures each movement and zoom key on the time
// axis, from the middle of the timeline: Update, the commands it makes,
// and the View after.
func BenchmarkAxisKeys(b *testing.B) {
	keys := []string{"j", "k", "pgdown", "pgup", "G", "g", "+", "-", "b"}
	for _, n := range benchSizes {
		for _, k := range keys {
			b.Run(fmt.Sprintf("events=%d/key=%s", n, k), func(b *testing.B) {
				d := benchDriver(b, benchStore(b, n))
				d.goTo("2008")
				d.keys("v")
				in := true
				for b.Loop() {
					press := k
					// The zoom goes in and out in turn, so that every
					// press changes it.
					if k == "+" || k == "-" {
						if in {
							press = "+"
						} else {
							press = "-"
						}
						in = !in
					}
					if press == "+" || press == "-" || press == "b" {
						d.keys(press)
						_ = d.m.View()
						continue
					}
					pressMoving(b, d, "2008", []string{press})
				}
			})
		}
	}
}

// TestAxisKeepsWhereAnEventOffItIs: an event after the axis says where
// it is with an arrow; a long title is shortened so that the date and
// the arrow stay whole at 80 columns.
func TestAxisKeepsWhereAnEventOffItIs(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("v", "+", "+") // days, around Aug 2017
	for _, want := range []string{"1 Feb 2022 →", "2 Oct 2018 →", "23 Nov 2021 →"} {
		if !strings.Contains(d.screen(), want) {
			t.Errorf("no %q on the axis:\n%s", want, d.screen())
		}
	}
}

// TestAxisKeepsAnOpenStartUnderTheTitle: a bar open at its start that
// runs past both edges has its title over its start, and still begins
// with the arrow that says it runs on from before any date (or, its
// start not known, the question mark); without it, "until 2021" reads as
// a span that starts where the axis does.
func TestAxisKeepsAnOpenStartUnderTheTitle(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{
		{"early", "2001-06"}, {"open-start", "../2021"}, {"unknown-start", "/2021"},
	})
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		d := newDriver(t, s, size[0], size[1])
		d.keys("v") // the axis around June 2001; both bars run past 2021
		for _, c := range []struct{ title, start string }{{"the open-start event", barOpenPast}, {"the unknown-start event", barUnknown}} {
			l := axisLine(t, d, c.title)
			if !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(l, "›")), c.start+" "+c.title) {
				t.Errorf("%s: the bar does not begin with %s under its title at %dx%d:\n%s", c.title, c.start, size[0], size[1], l)
			}
		}
	}
}

// TestAxisWithNoEventsInView: a filter that leaves no events leaves the
// axis no scale to draw (it named years around year 0) and the same word
// as the list on how to clear the filters.
func TestAxisWithNoEventsInView(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("f")
	d.typeText("1990")
	d.keys("enter", "v")
	screen := d.screen()
	if !strings.Contains(screen, "no events match the filters · F clears them") {
		t.Errorf("the empty axis does not say how to clear the filters:\n%s", screen)
	}
	if strings.Contains(screen, "BCE") || strings.Contains(screen, "·") && strings.Contains(screen, " 1 ") {
		t.Errorf("the empty axis draws a scale:\n%s", screen)
	}
}

// TestAxisBarsCutByTheEdge: a bar that begins before the axis or ends
// after it has a hollow arrow at that edge, so that it does not read as
// beginning or ending there; an end on the axis has none, and an open
// end keeps its own arrow.
func TestAxisBarsCutByTheEdge(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{
		{"from-2017", "2017-08/2021-06"}, {"point", "2019-03"}, {"to-2030", "2019-01/2030"},
		{"inside", "2019-06/2020-06"}, {"open", "2016/.."},
	})
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		d := newDriver(t, s, size[0], size[1])
		d.keys("v")
		d.to("point")
		for _, tt := range []struct {
			title       string
			want, never string
		}{
			{"the from-2017", barPastEdge, barOnEdge + barOpenPast},
			{"the to-2030", barOnEdge, barPastEdge + barOpenOn},
			{"the inside event", "", barPastEdge + barOnEdge},
			{"the open event", barOpenOn, barOnEdge},
		} {
			l := axisLine(t, d, tt.title)
			if !strings.Contains(l, tt.want) || strings.ContainsAny(l, tt.never) {
				t.Errorf("%s at %dx%d: want %q and none of %q:\n%s", tt.title, size[0], size[1], tt.want, tt.never, l)
			}
		}
	}
}

// TestAxisShadesAnIntervalWiderThanACell: "Aug 2017 – 2021" is somewhere
// between its ends, so at the decades zoom, where both ends are known to
// a cell, it is still shaded over its years, not solid as if known; an
// interval within one cell is solid.
func TestAxisShadesAnIntervalWiderThanACell(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{
		{"between", "2017-08/2021"}, {"week", "2017-08-14/2017-08-20"}, {"pin", "2019-03-05"},
	})
	d := newDriver(t, s, 80, 24)
	d.keys("v", "-") // decades: a cell is a year
	if l := axisLine(t, d, "the between event"); strings.ContainsAny(l, barSolid+barLeft+barRight) || !strings.Contains(l, barShade) {
		t.Errorf("an interval over five years is solid at the decades zoom:\n%s", l)
	}
	d.keys("+") // years: a cell is a month
	if l := axisLine(t, d, "the week event"); !strings.ContainsAny(l, barSolid+barLeft+barRight) || strings.Contains(l, barShade) {
		t.Errorf("an interval within a month is not solid at the years zoom:\n%s", l)
	}
}

// TestAxisInHoursSaysTheDay: an axis in hours names its hours, and its
// first label with room for it the day and year as well: otherwise only
// a midnight on screen would say which day the hours are of.
func TestAxisInHoursSaysTheDay(t *testing.T) {
	d := newDriver(t, placed{exampleStore(t)}, 120, 40)
	d.keys("v", "+", "+", "+")
	if !strings.Contains(d.screen(), "time axis in hours") {
		t.Fatalf("not in hours:\n%s", d.screen())
	}
	if !regexp.MustCompile(`\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d`).MatchString(d.screen()) {
		t.Errorf("no label names the day and year:\n%s", d.screen())
	}
}

// TestAxisUnknownEndsAreNotOpen: an end not known ("/2019", "2018/") is
// drawn as a dotted end, where an open one ("../2019", "2018/..") is an
// arrow: the README tells the two apart, and the arrows said both were
// open. Not as a question mark, which an alleged event's row shows.
func TestAxisUnknownEndsAreNotOpen(t *testing.T) {
	d := newDriver(t, datedStore(t, []struct{ id, date string }{
		{"open-start", "../2019"}, {"unknown-start", "/2019"}, {"open-end", "2018/.."}, {"unknown-end", "2018/"},
	}), 120, 30)
	d.keys("v")
	for _, tt := range []struct{ title, want, not string }{
		{"the open-start", barOpenPast, barUnknown},
		{"the unknown-start", barUnknown, barOpenPast},
		{"the open-end", barOpenOn, barUnknown},
		{"the unknown-end", barUnknown, barOpenOn},
	} {
		if l := axisLine(t, d, tt.title); !strings.Contains(l, tt.want) || strings.Contains(l, tt.not) || strings.Contains(l, "?") {
			t.Errorf("%s: want %s, not %s nor ?:\n%s", tt.title, tt.want, tt.not, l)
		}
	}
}

// TestAxisOpenedOnAnUndatedEvent: the axis opened with an undated event
// selected shows the dated events nearest it, not the years around year
// 0 (it showed 1 BCE to 4 CE, every event off it).
func TestAxisOpenedOnAnUndatedEvent(t *testing.T) {
	d := newDriver(t, datedStore(t, []struct{ id, date string }{
		{"first", "2017-08"}, {"second", "2021"}, {"undated", ""},
	}), 100, 24)
	d.keys("G", "v")
	if d.selected() != "undated" {
		t.Fatalf("on %s, want the undated event", d.selected())
	}
	if screen := d.screen(); strings.Contains(screen, "BCE") || !strings.Contains(axisLine(t, d, "the second event"), barShade) {
		t.Errorf("the axis is not around the dated events:\n%s", screen)
	}
}

// TestAxisDrawsTheSpanLinksNarrow: an undated event that precedes a
// dated one is no later than it, as the sources pane says; the axis
// said only "undated". It draws the span the links narrow it to, its
// unknown start marked so.
func TestAxisDrawsTheSpanLinksNarrow(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{{"early", "2016"}, {"dated", "2018-10-02"}, {"before", ""}})
	if _, _, err := (model.AddLink{From: "before", Rel: model.Precedes, To: "dated"}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 120, 30)
	d.keys("v")
	l := axisLine(t, d, "the before event")
	if strings.Contains(l, "undated") || !strings.Contains(l, barUnknown) || !strings.Contains(l, barShade) {
		t.Errorf("the undated event a link bounds is not drawn to its bound:\n%s", d.screen())
	}
}

// TestAxisPointsToTheSpanLinksNarrow: an undated event a link bounds,
// off the axis, points to its bound; it said "← undated", as if the
// links told nothing of where it is.
func TestAxisPointsToTheSpanLinksNarrow(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{
		{"old", "1990-03-04"}, {"early", "2016"}, {"dated", "2018-10-02"}, {"late", "2040-01-05"}, {"before", ""}, {"after", ""},
	})
	for _, l := range []model.AddLink{{From: "before", Rel: model.Precedes, To: "old"}, {From: "after", Rel: model.Follows, To: "late"}} {
		if _, _, err := l.Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, s, 120, 30)
	d.keys("v")
	for range 6 {
		if d.selected() == "dated" {
			break
		}
		d.keys("j")
	}
	if d.selected() != "dated" {
		t.Fatalf("on %s, want the dated event", d.selected())
	}
	l := axisLine(t, d, "the before event")
	if strings.Contains(l, "undated") || !strings.Contains(l, "← by 4 Mar 1990") {
		t.Errorf("the undated event a link bounds does not point to its bound:\n%s", d.screen())
	}
	if l := axisLine(t, d, "the after event"); strings.Contains(l, "undated") || !strings.Contains(l, "from 5 Jan 2040 →") {
		t.Errorf("the undated event a link bounds after the axis does not point to its bound:\n%s", d.screen())
	}
}

// TestAxisDrawsTheDateWhereLinksCannotHold: chains of links that the
// dates cannot hold (April 1991 said to precede, through an undated
// event, an event of about 1990; 3 May 1990 said to follow, through
// another, an event of about 2018) narrow no span: what is left ends
// before it begins. Approximate dates are not surely contradicted, so
// the order keeps such chains. The axis drew such an event at where
// that span begins, the event of 1990 in April 1991, and pointed the
// other off the axis ("3 May 1990 →") though 1990 is on it; it draws
// each at its own date, as the list dates it.
func TestAxisDrawsTheDateWhereLinksCannotHold(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{
		{"march", "1990-03"}, {"late", "1991-04"}, {"year", "1990~"}, {"may", "1990-05-03"}, {"future", "2018-01~"}, {"between", ""}, {"after", ""},
	})
	for _, l := range []model.AddLink{
		{From: "late", Rel: model.Precedes, To: "between"}, {From: "between", Rel: model.Precedes, To: "year"},
		{From: "may", Rel: model.Follows, To: "after"}, {From: "after", Rel: model.Follows, To: "future"},
	} {
		if _, _, err := l.Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, s, 80, 24)
	d.keys("v")
	if d.selected() != "march" {
		t.Fatalf("on %s, want the march event", d.selected())
	}
	barAt := func(title string) int {
		l := axisLine(t, d, title)
		return ansi.StringWidth(l[:strings.IndexAny(l, barSolid+barLeft+barRight+barShade)])
	}
	if year, march := barAt("the year event"), barAt("the march event"); year > march {
		t.Errorf("the event of 1990 is drawn from cell %d, after March 1990's %d:\n%s", year, march, d.screen())
	}
	if l := axisLine(t, d, "the may event"); strings.Contains(l, "→") || !strings.ContainsAny(l, barSolid+barLeft+barRight) {
		t.Errorf("the event of 3 May 1990 is not drawn on an axis that shows 1990:\n%s", d.screen())
	}
	golden.RequireEqual(t, d.screen())
}

// TestAxisLaneOfEveryCase: an actor or tag written in two cases is one
// lane, as it is one filter; before, "Omri Lavie" and "omri lavie" were
// two lanes.
func TestAxisLaneOfEveryCase(t *testing.T) {
	rows := []model.Row{
		{Event: model.Event{ID: "a", Actors: []string{"Omri Lavie"}}},
		{Event: model.Event{ID: "b", Actors: []string{"Gary Miller"}}},
		{Event: model.Event{ID: "c", Actors: []string{"omri lavie"}}},
	}
	order, lanes := lanesByActor.laneOrder(rows)
	if !reflect.DeepEqual(lanes, []string{"Omri Lavie", "Gary Miller"}) || !reflect.DeepEqual(order, []int{0, 2, 1}) {
		t.Errorf("lanes %q, order %v; want Omri Lavie's two events on one lane", lanes, order)
	}
}

// TestAxisNamesALaneOnce: the lane of an actor written in two cases is
// named once on the axis; its label was drawn again at the event that
// spells it otherwise.
func TestAxisNamesALaneOnce(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "actors": ["Omri Lavie"]},
  {"id": "c", "date": "2019", "title": "C", "actors": ["omri lavie"]}
]}`), 120, 30)
	d.keys("v")
	n := 0
	for l := range strings.SplitSeq(d.screen(), "\n") {
		axis, _, _ := strings.Cut(l, "│") // the chronology pane, not the sources
		n += strings.Count(strings.ToLower(axis), "omri lavie")
	}
	if n != 1 {
		t.Errorf("the lane is named %d times:\n%s", n, d.screen())
	}
}

// TestAxisHelpSaysWhereVGoes: on the axis, the help said v opens the
// time axis, where it goes back to the list.
func TestAxisHelpSaysWhereVGoes(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	d.keys("?")
	if help := d.screen(); !regexp.MustCompile(`v +time axis`).MatchString(help) {
		t.Errorf("on the list, the help does not say v shows the time axis:\n%s", help)
	}
	d.keys("esc", "v", "?")
	if help := d.screen(); !regexp.MustCompile(`v +back to the list`).MatchString(help) || regexp.MustCompile(`v +time axis`).MatchString(help) {
		t.Errorf("on the axis, the help does not say v goes back to the list:\n%s", help)
	}
}

// TestAxisDeepTimeScreens compares a cosmology's first events on the
// time axis with testdata/TestAxisDeepTimeScreens/*.golden: its scale
// names deep time as years ago at every zoom, as the rows' dates do,
// not 13,800,000,002 BCE beside 13.8 billion years ago.
func TestAxisDeepTimeScreens(t *testing.T) {
	dates := []struct{ id, date string }{
		{"big-bang", "Y-13800000000"}, {"earth", "Y-4500000000"}, {"dinosaurs", "Y-65000000"},
		{"ice-age", "-9999"}, {"magna-carta", "1215-06-15"}, {"moon", "1969-07-20"},
	}
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"years", []string{"v"}},
		{"centuries", []string{"v", "-", "-"}},
	} {
		for _, size := range [][2]int{{160, 45}, {80, 24}} {
			t.Run(tt.name+"-"+sizeName(size), func(t *testing.T) {
				d := newDriver(t, placed{datedStore(t, dates)}, size[0], size[1])
				d.keys(tt.keys...)
				checkSize(t, d.m.View().Content, size[0], size[1])
				golden.RequireEqual(t, d.screen())
			})
		}
	}
}
