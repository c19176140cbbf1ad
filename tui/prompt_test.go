package tui

import (
	tea "charm.land/bubbletea/v2"
	"slices"
	"strings"
	"testing"
)

// promptValue is what is typed at the open prompt.
func promptValue(t *testing.T, d *driver) string {
	t.Helper()
	p, ok := d.openDialog().(*prompt)
	if !ok {
		t.Fatalf("no prompt open: %T", d.openDialog())
	}
	return p.input.Value()
}

// The search and go-to prompts complete nothing, so they do not offer
// tab.
func TestPromptsOfferOnlyWhatTheyDo(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	for _, k := range []string{"/", ":"} {
		d.keys(k)
		if s := d.screen(); strings.Contains(s, "complete") {
			t.Errorf("%s prompt offers completion:\n%s", k, s)
		}
		d.keys("esc")
	}
	d.keys("t")
	if s := d.screen(); !strings.Contains(s, "tab complete") {
		t.Errorf("t prompt does not offer completion:\n%s", s)
	}
}

// At t, tab takes the first tag that completes the word, and tab again
// the next, in turn; the candidates show after the input.
func TestTagPromptCyclesCandidates(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("t")
	p := d.openDialog().(*prompt)
	all := p.candidates()
	if len(all) < 3 {
		t.Fatalf("the example has too few tags to cycle: %v", all)
	}
	last := d.screen()
	if !strings.Contains(lastLine(last), all[0]) || !strings.Contains(lastLine(last), all[1]) {
		t.Errorf("the candidates do not show:\n%s", lastLine(last))
	}
	d.typeText("x ")
	for i := range len(all) + 1 {
		d.keys("tab")
		if got, want := promptValue(t, d), "x "+all[i%len(all)]+" "; got != want {
			t.Fatalf("tab %d: %q, want %q", i+1, got, want)
		}
	}
	d.keys("shift+tab")
	lastTag := all[len(all)-1]
	if got, want := promptValue(t, d), "x "+lastTag+" "; got != want {
		t.Errorf("shift+tab: %q, want %q", got, want)
	}
	// Typing ends the cycle: what is typed goes on after the completed
	// tag, and tab completes the next word from the tags not typed yet.
	d.typeText("c")
	d.keys("tab")
	if got := promptValue(t, d); !strings.HasPrefix(got, "x "+lastTag+" c") || got == "x "+lastTag+" c" {
		t.Errorf("tab after typing: %q", got)
	}
}

// At T, tab on an empty input offers the event's own tags.
func TestUntagPromptOffersTheEventsTags(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	tags := event(t, s, d.selected()).Tags
	if len(tags) < 2 {
		t.Fatalf("the first event has too few tags: %v", tags)
	}
	d.keys("T", "tab")
	if got := promptValue(t, d); got != tags[0]+" " {
		t.Errorf("tab at T: %q, want %q", got, tags[0])
	}
	d.keys("tab")
	if got := promptValue(t, d); got != tags[1]+" " {
		t.Errorf("tab again at T: %q, want %q", got, tags[1])
	}
	if l := lastLine(d.screen()); !strings.Contains(l, tags[1]) {
		t.Errorf("the candidates do not show: %q", l)
	}
}

// lastLine is the screen's status line, where prompts are.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], ":") {
			return lines[i]
		}
	}
	return ""
}

// TestTagPromptSeparatesTagsWithSpaces: the tags a prompt offers are
// told apart when one holds a space: "suspicious login" is not read as
// two tags beside "ss7".
func TestTagPromptSeparatesTagsWithSpaces(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.to("fbi-tip")
	d.keys("t")
	d.typeText("suspicious login, ss7 cash")
	d.keys("enter")
	if got := event(t, d.m.ctx.store, "fbi-tip").Tags; !slices.Contains(got, "suspicious login") {
		t.Fatalf("tags %q; status %q", got, d.status())
	}
	d.keys("T")
	if !strings.Contains(d.screen(), "fbi · whistleblower · suspicious login · ss7 cash") {
		t.Errorf("the tags offered are not told apart:\n%s", d.screen())
	}
}

