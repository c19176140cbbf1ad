package tui

import (
	tea "charm.land/bubbletea/v2"
	"fmt"
	"strings"
	"testing"
)

// TestLongValueShowsItsStartOnceLeft: a title longer than its field
// shows from its beginning once the cursor has left it, at 80 columns,
// ending in … where it is cut, and typing on when the cursor comes back adds to its end.
func TestLongValueShowsItsStartOnceLeft(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("A")
	for range 3 {
		d.keys("tab") // the date, its text, what anchors it
	}
	if f, ok := d.openDialog().(*eventForm); !ok || f.focus != fieldTitle {
		t.Fatalf("not on the title: %T", d.openDialog())
	}
	title := "Miller tells the FBI tip line of the offer, a second time, with the names of those present and the sums"
	d.typeText(title)
	d.keys("tab")
	line := screenLine(d.screen(), "Title")
	if !strings.Contains(line, "Miller tells the FBI") {
		t.Errorf("the title's field, left, shows %q, not the title's start", line)
	}
	if !strings.HasSuffix(strings.TrimRight(line, " "), "…") || strings.Contains(line, "the sums") {
		t.Errorf("the title's field, left, does not say it is cut: %q", line)
	}
	d.keys("shift+tab")
	d.typeText(" paid")
	f, ok := d.openDialog().(*eventForm)
	if !ok {
		t.Fatalf("dialog %T", d.openDialog())
	}
	if got := f.inputs[fieldTitle].Value(); got != title+" paid" {
		t.Errorf("typed on the title: %q", got)
	}
}

// screenLine is the first line of screen that holds label.
func screenLine(screen, label string) string {
	for l := range strings.SplitSeq(screen, "\n") {
		if strings.Contains(l, label) {
			return l
		}
	}
	return ""
}

// TestLongWordsShowTheirStartOnceLeft: a quote's words longer than their
// field show from their beginning once the cursor leaves them, and
// typing on when it comes back adds to their end.
func TestLongWordsShowTheirStartOnceLeft(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("Q")
	var words []string
	for i := range 150 {
		words = append(words, fmt.Sprintf("word%03d", i))
	}
	d.typeText(strings.Join(words, " "))
	d.keys("tab")
	if sc := d.screen(); !strings.Contains(sc, "word000") {
		t.Errorf("the words, left, do not show their start:\n%s", sc)
	}
	d.keys("shift+tab")
	d.typeText(" end")
	f, ok := d.openDialog().(*quoteForm)
	if !ok {
		t.Fatalf("dialog %T", d.openDialog())
	}
	if got := f.value(quoteText); !strings.HasSuffix(got, "word149 end") {
		t.Errorf("typed on the words: …%q", got[max(len(got)-20, 0):])
	}
}

// TestNoteAfterResize: a note's text, its field made narrow and then wide
// again, shows whole, not its last line above empty rows.
func TestNoteAfterResize(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("a")
	long := strings.Repeat("single note line without breaks ", 16)
	d.typeText(strings.TrimSpace(long))
	d.send(tea.WindowSizeMsg{Width: 30, Height: 10})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if sc := d.screen(); !strings.Contains(sc, "single note line without breaks single") {
		t.Errorf("the note's start does not show after the resize:\n%s", sc)
	}
}
