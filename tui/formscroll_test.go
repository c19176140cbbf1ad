package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFormsShowTheFocusedField: on a terminal too short for a form's
// fields, moving the cursor to a field below the last line shown scrolls
// the form to it, the heading kept; before, the form was cut at the
// bottom, and tab went on into fields nobody could see.
func TestFormsShowTheFocusedField(t *testing.T) {
	for _, tt := range []struct {
		name   string
		open   []string
		labels []string
	}{
		{"event", []string{"E"}, fieldLabels[:]},
		{"quote", []string{"Q"}, quoteLabels[:]},
		{"source", []string{"S", "a"}, srcLabels[:]},
	} {
		for _, h := range []int{9, 12, 16} {
			d := newDriver(t, exampleStore(t), 80, h)
			d.keys(tt.open...)
			if d.openDialog() == nil {
				t.Fatalf("%s: %v opened no form", tt.name, tt.open)
			}
			heading := strings.SplitN(d.screen(), "\n", 2)[0]
			for i, label := range tt.labels {
				if i > 0 {
					d.keys("tab")
				}
				screen := d.screen()
				if !strings.Contains(screen, "› "+label) {
					t.Errorf("%s form at 80×%d: %s focused but not shown:\n%s", tt.name, h, label, screen)
				}
				if !strings.HasPrefix(screen, heading) {
					t.Errorf("%s form at 80×%d: the heading went with %s:\n%s", tt.name, h, label, screen)
				}
			}
		}
	}
}

// TestQuoteFormShowsTheChosenSource: on a terminal too short for the
// source field's list, the candidate chosen is on screen, so that enter
// never takes one nobody saw chosen ("new source…" was below the edge).
func TestQuoteFormShowsTheChosenSource(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 10)
	d.keys("Q", "tab", "tab", "down", "down", "down")
	if screen := d.screen(); !strings.Contains(screen, "› new source") || !strings.Contains(screen, "› Source") {
		t.Errorf("the chosen candidate, or the field's label, is not on screen:\n%s", screen)
	}
}

// TestSummaryFillsItsLinesAfterAResize: a summary typed on a terminal
// made short, then tall again, shows as many of its lines as it has room
// for, not its last line over blank rows.
func TestSummaryFillsItsLinesAfterAResize(t *testing.T) {
	// The cursor at the end, and elsewhere (left, and up a few lines).
	for _, moves := range [][]string{nil, {"left"}, {"up", "up", "up", "left"}} {
		d := newDriver(t, exampleStore(t), 80, 24)
		d.keys("E", "shift+tab")
		d.typeText(strings.Repeat(" and then more words", 40))
		d.keys(moves...)
		resizeFillsSummary(t, d, moves)
		if f := d.openDialog().(*eventForm); len(moves) > 0 && atEnd(&f.summary) {
			t.Errorf("%v: the cursor went to the end", moves)
		}
	}
}

// resizeFillsSummary makes the terminal of d, whose event form's cursor
// is in the summary after moves, short then tall again, and checks that
// the summary shows its rows under its label down to the footer, none
// blank.
func resizeFillsSummary(t *testing.T, d *driver, moves []string) {
	t.Helper()
	d.send(tea.WindowSizeMsg{Width: 80, Height: 14})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	lines := strings.Split(d.screen(), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "› Summary") })
	if at < 0 {
		t.Fatalf("%v: no summary on screen:\n%s", moves, d.screen())
	}
	for _, l := range lines[at+1 : len(lines)-3] {
		if strings.TrimSpace(l) == "" {
			t.Errorf("%v: the summary shows blank rows after the resize:\n%s", moves, d.screen())
			return
		}
	}
}

// TestFormHidesTheSelectionsHint: the sources screen's line naming the
// selected source's id and URL is not shown under the form for a new
// source, where it read as the new source's.
func TestFormHidesTheSelectionsHint(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("S")
	if !strings.Contains(d.screen(), "id occupy-democrats") {
		t.Fatalf("the sources screen names no selected source:\n%s", d.screen())
	}
	d.keys("a")
	if strings.Contains(d.screen(), "id occupy-democrats") {
		t.Errorf("the new source's form shows the selected source's id:\n%s", d.screen())
	}
}

