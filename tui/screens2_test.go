package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
)

// TestQuoteSourceTrashScreens compares the screens of quotes, sources and
// the trash, each at 120×40 and 80×24, with
// testdata/TestQuoteSourceTrashScreens/*.golden.
func TestQuoteSourceTrashScreens(t *testing.T) {
	for _, tt := range quoteSourceTrashScreens {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			t.Run(tt.name+"-"+sizeName(size), func(t *testing.T) {
				d := newDriver(t, placed{stamped{exampleStore(t)}}, size[0], size[1])
				tt.do(d)
				checkSize(t, d.m.View().Content, size[0], size[1])
				golden.RequireEqual(t, d.screen())
			})
		}
	}
}

var quoteSourceTrashScreens = []authoringScreen{
	{"trash-confirm", false, func(d *driver) { d.keys("j", "d") }},
	{"trash-empty", false, func(d *driver) { d.keys("D") }},
	{"trash", false, func(d *driver) { d.keys("j", "d", "y", "space", "space", "d", "y", "D") }},
	{"trash-purge-confirm", false, func(d *driver) { d.keys("d", "y", "D", "X") }},
	{"sources", false, func(d *driver) { d.keys("S", "j") }},
	// Every key the screen has offered at once: x on a source nothing
	// cites, undo and redo.
	{"sources-undone", false, func(d *driver) {
		addGuardian(d)
		d.keys("x", "y", "u")
	}},
	{"source-add", false, func(d *driver) {
		d.keys("S", "a", "tab")
		d.typeText("The Guardian")
		d.keys("tab", "tab", "tab", "tab")
		d.typeText("March 2022")
	}},
	{"source-edit", false, func(d *driver) { d.keys("S", "e") }},
	{"journal", false, func(d *driver) { d.keys("j", "d", "y", "2", "H") }},
	// A change that, with who the changes are recorded as, is wider
	// than 80 columns.
	{"journal-import", false, func(d *driver) { d.keys("H") }},
	{"quote-add", false, func(d *driver) {
		d.keys("Q")
		d.send(tea.PasteMsg{Content: "We would drop bags of cash\nat your office."})
		d.keys("tab")
		d.typeText("Omri Lavie")
	}},
	{"quote-source", false, func(d *driver) {
		d.keys("Q", "tab", "tab")
		d.typeText("post")
	}},
	{"quote-new-source", false, func(d *driver) {
		d.keys("Q", "tab", "tab")
		d.typeText("The Guardian")
		d.keys("enter")
	}},
	{"quote-edit", false, func(d *driver) { d.keys("enter", "e", "tab", "tab", "tab", "tab") }},
}

// TestTrashAndRestore: d asks, then moves the event to the trash and out
// of the chronology; the trash screen restores it.
func TestTrashAndRestore(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("j")
	id := d.selected()
	d.keys("d")
	if _, ok := d.openDialog().(*confirmDialog); !ok {
		t.Fatalf("d opened %T, want the confirmation", d.openDialog())
	}
	d.keys("y")
	if d.selected() == id || d.total() != 12 {
		t.Fatalf("after the trash: selected %q, %d events", d.selected(), d.total())
	}
	if tr, _ := s.Trash(); len(tr) != 1 || tr[0].Event.ID != id {
		t.Fatalf("trash %+v", tr)
	}
	d.keys("D", "r")
	if tr, _ := s.Trash(); len(tr) != 0 {
		t.Fatalf("not restored: %+v", tr)
	}
	if !strings.Contains(d.screen(), "the trash is empty") {
		t.Error("the trash screen still lists it")
	}
	d.keys("esc")
	if d.total() != 13 {
		t.Errorf("back in the chronology: %d events", d.total())
	}
	// Emptying the trash asks, saying the links to the event go with it,
	// and then the event is gone for good, and so are the links, in the
	// purge's journal entry.
	d.keys("d", "y", "D")
	tr, _ := s.Trash()
	if len(tr) != 1 {
		t.Fatalf("trash %+v", tr)
	}
	purged := tr[0].Event.ID
	in, err := s.IncomingLinks([]string{purged})
	if err != nil || len(in[purged]) == 0 {
		t.Fatalf("links to %s: %+v, %v; the example links to every event the browser selects first", purged, in, err)
	}
	d.keys("X")
	n := len(in[purged]) // each from another event
	if say := fmt.Sprintf("Also removed: %s to it, from %s on the timeline.", plural(n, "link"), plural(n, "event")); !strings.Contains(d.screen(), say) {
		t.Errorf("the confirmation does not say %q:\n%s", say, d.screen())
	}
	d.keys("y")
	if tr, _ := s.Trash(); len(tr) != 0 {
		t.Fatalf("not emptied: %+v", tr)
	}
	if say := fmt.Sprintf("removed %s to it from %s", plural(n, "link"), plural(n, "event")); !strings.Contains(d.status(), say) {
		t.Errorf("status %q, want it to say %q", d.status(), say)
	}
	if after, err := s.IncomingLinks([]string{purged}); err != nil || len(after[purged]) != 0 {
		t.Errorf("links to the purged %s: %+v, %v", purged, after, err)
	}
	j, _ := s.Journal(model.JournalQuery{Limit: 1})
	if len(j) != 1 || j[0].Op != model.OpPurge || len(j[0].Events) != 1+n {
		t.Errorf("journal %+v; want the purge and each event that lost its link", j)
	}
}

