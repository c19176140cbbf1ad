package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// turnsDoc has three events its rows show in August 2017, one of them a
// late call whose instant is in September in UTC, two in September and
// one in October.
const turnsDoc = `{"chrono": 1, "title": "Turns", "events": [
 {"id": "aug-10", "date": "2017-08-10", "title": "Early August"},
 {"id": "aug-20", "date": "2017-08-20", "title": "Late August"},
 {"id": "late-call", "date": "2017-08-31T22:00:00-04:00", "title": "A late call, New York time"},
 {"id": "sep-15", "date": "2017-09-15", "title": "Mid September"},
 {"id": "sep-20", "date": "2017-09-20", "title": "Later in September"},
 {"id": "oct-05", "date": "2017-10-05", "title": "October"}]}`

// The ruler counts each event in the month its row shows it in: as
// written, August has three rows and the highest bar, and the late
// call's month is marked August; shown in UTC (Z), the call is on 1 Sep
// and September has the three. Go test ./tui -run
// TestRulerCountsAsTheRowsShow -update rewrites the screens.
func TestRulerCountsAsTheRowsShow(t *testing.T) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"80x24", 80, 24}, {"160x45", 160, 45}} {
		t.Run(size.name, func(t *testing.T) {
			d := newDriverWith(t, storeOf(t, turnsDoc), size.w, size.h, Options{Now: time.Now, Local: time.UTC})
			d.to("late-call")
			written := listPart(d.screen())
			markedAs(t, d, "Aug 2017")
			d.keys("Z")
			markedAs(t, d, "Sep 2017")
			golden.RequireEqual(t, []byte(written+"\n---- Z: in UTC\n"+listPart(d.screen())))
		})
	}
}

// listPart is a screen without the sources pane, whose journal says
// when the test ran.
func listPart(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if before, _, ok := strings.Cut(l, "│"); ok {
			lines[i] = strings.TrimRight(before, " ")
		}
	}
	return strings.Join(lines, "\n")
}

// markedAs checks that the ruler marks the selected event in the one
// month its row shows it in.
func markedAs(t *testing.T, d *driver, month string) {
	t.Helper()
	b := d.browser()
	row, _ := b.tl.selected()
	bk, ok := b.ruler.buckets(100)
	if !ok {
		t.Fatal("no buckets")
	}
	lo, hi := b.ruler.marked(bk, row.Event.Date.SpanShown(b.ctx.zone))
	if from, to := bucketMonths(bk, lo), bucketMonths(bk, hi); from != month || to != month {
		t.Errorf("in %s the ruler marks %s to %s, want %s", b.ctx.zone, from, to, month)
	}
}
