package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// roleDriver is a browser on the example with role r, served remotely
// when remote.
func roleDriver(t *testing.T, r Role, remote bool) *driver {
	t.Helper()
	d := startDriver(t, New(exampleStore(t), Options{Now: func() time.Time { return noted }, Role: r, Remote: remote}))
	if remote {
		d.m.ctx.clip = terminalClipboard // the driver's stand-in is for local browsers
	}
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	return d
}

func TestReadRoleCannotChangeAnything(t *testing.T) {
	d := roleDriver(t, RoleRead, false)
	before := event(t, d.m.ctx.store, d.selected())
	for _, k := range []string{"t", "1", "a", "u", "A", "E", "L", "I", "d"} {
		d.m.status.clear()
		d.keys(k)
		if d.openDialog() != nil {
			t.Errorf("%s opened %T for the read role", k, d.openDialog())
			d.keys("esc")
		}
		if !strings.Contains(d.status(), "your role is read") || !d.statusErr() {
			t.Errorf("%s said %q; want the role's refusal", k, d.status())
		}
	}
	if after := event(t, d.m.ctx.store, before.ID); !slices.Equal(after.Tags, before.Tags) || len(after.Notes) != len(before.Notes) {
		t.Errorf("the read role changed %s: tags %q -> %q", before.ID, before.Tags, after.Tags)
	}
	d.keys("?")
	help := d.screen()
	for _, gone := range []string{"add tags", "annotate", "add an event", "toggle #"} {
		if strings.Contains(help, gone) {
			t.Errorf("the read role's help offers %q", gone)
		}
	}
	if !strings.Contains(help, "search") {
		t.Error("the read role's help lost search")
	}
	d.keys("esc")
	d.keys("S") // the sources screen
	if strings.Contains(d.screen(), "add a source") {
		t.Error("the read role's sources screen offers adding a source")
	}
	d.m.status.clear()
	d.keys("a")
	if d.openDialog() != nil || !strings.Contains(d.status(), "needs the edit role") {
		t.Errorf("a on the sources screen: %T, %q", d.openDialog(), d.status())
	}
	// Undo needs no more than annotate, but says why a read session has
	// nothing to take back, on every screen (it said "tagging and notes
	// needs the annotate role" on the sources screen).
	for _, k := range []string{"u", "ctrl+r"} {
		d.m.status.clear()
		d.keys(k)
		if want := "your role is read: this session makes no changes, so it has none to undo or redo"; d.status() != want {
			t.Errorf("%s on the sources screen said %q; want %q", k, d.status(), want)
		}
	}
	d.keys("q")
	d.keys("D") // the trash
	if _, ok := d.m.top().(*trashScreen); !ok {
		t.Fatalf("D opened %T, not the trash", d.m.top())
	}
	d.m.status.clear()
	d.keys("u")
	if !strings.Contains(d.status(), "this session makes no changes") {
		t.Errorf("u on the trash screen said %q", d.status())
	}
	d.keys("q")
	d.m.status.clear()
	d.keys("u")
	if !strings.Contains(d.status(), "this session makes no changes") {
		t.Errorf("u on the timeline said %q", d.status())
	}
	// Reading goes on.
	for _, k := range []string{"/", "f"} {
		d.keys(k)
		if d.openDialog() == nil {
			t.Errorf("%s opened nothing for the read role", k)
		}
		d.keys("esc")
	}
}

