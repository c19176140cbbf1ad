package tui

import (
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// keptDrafts is a Drafts in memory; held is set while a browser holds
// the draft Kept gave it.
type keptDrafts struct {
	d    *Draft
	held bool
}

func (k *keptDrafts) Kept() (*Draft, error) { k.held = k.d != nil; return k.d, nil }
func (k *keptDrafts) Keep(d *Draft) error   { k.d, k.held = d, false; return nil }
func (k *keptDrafts) Drop(d *Draft) error {
	if k.d != nil && k.d.Ended.Equal(d.Ended) {
		k.d, k.held = nil, false
	}
	return nil
}

// browseWithDrafts opens a browser of s at 120×40 with drafts, as Run
// and a served session open one.
func browseWithDrafts(t *testing.T, s model.Store, drafts Drafts, readOnly string) (*driver, Options) {
	t.Helper()
	opts := Options{Now: func() time.Time { return noted }, Drafts: drafts, ReadOnly: readOnly}
	if err := takeDraft(&opts); err != nil {
		t.Fatal(err)
	}
	d := startDriver(t, New(s, opts))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	return d, opts
}

// hangUp ends d's browser as a closed terminal does, and keeps what it
// leaves typed, as Run does.
func hangUp(t *testing.T, d *driver, opts Options) {
	t.Helper()
	d.send(stopMsg{sig: syscall.SIGHUP})
	if err := leaveDraft(opts, d.m); err != nil {
		t.Fatal(err)
	}
}

// draftATitle leaves a draft in kept of the second event's title, typed
// longer, and returns the event's id.
func draftATitle(t *testing.T, s model.Store, kept *keptDrafts) string {
	t.Helper()
	d, opts := browseWithDrafts(t, s, kept, "")
	d.keys("j")
	id := d.selected()
	d.keys("E", "tab", "tab", "tab", "end")
	d.typeText(" (mine)")
	hangUp(t, d, opts)
	return id
}

// TestDraftComesBack: what a signal closes unsaved in a form is kept,
// and the next browser opens the same form with it, over the event it
// changes, where ctrl+s saves it as it would have been saved then.
func TestDraftComesBack(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string // from the first event
		typed string
		saved func(model.Event) bool
	}{
		// The typing goes on where it was left: "+" is typed after the
		// form comes back.
		{"an event's title", []string{"E", "tab", "tab", "tab", "end"}, " (draft)", func(e model.Event) bool {
			return strings.HasSuffix(e.Title, " (draft)+")
		}},
		{"an event's media", []string{"E", "shift+tab", "shift+tab"}, "https://example.org/draft.jpg", func(e model.Event) bool {
			return len(e.Media) > 0 && e.Media[len(e.Media)-1].URL == "https://example.org/draft.jpg+"
		}},
		{"a new note", []string{"a"}, "call them back", func(e model.Event) bool {
			return len(e.Notes) > 0 && e.Notes[len(e.Notes)-1].Text == "call them back+"
		}},
		{"a new quote", []string{"Q"}, "bags of cash", func(e model.Event) bool {
			return len(e.Quotes) > 0 && e.Quotes[len(e.Quotes)-1].Text == "bags of cash+"
		}},
		{"a quote's speaker", []string{"Q", "w", "tab"}, "Lavie", func(e model.Event) bool {
			return len(e.Quotes) > 0 && e.Quotes[len(e.Quotes)-1].Speaker == "Lavie+"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			kept := &keptDrafts{}
			d, opts := browseWithDrafts(t, s, kept, "")
			d.keys("j")
			id := d.selected()
			d.keys(tc.keys...)
			d.typeText(tc.typed)
			hangUp(t, d, opts)
			if kept.d == nil || kept.d.Event != id {
				t.Fatalf("kept %+v; want a draft of %s", kept.d, id)
			}

			again, opts := browseWithDrafts(t, s, kept, "")
			if again.openDialog() == nil {
				t.Fatalf("no form opened again; status %q", again.status())
			}
			if again.selected() != id {
				t.Errorf("selected %s behind the form; want %s", again.selected(), id)
			}
			if !strings.Contains(again.screen(), strings.TrimSpace(tc.typed)) {
				t.Errorf("the form does not show what was typed:\n%s", again.screen())
			}
			if st := again.status(); !strings.Contains(st, "back as you left it") {
				t.Errorf("status %q; want it to say the form is back", st)
			}
			again.typeText("+")
			again.keys("ctrl+s")
			if again.openDialog() != nil {
				t.Fatalf("ctrl+s left the form open; status %q", again.status())
			}
			if e := event(t, s, id); !tc.saved(e) {
				t.Errorf("saved %+v", e)
			}
			if err := leaveDraft(opts, again.m); err != nil {
				t.Fatal(err)
			}
			if kept.d != nil {
				t.Errorf("the draft saved is still kept: %+v", kept.d)
			}
		})
	}
}