// TestShortFormSummaryShowsLines: on a short terminal, the summary being
// typed shows three lines, the fields above scrolled away, not the
// cursor's line alone.
func TestShortFormSummaryShowsLines(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 14)
	d.keys("E", "shift+tab")
	d.typeText(strings.Repeat(" and then more words", 40))
	lines := strings.Split(d.screen(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "› Summary") {
			if i+2 >= len(lines) || !strings.Contains(lines[i+1], "words") || !strings.Contains(lines[i+2], "words") {
				t.Errorf("the summary shows fewer than three lines:\n%s", d.screen())
			}
			return
		}
	}
	t.Errorf("no summary on screen:\n%s", d.screen())
}

// TestFormScrollsFromALabel: a form scrolled on a short terminal shows
// its fields from a label, never a field's end without it: the date's
// reading ("Aug 2017 (EDTF 2017-08)") stayed at the top alone once the
// Date label had gone.
func TestFormScrollsFromALabel(t *testing.T) {
	for h := 8; h <= 16; h++ {
		d := newDriver(t, exampleStore(t), 80, h)
		d.keys("E")
		for range fieldCount {
			screen := d.screen()
			if strings.Contains(screen, "(EDTF 2017-08)") && !strings.Contains(screen, "Date        Aug 2017") {
				t.Errorf("event form at 80×%d: the date's reading without its field:\n%s", h, screen)
			}
			d.keys("tab")
		}
	}
}

// TestLongSummaryFillsItsLinesAfterAResize: a summary longer than the
// walk resizeArea makes, its cursor a few lines from either end, fills
// its lines after a resize too, the cursor where it was; it kept its old
// scroll, blank rows under its text.
func TestLongSummaryFillsItsLinesAfterAResize(t *testing.T) {
	lines := strings.Repeat("A line of the summary, and then more words to wrap it.\n", 2*rescrollLimit/56)
	// One paragraph as long: the walk through it counts whole.
	paragraph := strings.Repeat("Words of one long paragraph and then more. ", 2*rescrollLimit/43)
	for _, tt := range []struct {
		text  string
		moves []string
	}{
		{lines, []string{"up", "up", "up", "left"}},
		{lines, []string{"ctrl+home", "down", "down"}},
		{paragraph, []string{"up", "up", "left"}},
	} {
		moves := tt.moves
		d := newDriver(t, exampleStore(t), 80, 24)
		d.keys("E", "shift+tab")
		f := d.openDialog().(*eventForm)
		f.summary.SetValue(tt.text)
		d.keys(moves...)
		row, col := f.summary.Line(), f.summary.Column()
		resizeFillsSummary(t, d, moves)
		if f := d.openDialog().(*eventForm); f.summary.Line() != row || f.summary.Column() != col {
			t.Errorf("%v: the cursor went from line %d column %d to line %d column %d", moves, row, col, f.summary.Line(), f.summary.Column())
		}
	}
}

// BenchmarkResizeLongParagraph resizes a summary of one 64 KiB paragraph
// with its cursor two rows above its end: the walk from the nearer end
// counts the paragraph's bytes, not only those of other lines.
func BenchmarkResizeLongParagraph(b *testing.B) {
	st := NewStyles(true)
	a := newFieldArea(&st, "", "")
	a.Focus()
	a.SetWidth(60)
	a.SetHeight(10)
	a.SetValue(strings.Repeat("Words of one long paragraph and then more. ", 64<<10/43))
	a.CursorUp()
	a.CursorUp()
	for i := 0; b.Loop(); i++ {
		resizeArea(&a, 60+i%2*10, 10)
	}
}

// TestFormTallerFieldShowsItsInput: a date field taller than the room a
// tiny terminal leaves shows its label and the start of its reading, by
// its input, not the reading's last line alone ("2017-08)").
func TestFormTallerFieldShowsItsInput(t *testing.T) {
	d := newDriver(t, exampleStore(t), 30, 8)
	d.keys("E")
	screen := d.screen()
	if !strings.Contains(screen, "› Date        Aug 2017") || !strings.Contains(screen, "Aug 2017 (EDTF") {
		t.Errorf("event form at 30×8, its date focused:\n%s", screen)
	}
}
