package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestQuoteWordsVerbatim: a quote's words are saved as they were pasted
// or stored, byte for byte: editing its speaker leaves the spaces around
// the words, and a paste keeps the invisible characters of the page it
// came from, shown as marks, dropping only control characters.
func TestQuoteWordsVerbatim(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 160, 45)
	id := d.selected()
	const spaced = "   leading spaces kept?  "
	setEvent(t, s, id, func(e *model.Event) { e.Quotes[0].Text = spaced })
	d.keys("g", "enter", "e", "tab", "end")
	d.typeText(" Smith")
	d.keys("ctrl+s")
	if d.statusErr() || d.openDialog() != nil {
		t.Fatalf("not saved: %q, %T", d.status(), d.openDialog())
	}
	if q := event(t, s, id).Quotes[0]; q.Text != spaced || !strings.HasSuffix(q.Speaker, " Smith") {
		t.Errorf("after editing the speaker: %+v, want the words %q as they were", q, spaced)
	}

	const pasted = "a\u200bb soft\u00adhyphen rlm\u200f zwj\u200dx nb\u00a0sp  "
	d.keys("esc", "Q")
	d.send(tea.PasteMsg{Content: pasted + "\x1b\x07\n"}) // the line break that ends a new quote is not its
	if scr := d.screen(); !strings.Contains(scr, "a<U+200B>b") {
		t.Errorf("the paste shows as\n%s\nwant its zero-width space as a mark", scr)
	}
	if got := saveQuote(t, d, s, id); got != pasted {
		t.Errorf("stored %q, want %q", got, pasted)
	}
}

// saveQuote gives the quote form open on event id a speaker and saves
// it, and returns the text the store keeps of the event's last quote.
func saveQuote(t *testing.T, d *driver, s model.Store, id string) string {
	t.Helper()
	d.keys("tab")
	d.typeText("Ana")
	d.keys("ctrl+s")
	if d.statusErr() || d.openDialog() != nil {
		t.Fatalf("not saved: %q, %T", d.status(), d.openDialog())
	}
	qs := event(t, s, id).Quotes
	return qs[len(qs)-1].Text
}
