package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
	"chrono/model/native"
	"chrono/store"
)

// Journal stamps the journal's entries with times of their own, the same
// on every run, for the screens that show an event's latest changes.
func (p placed) Journal(q model.JournalQuery) ([]model.Entry, error) {
	es, err := p.Store.Journal(q)
	stamp(es)
	return es, err
}

// Detail stamps the event's latest changes as Journal does.
func (p placed) Detail(id string) (model.Detail, error) {
	d, err := p.Store.Detail(id)
	stamp(d.History)
	return d, err
}

func stamp(es []model.Entry) {
	for i := range es {
		es[i].At = noted.Add(time.Duration(es[i].Seq) * time.Minute)
	}
}

func TestHistoryInTheSourcesPane(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, placed{s}, 120, 40)
	d.keys("j", "E", "tab", "tab", "tab") // khashoggi-killed, short enough for its history to show
	d.typeText(" (filed)")
	d.keys("tab", "right", "ctrl+s")
	pane := func() string { return strings.Join(strings.Fields(strings.Join(paneText(d), " ")), " ") }
	if !strings.Contains(pane(), "latest changes") || !strings.Contains(pane(), "#2 · 4 Mar 2026 09:32 · saved “Jamal Khashoggi is kille … stanbul (filed)” · changed: title, status") {
		t.Errorf("the edit is not in the history:\n%s", d.screen())
	}
	if h := d.sources().history; len(h) != 2 || h[1].Op != model.OpImport {
		t.Errorf("history %+v", h)
	}
	d.keys("u")
	if !strings.Contains(pane(), "#3 · 4 Mar 2026 09:33 · undid #2: saved “Jamal Khashoggi is kille … stanbul (filed)” · changed: title, status") {
		t.Errorf("the undo is not in the history:\n%s", d.screen())
	}
}