// TestDraftMeetsAChangeMeanwhile: a draft of an event changed since it
// was typed is saved as the form would have saved it then, against what
// the event was: the change meanwhile is met as a conflict, not written
// over.
func TestDraftMeetsAChangeMeanwhile(t *testing.T) {
	s := exampleStore(t)
	kept := &keptDrafts{}
	id := draftATitle(t, s, kept)
	e := event(t, s, id)
	theirs := e.Clone()
	theirs.Title += " (theirs)"
	if _, _, err := (model.SaveEvent{Base: &e, Event: theirs}).Apply(s); err != nil {
		t.Fatal(err)
	}

	again, _ := browseWithDrafts(t, s, kept, "")
	again.keys("ctrl+s")
	if got := event(t, s, id).Title; got != theirs.Title {
		t.Errorf("title %q; want theirs kept until the conflict is settled", got)
	}
	if f, ok := again.openDialog().(*eventForm); !ok || f.conflict == nil {
		t.Errorf("dialog %T; want the form showing the conflict", again.openDialog())
	}
	if kept.d == nil {
		t.Error("the save refused forgot the draft")
	}
}

// TestDraftWaitsForAStoreThatCanTakeIt: a browser that may not write
// (read-only here) does not open the form, says the draft is kept, and
// keeps it for the next.
func TestDraftWaitsForAStoreThatCanTakeIt(t *testing.T) {
	s := exampleStore(t)
	draft := &Draft{Form: DraftNote, Event: "nso-mobileum-call", Fields: map[string]string{"text": "call them back"}, Ended: noted}
	kept := &keptDrafts{d: draft}
	d, opts := browseWithDrafts(t, s, kept, "the store is on write-protected media")
	if d.openDialog() != nil {
		t.Errorf("dialog %T opened on a read-only store", d.openDialog())
	}
	if st := d.status(); !strings.Contains(st, "the note for nso-mobileum-call") || !strings.Contains(st, "kept, not opened, as the store is read-only here") {
		t.Errorf("status %q; want it to say the draft is kept", st)
	}
	if err := leaveDraft(opts, d.m); err != nil {
		t.Fatal(err)
	}
	if kept.d != draft || kept.held {
		t.Errorf("kept %+v (held %v); want the draft still kept, for the next browser", kept.d, kept.held)
	}
}

// TestStopSaysTheDraftIsKept: the message a signal leaves says what was
// typed is kept, not that it went, in words that agree with what it was
// (one note, or the changes to an event).
func TestStopSaysTheDraftIsKept(t *testing.T) {
	for _, tc := range []struct{ discarded, want string }{
		{"the note typed for x", "stopped by a signal (hangup); every change made in the browser is saved in the store; chrono keeps the note typed for x (not saved yet), and the browser opens its form again when it next opens this investigation"},
		{"the changes typed in the form of x", "stopped by a signal (hangup); every change made in the browser is saved in the store; chrono keeps the changes typed in the form of x (not saved yet), and the browser opens its form again when it next opens this investigation"},
	} {
		err := (&Stopped{Signal: syscall.SIGHUP, Discarded: tc.discarded, Drafted: true}).Error()
		if err != tc.want {
			t.Errorf("the message: %q\nwant %q", err, tc.want)
		}
	}
}

// TestDraftKeepsANewSourceTyped: a source typed in the quote form's own
// form of a new source comes back with the quote, in that form.
func TestDraftKeepsANewSourceTyped(t *testing.T) {
	s := exampleStore(t)
	kept := &keptDrafts{}
	d, opts := browseWithDrafts(t, s, kept, "")
	d.keys("Q")
	d.typeText("bags of cash")
	d.keys("tab", "tab")
	d.typeText("Reuters")
	d.keys("tab")
	d.typeText(" Ltd")
	hangUp(t, d, opts)
	again, _ := browseWithDrafts(t, s, kept, "")
	f, ok := again.openDialog().(*quoteForm)
	if !ok || f.sub == nil {
		t.Fatalf("dialog %T; want the quote form with its new source's form", again.openDialog())
	}
	if got := f.sub.value(srcPublisher); got != "Reuters Ltd" {
		t.Errorf("publisher %q; want Reuters Ltd", got)
	}
	if got := f.value(quoteText); got != "bags of cash" {
		t.Errorf("words %q", got)
	}
}

