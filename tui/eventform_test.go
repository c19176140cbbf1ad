package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"

	"github.com/charmbracelet/x/ansi"
)

// formAction presses a key in the open dialog and returns the action it
// means, running the commands it starts and giving their messages back
// to the dialog (as the root does) until one yields an action.
func formAction(t *testing.T, d *driver, k string) Action {
	t.Helper()
	dlg := d.openDialog()
	if dlg == nil {
		t.Fatal("no dialog open")
	}
	a, cmd := dlg.Update(keyPress(k))
	for a == nil && cmd != nil {
		msg, ok := call(cmd)
		if !ok {
			t.Fatal("a command did not return")
		}
		a, cmd = dlg.Update(msg)
	}
	return a
}

func TestEventFormEdits(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	before := event(t, s, "nso-mobileum-call")
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (edited)")
	a, ok := formAction(t, d, "ctrl+s").(saveEvent)
	if !ok {
		t.Fatalf("ctrl+s: %T, want saveEvent", a)
	}
	if a.base == nil || a.base.Title != before.Title {
		t.Errorf("base = %+v, want the event as it was", a.base)
	}
	if want := before.Title + " (edited)"; a.event.Title != want {
		t.Errorf("title %q, want %q", a.event.Title, want)
	}
	if a.event.ID != before.ID || len(a.event.Quotes) != len(before.Quotes) || a.event.Date.String() != "2017-08" || a.event.DateSource != "wapo" {
		t.Errorf("the fields not edited changed: %+v", a.event)
	}
}

func TestEventFormAdds(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A")
	d.typeText("2017-08/2021")
	if !strings.Contains(d.screen(), "Aug 2017 – 2021") {
		t.Errorf("the date's reading is not under it:\n%s", d.screen())
	}
	d.keys("tab", "tab", "tab")
	d.typeText("Apple sues NSO") // a title taken: the id gets -2
	d.keys("tab", "right", "tab")
	d.typeText("Apple, NSO Group")
	d.keys("tab")
	d.typeText("#context, lawsuit")
	a, ok := formAction(t, d, "ctrl+s").(saveEvent)
	if !ok {
		t.Fatalf("ctrl+s: %T, want saveEvent", a)
	}
	e := a.event
	if a.base != nil || e.ID != "" || e.Status != "confirmed" || e.Date.String() != "2017-08/2021" ||
		strings.Join(e.Actors, "|") != "Apple|NSO Group" || strings.Join(e.Tags, "|") != "context|lawsuit" {
		t.Errorf("saveEvent = %+v", a)
	}
}

// The form reads "before" and "after" a date as chrono dates them, out
// of that date, and shows it under the field as typed; "until" and
// "since" keep their date.
func TestEventFormReadsBeforeAfter(t *testing.T) {
	for _, c := range []struct{ typed, reading, edtf string }{
		{"before 2018", "? – 2017 (EDTF /2017)", "/2017"},
		{"after 2018", "2019 – ? (EDTF 2019/)", "2019/"},
		{"before Aug 2017", "? – Jul 2017 (EDTF /2017-07)", "/2017-07"},
		{"before 14 Aug 2017", "? – 13 Aug 2017 (EDTF /2017-08-13)", "/2017-08-13"},
		{"after Dec 2017", "Jan 2018 – ? (EDTF 2018-01/)", "2018-01/"},
		{"until 2018", "until 2018 (EDTF ../2018)", "../2018"},
		{"since 2018", "since 2018 (EDTF 2018/..)", "2018/.."},
	} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys("A")
		d.typeText(c.typed)
		if !strings.Contains(d.screen(), c.reading) {
			t.Errorf("%q: the date's reading %q is not under it:\n%s", c.typed, c.reading, d.screen())
		}
		d.keys("tab", "tab", "tab")
		d.typeText("An event")
		a, ok := formAction(t, d, "ctrl+s").(saveEvent)
		if !ok {
			t.Fatalf("%q: ctrl+s: %T, want saveEvent", c.typed, a)
		}
		if a.event.Date.String() != c.edtf {
			t.Errorf("%q: saved %s, want %s", c.typed, a.event.Date, c.edtf)
		}
	}
}