func TestAnnotateRoleTagsButDoesNotEdit(t *testing.T) {
	d := roleDriver(t, RoleAnnotate, false)
	d.keys("t")
	if _, ok := d.openDialog().(*prompt); !ok {
		t.Fatalf("t opened %T for the annotate role", d.openDialog())
	}
	d.keys("esc")
	for _, k := range []string{"A", "E", "d"} {
		d.m.status.clear()
		d.keys(k)
		if d.openDialog() != nil || !strings.Contains(d.status(), "needs the edit role") {
			t.Errorf("%s: dialog %T, status %q", k, d.openDialog(), d.status())
		}
	}
	if strings.Contains(d.screen(), "add an event") {
		t.Error("the footer offers adding an event to the annotate role")
	}
	// I names what it is refused: it said events, quotes, links and
	// sources.
	d.m.status.clear()
	d.keys("I")
	if want := "editing events, quotes, links, sources and the investigation's title needs the edit role"; d.openDialog() != nil || !strings.Contains(d.status(), want) {
		t.Errorf("I: dialog %T, status %q", d.openDialog(), d.status())
	}
}

// The annotate role writes notes, and so may delete one: x on a note is
// offered and does it, while x on a quote or a link still needs edit.
func TestAnnotateRoleDeletesANote(t *testing.T) {
	d := roleDriver(t, RoleAnnotate, false)
	d.to("fbi-tip") // a quote, a link, and now a note
	d.keys("a")
	d.typeText("call Tye back")
	d.keys("ctrl+s", "tab")
	d.m.status.clear()
	d.keys("x") // on the quote
	if d.openDialog() != nil || !strings.Contains(d.status(), "needs the edit role") {
		t.Errorf("x on a quote for the annotate role: dialog %T, status %q", d.openDialog(), d.status())
	}
	d.keys("j", "j", "j", "j", "j") // notes come last
	if n, ok := d.sources().note(); !ok || n != 0 {
		t.Fatalf("the note is not selected")
	}
	if footer := d.screen(); !strings.Contains(footer, "x remove") {
		t.Errorf("the footer on a note does not offer x to the annotate role:\n%s", footer)
	}
	d.m.status.clear()
	d.keys("x")
	if _, ok := d.openDialog().(*confirmDialog); !ok {
		t.Fatalf("x on a note for the annotate role: dialog %T, status %q", d.openDialog(), d.status())
	}
	d.keys("y")
	if e := event(t, d.m.ctx.store, "fbi-tip"); len(e.Notes) != 0 {
		t.Errorf("the note is still there: %+v", e.Notes)
	}
}

func TestEditRoleCannotEmptyTheTrash(t *testing.T) {
	d := roleDriver(t, RoleEdit, false)
	id := d.selected()
	d.keys("d")
	if c, ok := d.openDialog().(*confirmDialog); ok {
		_ = c
		d.keys("y")
	}
	d.keys("D") // the trash
	d.m.status.clear()
	d.keys("X") // empty it
	if _, ok := d.openDialog().(*confirmDialog); ok {
		t.Errorf("the edit role was asked to confirm emptying the trash")
	}
	if !strings.Contains(d.status(), "needs the admin role") {
		t.Errorf("emptying the trash with the edit role said %q", d.status())
	}
	if screen := d.screen(); strings.Contains(screen, "empty the trash") || !strings.Contains(screen, "restore") {
		t.Errorf("the edit role's trash offers emptying it, or not restoring:\n%s", screen)
	}
	trash, err := d.m.ctx.store.Trash()
	if err != nil || len(trash) != 1 || trash[0].Event.ID != id {
		t.Errorf("the trash: %v, %v; want %s in it", trash, err, id)
	}
}

