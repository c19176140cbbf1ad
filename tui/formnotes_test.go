package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

// noteUnder is the text of the lines under a form's field labelled
// label, in the column of the fields, up to the next label, joined by
// spaces.
func noteUnder(screen, label string) string {
	return strings.Join(linesUnder(screen, label), " ")
}

// TestFormNotesWrap: what chrono says under a date it cannot read names
// the ways to write one, or, for a source's words relative to its date,
// the fields they go in (as the CLI's --date says); at 80 columns it
// wraps rather than being cut, in the event form and in the source form,
// and the event form's summary still shows under it.
func TestFormNotesWrap(t *testing.T) {
	const whole = `date "last year": not a date chrono reads: write EDTF (2017-08, 2017-08/2021) or as chrono shows dates (Aug 2017, 14 Aug 2017, 2 Oct 2018 – 2021)`
	const relative = `"last year" is a source's words, not a date: type them in Date text, choose the source they are from in Anchored by, and chrono proposes the date they mean`
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("A")
	d.typeText("last year")
	d.keys("tab")
	d.typeText("last year")
	d.keys("tab", "right", "right") // wapo, published 1 Feb 2022
	screen := d.screen()
	if got := noteUnder(screen, "Date"); got != relative {
		t.Errorf("under the date:\n%q\nwant\n%q\n%s", got, relative, screen)
	}
	if got, want := noteUnder(screen, "Anchored by"), "proposes 2021, read in a source published 1 Feb 2022 ctrl+y takes it"; got != want {
		t.Errorf("under the source: %q, want %q\n%s", got, want, screen)
	}
	if !strings.Contains(screen, "Summary") {
		t.Errorf("the summary is off the form:\n%s", screen)
	}

	d = newDriver(t, exampleStore(t), 80, 24)
	d.keys("S", "a")
	for range 5 {
		d.keys("tab")
	}
	d.typeText("last year")
	if got := noteUnder(d.screen(), "Published"); got != whole {
		t.Errorf("under the publication date:\n%q\nwant\n%q\n%s", got, whole, d.screen())
	}
}

// TestFormSaysASourceDateTooCoarse: words chrono reads ("two weeks ago")
// from a source published in a year only name what they lack: a more
// exact date of publication. It said it could not tell a date from the
// words, which it reads from a source of known day.
func TestFormSaysASourceDateTooCoarse(t *testing.T) {
	s := exampleStore(t)
	year, err := model.ParseDate("2020")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := (model.SaveSource{Source: model.Source{ID: "aaa-yearbook", Publisher: "A Yearbook", Published: year}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 80, 24)
	d.keys("A", "tab")
	d.typeText("two weeks ago")
	d.keys("tab", "right") // aaa-yearbook, first by id
	if got, want := noteUnder(d.screen(), "Anchored by"), "these words need a more exact date of publication than the source's, 2020"; got != want {
		t.Errorf("under the source: %q, want %q\n%s", got, want, d.screen())
	}
}

// TestFormSaysASourceHasNoDate: words read from a source chosen that has
// no date of publication say what it lacks; the form asked to choose the
// source, which was chosen.
func TestFormSaysASourceHasNoDate(t *testing.T) {
	s := exampleStore(t)
	if _, _, err := (model.SaveSource{Source: model.Source{ID: "aaa-undated", Publisher: "Undated"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 80, 24)
	d.keys("A", "tab")
	d.typeText("last year")
	d.keys("tab", "right") // aaa-undated, first by id
	if got := noteUnder(d.screen(), "Anchored by"); !strings.HasPrefix(got, "the source chosen has no date of publication") {
		t.Errorf("under the source: %q\n%s", got, d.screen())
	}
}

// TestFormSaysAnAnchorWithoutWordsGoes: with the date text emptied, the
// source chosen to anchor it was dropped on save without a word.
func TestFormSaysAnAnchorWithoutWordsGoes(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("A", "tab", "tab", "right") // no date text; a source chosen
	if got, want := noteUnder(d.screen(), "Anchored by"), "with no date text, the source chosen anchors nothing and is not kept: type its words in Date text to keep it"; got != want {
		t.Errorf("under the source: %q, want %q\n%s", got, want, d.screen())
	}
}