// TestDraftGoesOnceSaved: the draft given back is forgotten as soon as
// its form is saved or discarded, not when the browser ends: a browser
// killed in between (kill -9, the machine down) must not leave it to be
// given back and saved a second time. A save refused keeps it.
func TestDraftGoesOnceSaved(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string // from the first event
		typed string
		close []string // in the form given back
	}{
		{"a new event saved", []string{"A"}, "2019", []string{"ctrl+s"}},
		{"a new note saved", []string{"a"}, "call them back", []string{"ctrl+s"}},
		{"a new quote saved", []string{"Q"}, "bags of cash", []string{"ctrl+s"}},
		{"a note discarded", []string{"a"}, "call them back", []string{"esc", "esc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			kept := &keptDrafts{}
			d, opts := browseWithDrafts(t, s, kept, "")
			d.keys("j")
			d.keys(tc.keys...)
			d.typeText(tc.typed)
			if tc.keys[0] == "A" {
				d.keys("tab", "tab", "tab")
				d.typeText("a title")
			}
			hangUp(t, d, opts)
			if kept.d == nil {
				t.Fatal("no draft kept")
			}
			again, _ := browseWithDrafts(t, s, kept, "")
			if again.openDialog() == nil {
				t.Fatalf("no form given back; status %q", again.status())
			}
			again.keys(tc.close...)
			if kept.d != nil {
				t.Errorf("the draft is still kept with the browser running (dialog %T, status %q)", again.openDialog(), again.status())
			}
		})
	}
}

// TestNowhereToKeepADraft: with nowhere to keep drafts (no state
// directory: neither XDG_STATE_HOME nor HOME), what a signal closes
// unsaved is said to have gone, not to be kept.
func TestNowhereToKeepADraft(t *testing.T) {
	s := exampleStore(t)
	d, opts := browseWithDrafts(t, s, nil, "")
	d.keys("a")
	d.typeText("call them back")
	d.send(stopMsg{sig: syscall.SIGHUP})
	err := leaveDraft(opts, d.m)
	if err != nil {
		t.Fatal(err)
	}
	if draftKept(opts, d.m, err) {
		t.Error("the note is said to be kept, with nowhere to keep it")
	}
}

// TestDraftOfAnEventGoneMeanwhile: a draft of an event moved to the
// trash since opens its form all the same, and the status line keeps
// saying it is the draft, and where the event went, rather than an
// error in its place.
func TestDraftOfAnEventGoneMeanwhile(t *testing.T) {
	s := exampleStore(t)
	kept := &keptDrafts{}
	id := draftATitle(t, s, kept)
	if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	again, _ := browseWithDrafts(t, s, kept, "")
	if _, ok := again.openDialog().(*eventForm); !ok {
		t.Fatalf("dialog %T; want the event form", again.openDialog())
	}
	st := again.status()
	if !strings.Contains(st, "back as you left it") || !strings.Contains(st, id+" is no longer on the timeline") || again.statusErr() {
		t.Errorf("status %q (error %v); want the draft's notice and where its event went", st, again.statusErr())
	}
}

// TestDraftWithoutMediaKeepsThem: a draft of the event form kept before
// the form had media, which names no media, reopens with the event's
// media as they are, and saves them so.
func TestDraftWithoutMediaKeepsThem(t *testing.T) {
	s := storeOf(t, mediaDoc)
	d := newDriver(t, s, 120, 40)
	e := event(t, s, "pictured")
	fields := map[string]string{"date": "2016-08-25", "title": e.Title + " (draft)", "summary": e.Summary}
	dialog, _ := reopen(d.m.ctx, &Draft{Form: DraftEvent, Event: e.ID, Base: &e, Fields: fields})
	f, ok := dialog.(*eventForm)
	if !ok {
		t.Fatal("the draft does not reopen the event form")
	}
	got, err := f.event()
	if err != nil || len(e.Media) != 2 || !slices.Equal(got.Media, e.Media) {
		t.Errorf("media %+v (%v), want %+v", got.Media, err, e.Media)
	}
}