func TestEventFormRefusesWhatCannotBeSaved(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A")
	d.typeText("Agust 2017")
	d.keys("ctrl+s")
	if d.openDialog() == nil || !strings.Contains(d.screen(), "✗ date: chrono cannot read it") {
		t.Errorf("an unreadable date was not refused:\n%s", d.screen())
	}
	d.keys("ctrl+u") // clears the field: undated
	d.keys("ctrl+s")
	if !strings.Contains(d.screen(), "✗ title: missing") {
		t.Errorf("a missing title was not refused:\n%s", d.screen())
	}
	// The cursor goes to the field to fix: what is typed now is the title.
	if f, ok := d.openDialog().(*eventForm); !ok || f.focus != fieldTitle {
		t.Errorf("after a missing title, the cursor is not on the title")
	}
}

func TestEventFormTakesTheProposedDate(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A", "tab")
	d.typeText("last year")
	d.keys("tab", "right", "right") // occupy-democrats, then wapo
	if !strings.Contains(d.screen(), "proposes 2021, read in a source published 1 Feb 2022") {
		t.Fatalf("no proposal:\n%s", d.screen())
	}
	d.keys("ctrl+y")
	f := d.openDialog().(*eventForm)
	if got := f.inputs[fieldDate].Value(); got != "2021" {
		t.Errorf("the date field holds %q, want 2021", got)
	}
	if !strings.Contains(d.screen(), "the date agrees with these words") {
		t.Errorf("the proposal stays after it was taken:\n%s", d.screen())
	}
	// A date more exact than the words agrees with them: proposing 2021
	// for Jun 2021 offered to throw the month away.
	d.keys("shift+tab", "shift+tab", "end")
	d.typeText("-06")
	if got := f.inputs[fieldDate].Value(); got != "2021-06" {
		t.Fatalf("the date field holds %q, want 2021-06", got)
	}
	if sc := d.screen(); !strings.Contains(sc, "the date agrees with these words, more exactly") || strings.Contains(sc, "proposes") {
		t.Errorf("a date within the words' is not said to agree:\n%s", sc)
	}
	// An approximate one is not more exact.
	d.typeText("~")
	if sc := d.screen(); strings.Contains(sc, "more exactly") {
		t.Errorf("2021-06~ is said to agree more exactly:\n%s", sc)
	}
}

func TestEventFormAsksBeforeDiscarding(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("E", "esc")
	if d.openDialog() != nil {
		t.Fatal("esc on an unchanged form did not close it")
	}
	d.keys("E")
	d.typeText("x")
	d.keys("esc")
	if d.openDialog() == nil {
		t.Fatal("esc threw typed changes away without asking")
	}
	d.keys("esc")
	if d.openDialog() != nil {
		t.Fatal("esc twice did not discard")
	}
}

// TestEventFormSaves: ctrl+s writes the edit, and the status line says
// so.
func TestEventFormSaves(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("E", "tab", "tab", "tab")
	d.typeText("!")
	d.keys("ctrl+s")
	if d.openDialog() != nil || !strings.HasPrefix(d.status(), `saved “NSO offers`) || d.statusErr() {
		t.Errorf("status %q (error %v), dialog %T", d.status(), d.statusErr(), d.openDialog())
	}
	if e := event(t, s, "nso-mobileum-call"); !strings.HasSuffix(e.Title, "!") {
		t.Errorf("stored title %q", e.Title)
	}
}