func TestRemoteRunsNoProgram(t *testing.T) {
	// A $BROWSER that would leave a mark, were it run.
	mark := filepath.Join(t.TempDir(), "ran")
	t.Setenv("BROWSER", "touch "+mark+" %s")
	d := roleDriver(t, RoleAdmin, true)
	d.to("lieu-criminal-referral")
	d.keys("tab", "j", "o") // the referral's second quote
	if d.m.status.link != "https://occupydemocrats.com/" && !strings.HasPrefix(d.m.status.link, "https://occupydemocrats.com/") {
		t.Errorf("o over SSH: link %q, status %q", d.m.status.link, d.status())
	}
	if len(d.clipboard) != 1 || !strings.Contains(d.clipboard[0], "occupydemocrats.com") {
		t.Errorf("o over SSH sent %q by OSC 52", d.clipboard)
	}
	if !strings.Contains(d.m.View().Content, "\x1b]8;") {
		t.Error("the URL is not an OSC 8 hyperlink on screen")
	}
	d.keys("y")
	if len(d.clipboard) != 2 || strings.Contains(d.status(), "xclip") {
		t.Errorf("y over SSH: clipboard %q, status %q", d.clipboard, d.status())
	}
	d.keys("tab", "ctrl+e")
	if !strings.Contains(d.status(), "no editor runs on the server") {
		t.Errorf("ctrl+e over SSH said %q", d.status())
	}
	d.keys("ctrl+z")
	if _, err := os.Stat(mark); err == nil {
		t.Error("a program ran on the server")
	}
	d.keys("?")
	if help := d.screen(); strings.Contains(help, "$EDITOR") || strings.Contains(help, "suspend") {
		t.Error("the help over SSH offers $EDITOR or suspending")
	}
}

// TestRemoteOpenSaysItAllAt80Columns: at 80 columns the message of o
// over SSH, with a source's URL of a news site's usual length, reads
// whole: what happened comes before the URL, which may be cut at its
// end, being a link and in the clipboard.
func TestRemoteOpenSaysItAllAt80Columns(t *testing.T) {
	d := roleDriver(t, RoleRead, true)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.to("lieu-criminal-referral")
	d.keys("tab", "j", "o") // the referral's second quote
	flat := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.Contains(flat, "also in your clipboard (OSC 52)") {
		t.Errorf("o over SSH at 80 columns cut what it did:\n%s", d.screen())
	}
}

// TestSourcesScreenShowsAURLWhole: at 80 columns the sources screen has
// room for a URL's start only; o shows it whole (a link, and in the
// clipboard, over SSH), for a role that may not open the source's form.
func TestSourcesScreenShowsAURLWhole(t *testing.T) {
	d := roleDriver(t, RoleRead, true)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("S")
	for range 3 {
		if strings.Contains(d.screen(), "id occupy-democrats") {
			break
		}
		d.keys("j")
	}
	d.keys("o")
	flat := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.HasPrefix(d.m.status.link, "https://occupydemocrats.com/") || !strings.Contains(flat, "bribing-mobile-phone-operators/") {
		t.Errorf("o on the sources screen: link %q, screen:\n%s", d.m.status.link, d.screen())
	}
	if !strings.Contains(flat, "o open source") {
		t.Errorf("the sources screen's footer does not offer o:\n%s", d.screen())
	}
}

func TestPresenceShowsWhoElseIsIn(t *testing.T) {
	var told []string
	d := startDriver(t, New(exampleStore(t), Options{Now: func() time.Time { return noted }, Remote: true, Selected: func(id string) { told = append(told, id) }}))
	d.send(tea.WindowSizeMsg{Width: 160, Height: 45})
	first := d.selected()
	if len(told) == 0 || told[len(told)-1] != first {
		t.Fatalf("the browser told %q; want %q last", told, first)
	}
	d.keys("j")
	if told[len(told)-1] != d.selected() || len(told) != 2 {
		t.Errorf("after j the browser told %q", told)
	}
	before := d.screen()
	d.send(Presence([]string{"ana", "bo"}, map[string][]string{d.selected(): {"ana"}}))
	if d.screen() != before {
		t.Error("news of the others was drawn at once, not with the next frame or after presenceWait")
	}
	d.send(presenceDueMsg{}) // presenceWait has passed
	header, _, _ := strings.Cut(d.screen(), "\n")
	if !strings.Contains(header, "with ana, bo") {
		t.Errorf("the header does not say who else is in: %q", header)
	}
	if !strings.Contains(d.screen(), "Sources · ana here too") {
		t.Errorf("the sources pane does not say ana has the event selected:\n%s", d.screen())
	}
	d.keys("k")
	if strings.Contains(d.screen(), "ana here too") {
		t.Error("ana is said to be on an event she has not selected")
	}
	// News drawn with the next key's frame, without waiting.
	d.send(Presence([]string{"ana", "bo", "cy"}, map[string][]string{d.selected(): {"cy"}}))
	d.keys("j", "k")
	if !strings.Contains(d.screen(), "Sources · cy here too") {
		t.Errorf("the news did not come with the next key's frame:\n%s", d.screen())
	}
	if !strings.Contains(d.screen(), "with ana, bo, cy") {
		t.Errorf("the header lost the news:\n%s", d.screen())
	}
	_ = d.m.View()
	d.send(presenceDueMsg{}) // its wait ends with nothing left to draw
	if !d.m.framed {
		t.Error("the end of a wait with nothing left to draw drew a new frame")
	}
}