// TestSourcesScreen: a source is added and edited through the form; a
// cited one is not removed, and the store's reason shows.
func TestSourcesScreen(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("S", "a")
	d.typeText("guardian")
	d.keys("tab")
	d.typeText("The Guardian")
	d.keys("ctrl+s")
	if d.statusErr() {
		t.Fatal(d.status())
	}
	src := sourceOf(t, s, "guardian")
	if src.Publisher != "The Guardian" {
		t.Fatalf("added %+v", src)
	}
	d.keys("G") // guardian, undated, the last
	d.keys("e", "tab", "tab")
	d.typeText("Ruling")
	d.keys("ctrl+s")
	if got := sourceOf(t, s, "guardian"); got.Title != "Ruling" || !strings.Contains(d.screen(), "Ruling") {
		t.Errorf("edited %+v", got)
	}
	d.keys("g", "j", "x") // wapo, cited, after occupy-democrats of the same day
	if !d.statusErr() || !strings.Contains(d.status(), "cited by") {
		t.Errorf("removing a cited source: %q", d.status())
	}
}

func sourceOf(t *testing.T, s model.Store, id string) model.Source {
	t.Helper()
	ss, err := s.Sources()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range ss {
		if src.ID == id {
			return src
		}
	}
	t.Fatalf("no source %q in %+v", id, ss)
	return model.Source{}
}

// stamped says every event in the trash was deleted by ana when the
// tests' notes are written, so that the screens do not change with the
// clock.
type stamped struct{ model.Store }

func (s stamped) Trash() ([]model.Trashed, error) {
	tr, err := s.Store.Trash()
	for i := range tr {
		tr[i].At, tr[i].Author = noted, "ana"
	}
	return tr, err
}

