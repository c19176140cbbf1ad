package main

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/store"
)

// TestWriteAfterABrokenChainWarns: a change written to a store whose
// journal was altered outside chrono is kept, chained after the break,
// and each writing command says so; before, they went on without a word,
// and only verify --journal or the browser told. A sound store's writes
// say nothing more.
func TestWriteAfterABrokenChainWarns(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 || r.stderr != "" && args[0] != "import" {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	const warning = "warning: the journal's chain breaks at entry #2 (content); this change is recorded after the break, which stays"
	if r := chrono(t, db, "", "tag", "fbi-tip", "sound"); r.code != 0 || strings.Contains(r.stderr, "warning") {
		t.Errorf("a write to a sound store: %+v", r)
	}
	alterJournalEntry(t, db, 2, `"checked`, `"chequed`)
	for _, args := range [][]string{
		{"tag", "fbi-tip", "again"},
		{"note", "fbi-tip", "a note after the break"},
		{"rm", "fbi-tip"},
		{"restore", "fbi-tip"},
		{"rm", "fbi-tip"},
		{"trash", "--empty"},
		{"import", "timeline.example.json"}, // puts the trashed event back
	} {
		r := chrono(t, db, "", args...)
		if r.code != 0 || !strings.Contains(r.stderr, warning) || strings.Count(r.stderr, "warning:") != 1 ||
			strings.Contains(r.stderr, "chrono undo") { // which refuses it

			t.Errorf("%v after the break: %+v\nwant %q", args, r, warning)
		}
	}
	// Nothing written, nothing more said: the chain is for verify to name.
	chrono(t, db, "", "tag", "fbi-tip", "again")
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "again"}} {
		if r := chrono(t, db, "", args...); r.code != 0 || strings.Contains(r.stderr, "warning") {
			t.Errorf("%v, which changes nothing, after the break: %+v", args, r)
		}
	}
}

// TestRevertBeforeABreakWarns: a revert of an entry before a break in
// the journal's chain is made (what it reverses is vouched for), and
// warns where the chain breaks, as any write after the break does.
func TestRevertBeforeABreakWarns(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"tag", "nso-denial", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	alterJournalEntry(t, db, 3, `"checked`, `"chequed`)
	r := chrono(t, db, "", "revert", "2")
	const warning = "warning: the journal's chain breaks at entry #3 (content); this change is recorded after the break"
	if r.code != 0 || !strings.Contains(r.stdout, "undid #2") || !strings.Contains(r.stderr, warning) {
		t.Errorf("revert 2, before the break at #3: %+v\nwant %q", r, warning)
	}
}

// walkCounter is a store that counts the walks of its journal's chain.
type walkCounter struct {
	model.Store
	walks int
}

func (w *walkCounter) VerifyJournal() (model.ChainReport, error) {
	w.walks++
	return w.Store.(model.JournalVerifier).VerifyJournal()
}

// TestUndoWalksTheChainOnce: undo and revert walk the journal's chain
// before their change, and the check after it takes that walk when the
// journal has gained only their entry, linked to the head walked: a
// long journal is walked once a command, not twice. When another change
// came between, the chain is walked again.
func TestUndoWalksTheChainOnce(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	s, err := store.Open(db, store.Options{NoCreate: true, Author: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	testUndoWalksOnce(t, s)
}

// testUndoWalksOnce is TestUndoWalksTheChainOnce on s, whose journal
// holds a sound chain and whose newest entry tags fbi-tip.
func testUndoWalksOnce(t *testing.T, s model.Store) {
	counted := &walkCounter{Store: s}
	var stderr strings.Builder
	c := &cli{stderr: &stderr}
	before, err := journalHead(counted)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := model.Undo(c.walkNoted(counted)); err != nil {
		t.Fatal(err)
	}
	c.warnIfWrittenAfterBreak(counted, before)
	if counted.walks != 1 || stderr.Len() != 0 {
		t.Errorf("an undo walked the chain %d times, and said %q; want once, and nothing", counted.walks, stderr.String())
	}

	// Another change between the walk and the undo's: walked again.
	counted.walks = 0
	noted := c.walkNoted(counted)
	if _, err := noted.(model.JournalVerifier).VerifyJournal(); err != nil {
		t.Fatal(err)
	}
	tag := func(w model.Writer, tag string) {
		t.Helper()
		if _, err := w.Write(model.OpTag, "tagged #"+tag, func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{tag}, nil))
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	tag(counted, "between")
	tag(noted, "noted")
	c.warnWrittenAfterBreak(counted)
	if counted.walks != 2 || stderr.Len() != 0 {
		t.Errorf("with a change between: %d walks, said %q; want 2, and nothing", counted.walks, stderr.String())
	}
}

// TestStatusNoneClears: "none", as list --status names the events not
// assessed, clears the status in edit --set and add --status.
func TestStatusNoneClears(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "add", "--id", "a", "--title", "A", "--date", "2020", "--status", "alleged")
	mustChrono(t, db, "edit", "a", "--set", "status=none")
	mustChrono(t, db, "add", "--id", "b", "--title", "B", "--date", "2020", "--status", "None")
	if r := mustChrono(t, db, "list", "--status", "none"); !strings.Contains(r.stdout, " a ") || !strings.Contains(r.stdout, " b ") {
		t.Errorf("list --status none:\n%s", r.stdout)
	}
	if r := chrono(t, db, "", "edit", "a", "--set", "status=nonee"); r.code != 2 || !strings.Contains(r.stderr, "or none (not assessed)") {
		t.Errorf("a status misspelt: %+v", r)
	}
}