// TestTagPromptCommaAfterCompletion: a comma typed after tab put a tag
// and a space in keeps the words before it apart, as they were typed,
// rather than joining them into one tag that holds a space.
func TestTagPromptCommaAfterCompletion(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("t")
	d.typeText("wh")
	d.keys("tab")
	if got := promptValue(t, d); got != "whistleblower " {
		t.Fatalf("tab after wh: %q", got)
	}
	d.typeText("meeting, follow up")
	if got, want := promptValue(t, d), "whistleblower, meeting, follow up"; got != want {
		t.Errorf("the line is %q, want %q", got, want)
	}
	d.keys("enter")
	tags := event(t, s, id).Tags
	for _, want := range []string{"whistleblower", "meeting", "follow up"} {
		if !slices.Contains(tags, want) {
			t.Errorf("tags %q: no %q", tags, want)
		}
	}
	if slices.Contains(tags, "whistleblower meeting") {
		t.Errorf("tags %q: the completed tag took the next word", tags)
	}
}

// TestTagPromptCommaOnceTheCompletionIsGone: once the line no longer
// starts with the tag tab put in (here cleared), a comma typed makes
// commas the separators as anywhere: "suspicious login, vpn" is two tags.
func TestTagPromptCommaOnceTheCompletionIsGone(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("t")
	d.typeText("wh")
	d.keys("tab", "ctrl+u")
	d.typeText("suspicious login, vpn")
	if got, want := promptValue(t, d), "suspicious login, vpn"; got != want {
		t.Errorf("the line is %q, want %q", got, want)
	}
}

// TestTagPromptSaysWhatItLeavesOut: an invisible character pasted with a
// tag is left out, as a tag may not hold one, and the prompt says so
// rather than drop it without a word; the next key clears the note.
func TestTagPromptSaysWhatItLeavesOut(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 160, 45)
	id := d.selected()
	d.keys("t")
	d.send(tea.PasteMsg{Content: "key\u200bword"})
	if got := promptValue(t, d); got != "keyword" || !strings.Contains(d.screen(), "left out U+200B ZERO WIDTH SPACE") {
		t.Errorf("the line %q, the screen:\n%s", got, d.screen())
	}
	d.typeText("s")
	if strings.Contains(d.screen(), "left out") {
		t.Error("the note stays after the next key")
	}
	d.keys("enter")
	if e := event(t, s, id); !e.HasTag("keywords") {
		t.Errorf("tags %q", e.Tags)
	}
}

// TestTagPromptCompletesInAnyCase: t completes a word typed in another
// case, and offers a tag the store holds in two cases once, as the
// filter picker does; "CLI" completed nothing and "Key" and "key" were
// offered both.
func TestTagPromptCompletesInAnyCase(t *testing.T) {
	d := newDriver(t, storeOf(t, `{"chrono": 1, "events": [
  {"id": "a", "date": "2017", "title": "A", "tags": ["Key", "cli-tag"]},
  {"id": "b", "date": "2018", "title": "B", "tags": ["key"]},
  {"id": "c", "date": "2019", "title": "C"}
]}`), 120, 40)
	d.keys("G", "t")
	p := d.openDialog().(*prompt)
	if all := p.candidates(); len(all) != 2 {
		t.Errorf("candidates %q, want Key once and cli-tag", all)
	}
	d.typeText("CLI")
	d.keys("tab")
	if got := promptValue(t, d); got != "cli-tag " {
		t.Errorf("CLI completed to %q, want cli-tag", got)
	}
}

// TestUntagNamesEveryMissingTag: T with tags the event lacks names them
// all, not the first alone, and removes nothing.
func TestUntagNamesEveryMissingTag(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 160, 45)
	before := event(t, s, d.selected()).Tags
	d.keys("T")
	d.typeText("nope1 nope2")
	d.keys("enter")
	if !d.statusErr() || !strings.Contains(d.status(), "no #nope1 #nope2 to remove from") {
		t.Errorf("status %q", d.status())
	}
	if got := event(t, s, d.selected()).Tags; !slices.Equal(got, before) {
		t.Errorf("tags %v, want %v", got, before)
	}
}
