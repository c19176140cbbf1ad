package tui

import (
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// TestQuoteSaveMeetingAChangeKeepsWhatWasTyped: another process changes
// the event's quotes while one is being edited. The save is refused, and
// the form opens again on what was typed, saying why; saving it again
// keeps both changes: the quote edited, when it only moved, is saved
// where it is now, and one removed meanwhile comes back as a new quote
// rather than overwriting the quote now in its place.
func TestQuoteSaveMeetingAChangeKeepsWhatWasTyped(t *testing.T) {
	for _, tt := range []struct {
		name      string
		meanwhile model.Edit
		says      string
		want      func(t *testing.T, before, after []model.Quote)
	}{
		{"removed", model.DropQuote{ID: "nso-mobileum-call", N: 1}, "quote 1 was removed meanwhile", func(t *testing.T, before, after []model.Quote) {
			if len(after) != len(before) || after[0] != before[1] || after[1] != before[2] {
				t.Errorf("quotes %+v; want the removal kept and the quote typed added", after)
			}
			if got := after[len(after)-1]; got.Text != before[0].Text || !strings.HasSuffix(got.Speaker, "Lavie") {
				t.Errorf("added %+v; want quote 1 with the speaker typed", got)
			}
		}},
		{"moved", model.ShiftQuote{ID: "nso-mobileum-call", N: 1, To: 2}, "quote 1 moved meanwhile to 2", func(t *testing.T, before, after []model.Quote) {
			if len(after) != len(before) || after[0] != before[1] || after[2] != before[2] {
				t.Errorf("quotes %+v; want the move kept and quote 1 saved where it went", after)
			}
			if got := after[1]; got.Text != before[0].Text || !strings.HasSuffix(got.Speaker, "Lavie") {
				t.Errorf("quote 2 %+v; want the quote moved there, with the speaker typed", got)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := exampleStore(t)
			d := newDriver(t, s, 80, 24)
			id := d.selected()
			before := event(t, s, id).Quotes
			d.keys("enter", "e", "tab")
			d.typeText(" Lavie")
			if _, _, err := tt.meanwhile.Apply(s); err != nil {
				t.Fatal(err)
			}
			d.keys("ctrl+s")
			f, open := d.openDialog().(*quoteForm)
			if !open {
				t.Fatalf("after the refused save: %T, status %q; what was typed is lost", d.openDialog(), d.status())
			}
			if got := f.value(quoteSpeaker); !strings.HasSuffix(got, " Lavie") {
				t.Errorf("the form reopened with speaker %q", got)
			}
			if !strings.Contains(d.screen(), tt.says) || !strings.Contains(d.status(), "meanwhile") || strings.Contains(d.status(), "open it again") {
				t.Errorf("the refusal is not said as %q:\n%s\nstatus %q", tt.says, d.screen(), d.status())
			}
			d.keys("ctrl+s")
			if d.openDialog() != nil || d.statusErr() {
				t.Fatalf("saving again: %T, status %q", d.openDialog(), d.status())
			}
			tt.want(t, before, event(t, s, id).Quotes)
		})
	}
}

// TestRefusedSaveShowsTheEventAsItIsNow: a save refused because the
// event changed meanwhile leaves the browser showing the event as it is
// now, not as it was when the form opened: the quote removed meanwhile
// is gone from the sources pane as soon as the refusal is said.
func TestRefusedSaveShowsTheEventAsItIsNow(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 160, 45)
	id := d.selected()
	d.keys("enter", "e")
	if _, _, err := (model.DropQuote{ID: id, N: 1}).Apply(s); err != nil {
		t.Fatal(err)
	}
	now := event(t, s, id).Quotes
	d.keys("ctrl+s")
	if _, open := d.openDialog().(*quoteForm); !open {
		t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
	}
	if got := d.sources().d.Event.Quotes; len(got) != len(now) || got[0] != now[0] {
		t.Errorf("the sources pane shows quotes %+v; want them as they are now, %+v", got, now)
	}
	d.keys("esc", "esc")
	if scr := d.screen(); !strings.Contains(scr, fmt.Sprintf("Sources · %d quotes", len(now))) {
		t.Errorf("after leaving the form, the screen shows\n%s\nwant %d quotes", scr, len(now))
	}
}

// TestQuoteEditedBesideAnother: another person edits the same quote
// where it stands while it is being edited. A field only they changed
// is kept beside the one typed, and the save goes in; a field both
// changed is refused, the form opening again with their other changes
// filled in, so that saving again puts only the words typed in their
// place.
func TestQuoteEditedBesideAnother(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	id := d.selected()
	theirs := func(change func(q *model.Quote)) {
		t.Helper()
		e := event(t, s, id)
		q := e.Quotes[0]
		change(&q)
		if _, _, err := (model.SaveQuote{Event: id, N: 1, Base: e.Quotes[0], Quotes: e.Quotes, Quote: q}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	before := event(t, s, id).Quotes
	d.keys("enter", "e", "tab")
	d.typeText(" Lavie")
	theirs(func(q *model.Quote) { q.Context = "in a deposition" })
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.statusErr() {
		t.Fatalf("the save beside another's change: %T, status %q", d.openDialog(), d.status())
	}
	got := event(t, s, id).Quotes
	if !strings.HasSuffix(got[0].Speaker, " Lavie") || got[0].Context != "in a deposition" || got[0].Text != before[0].Text || len(got) != len(before) {
		t.Fatalf("quote 1 is %+v; want the speaker typed and the context theirs", got[0])
	}

	d.keys("e", "tab")
	d.typeText(" Jr.")
	theirs(func(q *model.Quote) { q.Speaker = "Shalev Hulio"; q.Stance = model.Denies })
	d.keys("ctrl+s")
	f, open := d.openDialog().(*quoteForm)
	if !open {
		t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
	}
	said := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.Contains(said, "✗ quote 1's speaker was changed meanwhile, to “Shalev Hulio”: ctrl+s puts yours in its place") || !strings.HasSuffix(f.value(quoteSpeaker), "Lavie Jr.") {
		t.Fatalf("the form reopened with speaker %q:\n%s\nstatus %q", f.value(quoteSpeaker), d.screen(), d.status())
	}
	if got := event(t, s, id).Quotes[0].Speaker; got != "Shalev Hulio" {
		t.Fatalf("their speaker was overwritten: %q", got)
	}
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.statusErr() {
		t.Fatalf("saving again: %T, status %q", d.openDialog(), d.status())
	}
	got = event(t, s, id).Quotes
	if q := got[0]; !strings.HasSuffix(q.Speaker, "Lavie Jr.") || q.Stance != model.Denies || q.Context != "in a deposition" {
		t.Errorf("quote 1 is %+v; want the speaker typed, and their stance and context kept", q)
	}
}

// TestQuoteFormOnAnEventTrashedMeanwhile: a quote saved on an event
// another process moved to the trash meanwhile opens again on what was
// typed, saying that saving again restores the event, as the event form
// does: which it does, then saves the quote. Before, the form could only
// be closed, and what was typed with it.
func TestQuoteFormOnAnEventTrashedMeanwhile(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string // open the form, on the field typed into
		said func(model.Event) string
	}{
		{"new quote", []string{"Q"}, func(e model.Event) string { return e.Quotes[len(e.Quotes)-1].Text }},
		{"quote edited", []string{"enter", "e", "tab"}, func(e model.Event) string { return e.Quotes[0].Speaker }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			d := newDriver(t, s, 80, 24)
			id := d.selected()
			d.keys(tc.keys...)
			d.typeText(" (typed)")
			if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
				t.Fatal(err)
			}
			d.keys("ctrl+s")
			f, ok := d.openDialog().(*quoteForm)
			if !ok || !f.inTrash {
				t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
			}
			if said := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(said, "the event went to the trash meanwhile: ctrl+s restores it and saves yours, esc drops what you typed") {
				t.Errorf("the refusal says:\n%s", d.screen())
			}
			d.keys("ctrl+s")
			if d.openDialog() != nil || d.statusErr() {
				t.Fatalf("saving again: %T, status %q", d.openDialog(), d.status())
			}
			e, err := s.Event(id)
			if err != nil {
				t.Fatalf("the event is not restored: %v", err)
			}
			if got := tc.said(e); !strings.HasSuffix(got, " (typed)") {
				t.Errorf("the quote saved: %q, want what was typed", got)
			}
		})
	}
}