// TestEventFormAddsAndSelects: a new event gets its id from its title
// when it is written; the status line says it, and the cursor is on the
// event, wherever its date puts it.
func TestEventFormAddsAndSelects(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("A")
	d.typeText("2019-05")
	d.keys("tab", "tab", "tab")
	d.typeText("Apple sues NSO") // a title taken: the id gets -2
	d.keys("ctrl+s")
	if want := "added “Apple sues NSO” as apple-sues-nso-2 · u to undo"; d.status() != want {
		t.Errorf("status %q, want %q", d.status(), want)
	}
	if got := d.selected(); got != "apple-sues-nso-2" {
		t.Errorf("selected %q, want the new event", got)
	}
	if e := event(t, s, "apple-sues-nso-2"); e.Date.String() != "2019-05" {
		t.Errorf("stored %+v", e)
	}
	if d.total() != 14 {
		t.Errorf("the view counts %d events, want 14", d.total())
	}
	// Undo takes it to the trash, and off the chronology.
	d.keys("u")
	if _, err := s.Event("apple-sues-nso-2"); err == nil {
		t.Error("undo left the new event on the timeline")
	}
	if d.selected() == "apple-sues-nso-2" || d.total() != 13 {
		t.Errorf("after undo: selected %q, %d events", d.selected(), d.total())
	}
	d.keys("U")
	if _, err := s.Event("apple-sues-nso-2"); err != nil || d.selected() != "apple-sues-nso-2" {
		t.Errorf("redo: %v, selected %q", err, d.selected())
	}
}

// conflictAtSave opens the form on nso-mobileum-call, types a new title,
// lets another process change the event's status meanwhile, and saves.
func conflictAtSave(t *testing.T) (*driver, model.Store, model.Event) {
	t.Helper()
	return conflictAtSaveIn(t, 120, 40)
}

// conflictAtSaveIn is conflictAtSave on a screen of w×h.
func conflictAtSaveIn(t *testing.T, w, h int) (*driver, model.Store, model.Event) {
	t.Helper()
	s := exampleStore(t)
	d := newDriver(t, s, w, h)
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (typed)")
	meddle(t, s, "nso-mobileum-call")
	other := event(t, s, "nso-mobileum-call")
	d.keys("ctrl+s")
	f, ok := d.openDialog().(*eventForm)
	if !ok {
		t.Fatalf("the form did not open again on the conflict; status %q", d.status())
	}
	// At 80 columns the line wraps where a · would be.
	// The stored value is said, to choose knowing it.
	if sc := d.screen(); w >= 120 && !strings.Contains(sc, "✗ event nso-mobileum-call changed meanwhile: status to confirmed · ctrl+r reloads it · ctrl+o keeps yours") ||
		!strings.Contains(sc, "✗ event nso-mobileum-call changed meanwhile: status to confirmed") || !strings.Contains(sc, "ctrl+o keeps yours") {
		t.Errorf("the conflict is not said:\n%s", sc)
	}
	if got := f.value(fieldTitle); !strings.HasSuffix(got, " (typed)") {
		t.Errorf("the title typed is lost: %q", got)
	}
	return d, s, other
}

func TestEventFormConflictReload(t *testing.T) {
	d, s, other := conflictAtSave(t)
	d.keys("ctrl+r")
	f := d.openDialog().(*eventForm)
	if got := f.value(fieldTitle); got != other.Title || formStatuses[f.status] != model.Confirmed {
		t.Errorf("reload: title %q, status %q", got, formStatuses[f.status])
	}
	d.typeText("!") // the cursor is still in the title
	d.keys("ctrl+s")
	if e := event(t, s, "nso-mobileum-call"); e.Title != other.Title+"!" || e.Status != model.Confirmed {
		t.Errorf("saved after reload: %q, %q; status line %q", e.Title, e.Status, d.status())
	}
}

func TestEventFormConflictKeep(t *testing.T) {
	d, s, other := conflictAtSave(t)
	d.keys("ctrl+o")
	if strings.Contains(d.screen(), "✗ event nso-mobileum-call changed meanwhile") {
		t.Error("the conflict is still said after keeping")
	}

	d.keys("ctrl+s")
	e := event(t, s, "nso-mobileum-call")
	if e.Title != other.Title+" (typed)" || e.Status != model.Confirmed {
		t.Errorf("kept: title %q, status %q (the other change's status must stay); status line %q", e.Title, e.Status, d.status())
	}
	if d.openDialog() != nil {
		t.Error("the form is still open")
	}
}