// exampleStoreBy is the example investigation in a store whose writes are
// attributed to author.
func exampleStoreBy(t testing.TB, author string) model.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "chrono.db"), store.Options{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f, err := os.Open("../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := model.Input{Name: "timeline.example.json", Read: func(sink model.Sink) error { return native.Read(f, sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// annotated is fbi-tip with two notes by ana, and the sources pane on the
// second, scrolled to its end: the notes, then the latest changes.
func annotated(d *driver) {
	d.to("fbi-tip")
	d.keys("a")
	d.typeText("Ask the FBI for the tip's log.")
	d.keys("ctrl+s", "a")
	d.typeText("Miller says he called twice.")
	d.keys("ctrl+s", "enter")
	for range d.sources().count() - 1 {
		d.keys("j")
	}
	d.keys("G")
}

func TestNoteEditAndDelete(t *testing.T) {
	s := exampleStoreBy(t, "ana")
	d := newDriver(t, placed{s}, 120, 40)
	annotated(d)
	if !strings.Contains(d.screen(), "— ana, 4 Mar 2026") {
		t.Errorf("the notes do not say who wrote them:\n%s", d.screen())
	}
	if i, ok := d.sources().note(); !ok || i != 1 {
		t.Fatalf("selected note %d, %v; want the second", i, ok)
	}
	d.keys("e")
	ed, ok := d.openDialog().(*noteEditor)
	if !ok || ed.area.Value() != "Miller says he called twice." {
		t.Fatalf("e: dialog %T, not filled with the note", d.openDialog())
	}
	d.typeText(" Both unanswered.")
	d.keys("ctrl+s")
	notes := event(t, s, "fbi-tip").Notes
	if len(notes) != 2 || notes[1].Text != "Miller says he called twice. Both unanswered." || notes[1].Author != "ana" {
		t.Fatalf("notes after the edit %+v; status %q", notes, d.status())
	}
	if d.status() != "edited note 2 of fbi-tip · u to undo" {
		t.Errorf("status %q", d.status())
	}
	// x asks first: n keeps the note, y deletes it.
	d.keys("x")
	if _, ok := d.openDialog().(*confirmDialog); !ok || !strings.Contains(d.screen(), "delete note 2 of fbi-tip?") {
		t.Fatalf("x did not ask:\n%s", d.screen())
	}
	// The question shows the note, to know which it is.
	if !strings.Contains(d.screen(), "Miller says he called twice. Both unanswered.") {
		t.Errorf("the question does not show the note:\n%s", d.screen())
	}
	d.keys("n")
	if d.openDialog() != nil || len(event(t, s, "fbi-tip").Notes) != 2 {
		t.Fatal("n did not keep the note")
	}
	d.keys("x", "y")
	if notes := event(t, s, "fbi-tip").Notes; len(notes) != 1 || notes[0].Text != "Ask the FBI for the tip's log." {
		t.Fatalf("notes after the delete %+v", notes)
	}
	d.keys("u")
	if notes := event(t, s, "fbi-tip").Notes; len(notes) != 2 {
		t.Errorf("undo did not bring the note back: %+v", notes)
	}
}

// TestPaneScreens compares the sources pane with notes and history, at
// 120×40 and 80×24, with testdata/TestPaneScreens/*.golden.
func TestPaneScreens(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run("notes-history-"+sizeName(size), func(t *testing.T) {
			d := newDriver(t, placed{exampleStoreBy(t, "ana")}, size[0], size[1])
			annotated(d)
			checkSize(t, d.m.View().Content, size[0], size[1])
			golden.RequireEqual(t, d.screen())
		})
	}
}

// TestHistoryNamesAnImportsFields: an import's entry keeps only the
// version it replaced, yet the history names the fields it changed.
func TestHistoryNamesAnImportsFields(t *testing.T) {
	s := exampleStore(t)
	doc := `{"chrono": 1, "events": [{"id": "fbi-tip", "date": "2017-08/2021", "title": "Miller tips off the FBI"}]}`
	in := model.Input{Name: "retitled.json", Read: func(sink model.Sink) error { return native.Read(strings.NewReader(doc), sink) }}
	if _, err := s.Import([]model.Input{in}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, placed{s}, 120, 40)
	d.to("fbi-tip")
	if pane := strings.Join(strings.Fields(strings.Join(paneText(d), " ")), " "); !strings.Contains(pane, "#2 · 4 Mar 2026 09:32 · imported retitled.json: 0 new, 1 updated · changed: title") {
		t.Errorf("the import's fields are not in the history:\n%s", d.screen())
	}
}

// TestHistorySaysWhatTheLogSays: the pane's latest changes say of each
// entry what chrono log says: a redo is "redid" the change it makes
// again, not "undid" the undo, and an undo of tags is an undo, not an
// edit.
func TestHistorySaysWhatTheLogSays(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, placed{s}, 160, 45)
	d.to("fbi-tip")
	d.keys("a")
	d.typeText("call Tye back")
	d.keys("ctrl+s", "u", "U") // #2 the note, #3 its undo, #4 its redo
	d.keys("T")
	d.typeText("fbi")
	d.keys("enter", "u") // #5 the untag, #6 its undo
	screen := strings.Join(strings.Fields(strings.Join(paneText(d), " ")), " ")
	for _, want := range []string{
		"#6 · 4 Mar 2026 09:36 · undid #5: removed #fbi from 1 event · changed: tags",
		"#5 · 4 Mar 2026 09:35 · removed #fbi from 1 event · changed: tags",
		"#4 · 4 Mar 2026 09:34 · redid #2: added a note to fbi-tip · changed: notes",
		"#3 · 4 Mar 2026 09:33 · undid #2: added a note to fbi-tip · changed: notes",
		"#2 · 4 Mar 2026 09:32 · added a note to fbi-tip · changed: notes",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the history does not say %q:\n%s", want, strings.Join(paneText(d), "\n"))
		}
	}
	// Each line is the entry's phrase, which chrono log prints.
	es, err := s.Journal(model.JournalQuery{Event: "fbi-tip"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es[:min(len(es), len(d.sources().history))] {
		if !strings.Contains(screen, " · "+e.Phrase+" · ") {
			t.Errorf("the history leaves out #%d's phrase %q", e.Seq, e.Phrase)
		}
	}
}
