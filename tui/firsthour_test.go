package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
)

// storeOf is a store holding the events of a chrono JSON document.
func storeOf(t testing.TB, doc string) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in := model.Input{Name: "events.json", Read: func(sink model.Sink) error { return native.Read(strings.NewReader(doc), sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// instants holds two events at the same minute but not the same instant,
// one with an offset, and one of a year whose month and day are unknown.
const instants = `{"chrono": 1, "title": "Instants", "events": [
 {"id": "utc", "date": "2020-03-04T15:04:05Z", "title": "Said in UTC, with a title long enough to be shortened before the date is"},
 {"id": "offset", "date": "2020-03-04T15:04:05+02:00", "title": "Said with an offset, with a title long enough to be shortened before the date is"},
 {"id": "year", "date": "2023-XX-XX", "title": "Some time in 2023"}
]}`

// The date is the point of a timeline: the column is as wide as the
// widest date on screen, and titles give way first.
func TestDateColumnFitsTheWidestDate(t *testing.T) {
	for _, w := range []int{80, 60} {
		d := newDriver(t, storeOf(t, instants), w, 24)
		screen := d.screen()
		for _, label := range []string{"4 Mar 2020 15:04:05 UTC", "4 Mar 2020 15:04:05 +02:00", "2023 (month and day unknown)"} {
			if !strings.Contains(screen, label) {
				t.Errorf("at %d columns, no %q on screen:\n%s", w, label, screen)
			}
		}
	}
}

// A screen narrowed with the sources pane focused shows the sources, so
// that j and k move what is on screen; widened again, the pane keeps the
// keys.
func TestResizeKeepsTheFocusedPaneOnScreen(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("tab")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if !strings.Contains(d.screen(), "Sources") {
		t.Fatalf("narrowed with the sources focused, the screen shows no sources:\n%s", d.screen())
	}
	before := d.screen()
	d.keys("j")
	if d.screen() == before {
		t.Errorf("j changed nothing on screen:\n%s", before)
	}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if d.focus() != focusDetail {
		t.Error("widened again, the sources pane lost the keys")
	}
}

// On a narrow screen, tab switches between the chronology and the
// sources as it does between the panes of a wide one.
func TestNarrowTab(t *testing.T) {
	d := newDriver(t, exampleStore(t), 60, 20)
	d.keys("tab")
	if !d.zoomed() {
		t.Fatal("tab on a narrow screen did not show the sources")
	}
	// The first quote begins below the screen: j brings it on and
	// selects it.
	d.keys("j")
	if it, ok := d.sources().item(); d.selected() != order[0] || !ok || it.quote != 0 {
		t.Errorf("j after tab: selected %s, item %+v, %v; want the first quote of %s on screen", d.selected(), it, ok, order[0])
	}
	d.keys("tab")
	if d.zoomed() || d.focus() != focusList {
		t.Error("tab again did not return to the chronology")
	}
	d.keys("j")
	if d.selected() != order[1] {
		t.Errorf("j in the chronology selected %s", d.selected())
	}
}

// years is a store with an event in each of n years from 1901, titled
// "event 1" and on.
func years(t testing.TB, n int) model.Store {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"chrono": 1, "title": "Years", "events": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "e%d", "date": "%d", "title": "event %d"}`, i+1, 1901+i, i+1)
	}
	b.WriteString("]}")
	return storeOf(t, b.String())
}

// firstRow is the title of the chronology's first row on screen.
func firstRow(d *driver) string {
	rows, _ := d.browser().tl.visible()
	if len(rows) == 0 {
		return ""
	}
	return rows[0].Event.Title
}

// pgdown and pgup page the view, as less, vim and k9s do: the cursor
// keeps its line on the screen, and the rows move by a page.
func TestPageKeysPageTheView(t *testing.T) {
	d := newDriver(t, years(t, 200), 80, 24)
	h := d.browser().tl.height
	for _, k := range []string{"pgdown", "ctrl+f"} {
		d.keys("g", "j", "j")
		d.keys(k)
		if got, want := firstRow(d), fmt.Sprintf("event %d", h+1); got != want {
			t.Errorf("%s: the first row is %q, want %q", k, got, want)
		}
		if got, want := d.selected(), fmt.Sprintf("e%d", h+3); got != want {
			t.Errorf("%s: selected %s, want %s (the same line on screen)", k, got, want)
		}
	}
	for _, k := range []string{"pgup", "ctrl+b"} {
		d.keys("g", "j", "j", "pgdown", "pgdown", k)
		if got, want := firstRow(d), fmt.Sprintf("event %d", h+1); got != want {
			t.Errorf("%s: the first row is %q, want %q", k, got, want)
		}
		if got, want := d.selected(), fmt.Sprintf("e%d", h+3); got != want {
			t.Errorf("%s: selected %s, want %s (the same line on screen)", k, got, want)
		}
	}
	// At the end, a page goes as far as there is.
	d.keys("G", "pgdown")
	if got := d.selected(); got != "e200" {
		t.Errorf("pgdown at the end selected %s", got)
	}
}

// ] on the last year says so, as [ on the first does; a date after the
// last event says that nothing is on or after it, and stays.
func TestNoMoveSaysSo(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("[")
	if !strings.Contains(d.status(), "no earlier year") {
		t.Errorf("[ on the first year: status %q", d.status())
	}
	d.keys("G", "]")
	if got := d.selected(); got != "post-publishes" || !strings.Contains(d.status(), "no later year") {
		t.Errorf("] on the last year: selected %s, status %q", got, d.status())
	}
	d.keys("g")
	d.goTo("2030")
	if got := d.selected(); got != order[0] || !strings.Contains(d.status(), "no event on or after 2030") {
		t.Errorf(":2030 selected %s, status %q; want it to stay and say so", got, d.status())
	}
	d.goTo("2022-03")
	if got := d.selected(); got != order[0] || !strings.Contains(d.status(), "no event on or after Mar 2022") {
		t.Errorf(":2022-03 selected %s, status %q; want it to stay and say so", got, d.status())
	}
}

// Undated events come after every year, yet belong to none: ] from the
// last year does not go among them, nor does a date after the last
// event, and [ from one of them goes back to the last year that has
// events, as from a day after it.
func TestYearsEndBeforeTheUndated(t *testing.T) {
	s := datedStore(t, []struct{ id, date string }{{"early", "2019-03-05"}, {"late", "2020"}, {"undated", ""}})
	d := newDriver(t, s, 120, 40)
	d.keys("G", "[")
	if got := d.selected(); got != "late" {
		t.Errorf("[ on an undated event selected %s (status %q); want late, the first of 2020", got, d.status())
	}
	d.keys("]")
	if got := d.selected(); got != "late" || !strings.Contains(d.status(), "no later year") {
		t.Errorf("] on the last year selected %s, status %q; want it to stay on late and say so", got, d.status())
	}
	d.keys("g")
	d.goTo("2030")
	if got := d.selected(); got != "early" || !strings.Contains(d.status(), "no event on or after 2030") {
		t.Errorf(":2030 selected %s, status %q; want it to stay and say so", got, d.status())
	}

	// An event with no end is not over by 2030; [ from it goes back a
	// year as from an undated one.
	s = datedStore(t, []struct{ id, date string }{{"early", "2019-03-05"}, {"late", "2020"}, {"open-end", "2019-06/.."}, {"undated", ""}})
	d = newDriver(t, s, 120, 40)
	d.goTo("2030")
	if got := d.selected(); got != "open-end" {
		t.Errorf(":2030 selected %s (status %q); want open-end, not over by then", got, d.status())
	}
	d.keys("[")
	if got := d.selected(); got != "late" {
		t.Errorf("[ on an event with no end selected %s (status %q); want late", got, d.status())
	}
}

// rulerLine is the ruler's line on the browser's screen (under the
// header, and the filter line when filtered).
func rulerLine(d *driver) string {
	lines := strings.Split(d.screen(), "\n")
	if d.browser().lay.filterBar {
		return lines[2]
	}
	return lines[1]
}

// The ruler's labels say where the span starts and ends, to the month.
func TestRulerLabels(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	r := rulerLine(d)
	if !strings.HasPrefix(r, "Aug 2017 ") || !strings.HasSuffix(strings.TrimRight(r, " "), " Feb 2022") {
		t.Errorf("the ruler reads %q; want it from Aug 2017 to Feb 2022", r)
	}
}

// The ruler marks the whole span of the selected event: Aug 2017 – 2021
// is marked from August 2017 to the end of 2021, 2021 only over 2021.
func TestRulerMarksTheSpan(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	cases := []struct {
		id       string
		from, to string
	}{
		{"fbi-tip", "Aug 2017", "Dec 2021"},              // 2017-08/2021
		{"miller-contacts-lieu", "Jan 2021", "Dec 2021"}, // 2021
		{"khashoggi-killed", "Oct 2018", "Oct 2018"},     // 2018-10-02
	}
	for _, c := range cases {
		d.keys("g")
		d.to(c.id)
		b := d.browser()
		row, _ := b.tl.selected()
		bk, ok := b.ruler.buckets(100)
		if !ok {
			t.Fatal("no buckets")
		}
		lo, hi := b.ruler.marked(bk, row.Event.Date.SpanShown(b.ctx.zone))
		from, to := bucketMonths(bk, lo), bucketMonths(bk, hi)
		if from != c.from || to != c.to {
			t.Errorf("%s: the ruler marks %s to %s, want %s to %s", row.Event.ID, from, to, c.from, c.to)
		}
	}
}

// bucketMonths names the month a bucket of months starts (when months
// are the buckets); the last month of the bucket when it spans years.
func bucketMonths(b bucketing, i int) string {
	if i < 0 {
		return "none"
	}
	m := b.first + int64(i*b.months)
	if b.months > 1 {
		m += int64(b.months - 1)
	}
	return model.MonthLabel(floorDiv(m, 12), int(m-floorDiv(m, 12)*12)+1)
}

// Under a filter the ruler shows where the filtered events fall on the
// whole investigation's span, not one period stretched over every cell.
func TestRulerUnderAFilter(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("f")
	d.typeText("cong")
	d.keys("enter")
	r := rulerLine(d)
	if !strings.HasPrefix(r, "Aug 2017 ") || !strings.Contains(r, "·") {
		t.Errorf("filtered, the ruler reads %q; want the investigation's span with the filtered events' density", r)
	}
}

// ctrl+z suspends chrono as it does any terminal program; on resuming
// the screen is as it was.
func TestSuspend(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("j")
	before := d.screen()
	_, cmd := d.m.Update(keyPress("ctrl+z"))
	if !slices.ContainsFunc(messages(cmd), func(m tea.Msg) bool { _, ok := m.(tea.SuspendMsg); return ok }) {
		t.Fatal("ctrl+z did not suspend")
	}
	d.send(tea.ResumeMsg{})
	if d.screen() != before || d.quit {
		t.Errorf("after resuming the screen is\n%s\nwant\n%s", d.screen(), before)
	}
}

// h and l, ← and →, move between the panes, as in lazygit and vim
// windows; on a narrow screen, into and out of the full-screen sources.
func TestPaneKeys(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	for _, k := range [][2]string{{"l", "h"}, {"right", "left"}} {
		d.keys(k[0])
		if d.focus() != focusDetail {
			t.Errorf("%s did not focus the sources pane", k[0])
		}
		d.keys(k[1])
		if d.focus() != focusList {
			t.Errorf("%s did not focus the chronology", k[1])
		}
	}
	d = newDriver(t, exampleStore(t), 60, 20)
	d.keys("l")
	if !d.zoomed() {
		t.Error("l on a narrow screen did not show the sources")
	}
	d.keys("h")
	if d.zoomed() {
		t.Error("h on a narrow screen did not return to the chronology")
	}
}

// A click on a link in the sources pane selects it; a double click
// follows it.
func TestClickOnALink(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	p := d.sources()
	row := -1
	for r := range p.height {
		if i, ok := p.itemAt(r); ok && i >= p.blocks.quotes && i < p.blocks.quotes+p.blocks.links {
			row = r
			break
		}
	}
	if row < 0 {
		t.Fatal("the first event shows no link on screen")
	}
	// The pane's lines start under the header, the ruler and its title.
	x, y := d.listW()+5, 3+row
	d.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if r, ok := p.link(); !ok || r.Event != "nso-denial" {
		t.Fatalf("a click on the link selected item %d (%+v)", p.sel, r)
	}
	if d.focus() != focusDetail || d.selected() != order[0] {
		t.Errorf("after the click: focus %v, selected %s", d.focus(), d.selected())
	}
	d.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if got := d.selected(); got != "nso-denial" {
		t.Errorf("a double click on the link selected %s, want nso-denial", got)
	}
}