// TestEventFormConflictKeepDrawn: at 80 columns, where the title does
// not fit its field, the title kept is drawn to its end, where the cursor
// is, not through the window the value before it left.
func TestEventFormConflictKeepDrawn(t *testing.T) {
	d, _, _ := conflictAtSaveIn(t, 80, 24)
	d.keys("ctrl+o")
	if !strings.Contains(d.screen(), "conference call (typed)") {
		t.Errorf("the kept title is not drawn to its end:\n%s", d.screen())
	}
}

// TestFormRefusalClearsOnceFixed: a refused save says why in the form's
// heading while the fields are as they were; once the field is filled
// in, the heading no longer says a thing that does not hold.
func TestFormRefusalClearsOnceFixed(t *testing.T) {
	for _, c := range []struct {
		name, refused string
		open          []string
		fix           func(d *driver)
	}{
		{"event form", "✗ title: missing", []string{"A"}, func(d *driver) {
			d.keys("tab", "tab", "tab")
			d.typeText("A title")
		}},
		{"source form", "✗ ", []string{"S", "a", "tab"}, func(d *driver) {
			d.typeText("Haaretz")
		}},
		{"quote form", ": text missing", []string{"Q"}, func(d *driver) {
			d.typeText("Words")
		}},
		{"title dialog", "✗ investigation: title: missing", []string{"I", "ctrl+u"}, func(d *driver) {
			d.typeText("A title")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDriver(t, exampleStore(t), 80, 24)
			d.keys(c.open...)
			d.keys("ctrl+s")
			if !strings.Contains(d.screen(), c.refused) {
				t.Fatalf("the save was not refused with %q:\n%s", c.refused, d.screen())
			}
			d.keys("left", "right") // moving the cursor changes nothing
			if !strings.Contains(d.screen(), c.refused) {
				t.Errorf("the refusal went without a change:\n%s", d.screen())
			}
			c.fix(d)
			if strings.Contains(d.screen(), "✗") {
				t.Errorf("the refusal is still said once fixed:\n%s", d.screen())
			}
		})
	}
}

// TestEventFormSavesOverAnOldProblem: an event stored with a problem
// chrono now refuses (a quote of white space, from before the rule)
// stays editable in the form, which does not edit quotes.
func TestEventFormSavesOverAnOldProblem(t *testing.T) {
	s := exampleStore(t)
	if _, err := s.Write(model.OpEdit, "old", func(tx model.Tx) error {
		e, err := tx.Event("nso-denial")
		if err != nil {
			return err
		}
		e.Quotes = append(e.Quotes, model.Quote{Text: "   "})
		return tx.PutEvent(e)
	}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 120, 40)
	d.to("nso-denial")
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (checked)")
	d.keys("ctrl+s")
	if e := event(t, s, "nso-denial"); !strings.HasSuffix(e.Title, " (checked)") {
		t.Errorf("not saved: title %q, status %q", e.Title, d.status())
	}
}

// TestConflictHeadingKeepsTheFields: on a line too short for the event's
// id and the fields the other change made, the id goes, not the fields.
func TestConflictHeadingKeepsTheFields(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	f := newEventForm(d.m.ctx, nil)
	f.conflict = &formConflict{current: model.Event{ID: "the-post-s-pegasus-investigation-women-targeted", Status: model.Confirmed}, fields: []string{"status", "tags", "summary"}}
	top, second := f.heading(68)
	if got := ansi.Strip(top); got != "✗ this event changed meanwhile: status to confirmed, tags, summary" {
		t.Errorf("heading %q", got)
	}
	if !strings.Contains(ansi.Strip(second), "keeps yours") {
		t.Errorf("second line %q", ansi.Strip(second))
	}
}