// TestPresenceOfACrowdLeavesWhere: with 49 others in, the header names
// as many as fit and counts the rest; where the cursor is stays in view.
func TestPresenceOfACrowdLeavesWhere(t *testing.T) {
	d := startDriver(t, New(exampleStore(t), Options{Now: func() time.Time { return noted }, Remote: true}))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	var crowd []string
	for i := range 49 {
		crowd = append(crowd, fmt.Sprintf("reporter%02d", i))
	}
	d.send(Presence(crowd, nil))
	d.send(presenceDueMsg{})
	header, _, _ := strings.Cut(d.screen(), "\n")
	if !strings.Contains(header, "event 1 of") {
		t.Errorf("the crowd pushed where the cursor is off the header: %q", header)
	}
	if !strings.Contains(header, "with reporter00, reporter01") || !regexp.MustCompile(`reporter\d\d \+\d+ · event`).MatchString(header) {
		t.Errorf("the header does not name the first and count the rest: %q", header)
	}
}

// The read role pressing e on a quote is told the role editing a quote
// needs (edit), not the one a note needs.
func TestReadRoleEditingAQuoteNamesTheEditRole(t *testing.T) {
	d := roleDriver(t, RoleRead, false)
	d.to("fbi-tip")
	d.keys("tab") // onto the quote
	if _, ok := d.sources().item(); !ok {
		t.Fatal("no quote selected")
	}
	d.m.status.clear()
	d.keys("e")
	if d.openDialog() != nil || !strings.Contains(d.status(), "needs the edit role") {
		t.Errorf("e on a quote for the read role: dialog %T, status %q", d.openDialog(), d.status())
	}
}

// TestRemoteRefusedUndoAdvisesNoRevert: a refused undo named the changes
// in the way and advised reverting them, which only the command line
// does: a browser served over SSH says which, without the advice.
func TestRemoteRefusedUndoAdvisesNoRevert(t *testing.T) {
	for _, remote := range []bool{false, true} {
		d := roleDriver(t, RoleEdit, remote)
		s := d.m.ctx.store
		d.keys("tab", "J") // moves the first quote down
		if _, _, err := (model.DropQuote{ID: "nso-mobileum-call", N: 1}).Apply(s); err != nil {
			t.Fatal(err)
		}
		d.keys("u")
		if !d.statusErr() || !strings.Contains(d.status(), "changed since, by") || strings.Contains(d.status(), "revert") == remote {
			t.Errorf("remote %v: %q", remote, d.status())
		}
	}
}

// The refusal to a role short of annotate reads as a sentence: it said
// "tagging and notes needs the annotate role".
func TestReadRoleRefusalToTagReads(t *testing.T) {
	d := roleDriver(t, RoleRead, false)
	for _, k := range []string{"t", "a", "1"} {
		d.m.status.clear()
		d.keys(k)
		if want := "your role is read: adding tags and notes needs the annotate role; ask the investigation's admin"; d.status() != want {
			t.Errorf("%s said %q; want %q", k, d.status(), want)
		}
	}
}