// TestQuoteForm: Q adds a pasted quote citing a source chosen by typing;
// one made on the spot is written with it; e edits the selected one.
func TestQuoteForm(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	before := len(event(t, s, id).Quotes)
	d.keys("Q")
	d.send(tea.PasteMsg{Content: "We would drop\nbags of cash.\x1b[31m"})
	d.keys("tab")
	d.typeText("Omri Lavie")
	d.keys("tab")
	d.typeText("washington")
	d.keys("tab", "tab", "right", "ctrl+s")
	if d.statusErr() || d.openDialog() != nil {
		t.Fatalf("not saved: %q, %T", d.status(), d.openDialog())
	}
	qs := event(t, s, id).Quotes
	if len(qs) != before+1 {
		t.Fatalf("%d quotes, want %d", len(qs), before+1)
	}
	want := model.Quote{Text: "We would drop\nbags of cash.", Speaker: "Omri Lavie", Source: "wapo", Stance: model.Asserts}
	if got := qs[len(qs)-1]; got != want {
		t.Errorf("added %+v, want %+v", got, want)
	}

	// A new source, made from the source field: the words typed to find
	// it, which found none, are its publisher.
	d.keys("Q")
	d.typeText("No comment.")
	d.keys("tab", "tab")
	d.typeText("The Guardian")
	d.keys("enter")
	d.typeText(" US")
	d.keys("ctrl+s") // the source form: back to the quote
	if _, open := d.openDialog().(*quoteForm); !open {
		t.Fatalf("after the source form: %T", d.openDialog())
	}
	d.keys("ctrl+s")
	qs = event(t, s, id).Quotes
	if got := qs[len(qs)-1]; got.Text != "No comment." || got.Source == "" || sourceOf(t, s, got.Source).Publisher != "The Guardian US" {
		t.Fatalf("added %+v", got)
	}

	// e edits the quote selected in the sources pane.
	d.keys("enter", "e", "tab")
	d.typeText("Omri Lavie, ")
	d.keys("ctrl+s")
	if got := event(t, s, id).Quotes[0].Speaker; got != "The Washington PostOmri Lavie," {
		t.Errorf("edited speaker %q (status %q)", got, d.status())
	}
	// An empty quote is refused in the form, naming the field.
	d.keys("Q", "ctrl+s")
	if f, ok := d.openDialog().(*quoteForm); !ok || !strings.Contains(f.problem.why, "quote #") {
		t.Errorf("empty quote: %T %+v", d.openDialog(), d.openDialog())
	}
}

// TestCitedSourceIsNotOfferedForRemoval: on a source that events cite,
// the sources screen does not offer x, and x says how many events cite
// it and what to do, without trying a write the store refuses.
func TestCitedSourceIsNotOfferedForRemoval(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("S", "G") // wapo, cited by 3 events
	lines := strings.Split(d.screen(), "\n")
	if foot := lines[len(lines)-1]; strings.Contains(foot, "x remove") {
		t.Errorf("the footer offers removing a cited source: %q", foot)
	}
	d.keys("?")
	if strings.Contains(d.screen(), "remove") {
		t.Errorf("the help offers removing a cited source:\n%s", d.screen())
	}
	d.keys("esc", "x")
	if want := "source wapo is cited by 3 events, in quotes or date texts (f shows them); change or remove those first"; d.status() != want || !d.statusErr() {
		t.Errorf("x on a cited source said %q (error %v), want %q", d.status(), d.statusErr(), want)
	}
}

// TestTrashConfirmSaysEachLink: at 80 columns, moving two events to the
// trash names each link that will point at nothing, with its relation,
// though the titles on either side are long.
func TestTrashConfirmSaysEachLink(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.to("nso-mobileum-call")
	d.keys("space")
	d.to("pegasus-project")
	d.keys("space", "d")
	screen := d.screen()
	for _, rel := range []string{"” follows “NSO offers", "” supports “NSO offers", "” is related to “The Post's Pegasus"} {
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), rel) {
			t.Errorf("the confirmation does not say %q:\n%s", rel, screen)
		}
	}
}

// TestTrashConfirmSaysItsOwnLinks: the event's own links to events left
// on the timeline, which those events show from their side, are named as
// going to the trash with it.
func TestTrashConfirmSaysItsOwnLinks(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.to("nso-mobileum-call")
	d.keys("d")
	screen := strings.Join(strings.Fields(d.screen()), " ")
	for _, want := range []string{"1 link to other events goes with it:", "it is disputed by “NSO denies", "“Miller reports the call"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, d.screen())
		}
	}
}

// TestTrashSaysWhichEvent: moving one event to the trash names it, by
// its title shortened as other messages do; several are counted.
func TestTrashSaysWhichEvent(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.to("khashoggi-killed")
	d.keys("d", "y")
	if want := "moved “Jamal Khashoggi is killed in the Saudi …” to the trash · u to undo"; d.status() != want {
		t.Errorf("one event to the trash: %q, want %q", d.status(), want)
	}
	d.keys("space", "j", "space", "d", "y")
	if want := "moved 2 events to the trash · u to undo"; d.status() != want {
		t.Errorf("two events to the trash: %q, want %q", d.status(), want)
	}
}