// TestConflictSaysTheStoredValues: a field of one line that another
// change made says what it is now, so that reloading or keeping one's own
// is chosen knowing the other version; it said only "title".
func TestConflictSaysTheStoredValues(t *testing.T) {
	date, _ := model.ParseDate("2021-06")
	e := model.Event{ID: "x", Title: "CLI title", Date: date, Status: model.Confirmed, Summary: "long"}
	c := formConflict{current: e, fields: []string{"date", "date_text", "title", "summary", "status"}}
	if got, want := c.changed(), "changed meanwhile: date to Jun 2021, date_text emptied, title to “CLI title”, summary, status to confirmed"; got != want {
		t.Errorf("said %q, want %q", got, want)
	}
	// A long title is cut in its middle: its end, where titles are most
	// often changed, stays in view.
	c.current.Title = `NSO offers Mobileum "bags of cash" for SS7 access on a conference call, edited`
	if got := changedTo(&c.current, "title"); got != ` to “NSO offers Mobileum "bag … conference call, edited”` {
		t.Errorf("a long title: %q", got)
	}
}

// TestFieldWidenedShowsItsText: a field scrolled while the form was
// narrow shows its whole text once the form is wide again, though it no
// longer has the focus.
func TestFieldWidenedShowsItsText(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("A", "tab", "tab", "tab")
	title := "Miller tells the FBI tip line about the NSO offer in detail"
	d.typeText(title)
	d.keys("tab")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.keys("shift+tab", "tab")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(d.screen(), title) {
		t.Errorf("the title field at 80 columns:\n%s", d.screen())
	}
}

// TestConflictHeadingWrapsWhatChanged: on a line too short for what the
// other change made, it goes on over the second line, whole, and the
// footer names the keys; it was cut ("title to “…”, sta…"), hiding what
// the choice between reloading and keeping is about.
func TestConflictHeadingWrapsWhatChanged(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	f := newEventForm(d.m.ctx, nil)
	f.conflict = &formConflict{current: model.Event{ID: "x", Title: "NSO offers Mobileum bags of cash on a call", Status: model.Confirmed}, fields: []string{"title", "status"}}
	top, second := f.heading(76)
	both := ansi.Strip(top) + " " + ansi.Strip(second)
	if !strings.Contains(both, "status to confirmed") || strings.Contains(both, "…,") || ansi.StringWidth(top) > 76 || ansi.StringWidth(second) > 76 {
		t.Errorf("heading %q / %q", ansi.Strip(top), ansi.Strip(second))
	}
}

// TestEventFormOnAnEventTrashedMeanwhile: an edit saved on an event
// another session moved to the trash meanwhile opens again on what was
// typed, saying that saving again restores it: which it does, then saves
// the edit. The advice was to open the trash with D and restore it with
// r, which the form took as letters typed: what was typed could only be
// dropped.
func TestEventFormOnAnEventTrashedMeanwhile(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.to("fbi-tip")
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (checked)")
	if _, _, err := (model.Trash{Events: []string{"fbi-tip"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	f, ok := d.openDialog().(*eventForm)
	if !ok || !f.inTrash {
		t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
	}
	if said := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(said, "the event went to the trash meanwhile: ctrl+s restores it and saves yours") {
		t.Errorf("the refusal says:\n%s", d.screen())
	}
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.statusErr() {
		t.Fatalf("saving again: %T, status %q", d.openDialog(), d.status())
	}
	if e, err := s.Event("fbi-tip"); err != nil || !strings.HasSuffix(e.Title, " (checked)") {
		t.Errorf("the restored event: %q, %v", e.Title, err)
	}
}

// TestEventFormKeepsAnActorWithAComma: an actor whose name holds a comma
// ("Smith, John", as an import or chrono add --actor may store it) stays
// one when the event is saved from the form, whether the actors were
// left alone or another actor was added beside it. Before, the field was
// cut at every comma, and saving the status alone stored "Smith" and
// "John" as two actors.
func TestEventFormKeepsAnActorWithAComma(t *testing.T) {
	s := storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2019", "title": "A", "actors": ["Smith, John", "Acme Inc."]}
]}`)
	d := newDriver(t, s, 120, 40)
	d.keys("E", "tab", "tab", "tab", "tab", "right") // the status only
	d.keys("ctrl+s")
	if got := event(t, s, "a").Actors; strings.Join(got, "|") != "Smith, John|Acme Inc." {
		t.Errorf("status saved: actors %q, want them as they were", got)
	}
	d.keys("E", "tab", "tab", "tab", "tab", "tab", "end")
	d.typeText(", Doe, Jane")
	d.keys("ctrl+s")
	if got := event(t, s, "a").Actors; strings.Join(got, "|") != "Smith, John|Acme Inc.|Doe|Jane" {
		t.Errorf("an actor typed beside them: actors %q, want Smith, John kept whole", got)
	}
}

// TestEventFormSavesOnlyWhatWasChanged: a change of status rewrote the
// fields left as they were, trimmed of the spaces and line breaks an
// import had kept, and the journal said they changed.
func TestEventFormSavesOnlyWhatWasChanged(t *testing.T) {
	s := storeOf(t, `{"chrono": 1, "sources": [{"id": "wapo", "publisher": "The Washington Post", "published": "2022-02-01"}], "events": [
  {"id": "a", "date": "2021", "title": "A title ", "date_text": " last  year ", "date_source": "wapo",
   "summary": "  leading\n", "actors": ["  Spaced Actor"]}
]}`)
	before := event(t, s, "a")
	d := newDriver(t, s, 120, 40)
	d.keys("E", "tab", "tab", "tab", "tab", "right") // the status only
	d.keys("ctrl+s")
	after := event(t, s, "a")
	if after.Status == before.Status {
		t.Fatalf("the status was not saved: %q", after.Status)
	}
	after.Status = before.Status
	if !reflect.DeepEqual(after, before) {
		t.Errorf("a change of status changed more:\nbefore %+v\nafter  %+v", before, after)
	}
	// A field typed in is trimmed as before.
	d.keys("E", "tab", "tab", "tab", "ctrl+u")
	d.typeText("  A new title  ")
	d.keys("ctrl+s")
	if got := event(t, s, "a").Title; got != "A new title" {
		t.Errorf("a title typed with spaces around it: %q", got)
	}
}

// TestQuoteFormSavesOnlyWhatWasChanged: a change of stance trimmed the
// speaker and context left as they were.
func TestQuoteFormSavesOnlyWhatWasChanged(t *testing.T) {
	s := storeOf(t, `{"chrono": 1, "sources": [{"id": "wapo", "publisher": "The Washington Post"}], "events": [
  {"id": "a", "date": "2021", "title": "A", "quotes": [{"text": "We drop bags of cash", "speaker": " Omri Lavie ", "context": "in a call\n", "source": "wapo"}]}
]}`)
	before := event(t, s, "a").Quotes[0]
	d := newDriver(t, s, 120, 40)
	d.keys("enter", "e", "tab", "tab", "tab", "tab", "right", "ctrl+s") // the stance only
	after := event(t, s, "a").Quotes[0]
	if after.Stance == before.Stance {
		t.Fatalf("the stance was not saved: %+v", after)
	}
	if after.Speaker != before.Speaker || after.Context != before.Context || after.Text != before.Text {
		t.Errorf("a change of stance changed more: %+v, was %+v", after, before)
	}
}

// TestAddedOutOfTheViewSaysBoth: an event added where the filters hide
// it said only that the filters hide it, the confirmation of the save,
// with its undo, gone from the status line.
func TestAddedOutOfTheViewSaysBoth(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.filterBy("doj")
	d.keys("A")
	d.typeText("2019")
	d.keys("tab", "tab", "tab")
	d.typeText("An event without the tag")
	d.keys("ctrl+s")
	if st := d.status(); !strings.Contains(st, "added") || !strings.Contains(st, "u to undo") || !strings.Contains(st, "is not in this view: the filters hide it") {
		t.Errorf("the status says %q, want the save and the filters", st)
	}
}
