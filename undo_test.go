package main

import (
	"errors"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store"
)

// TestUndoRefusesATamperedEntry: an entry rewritten outside chrono (its
// versions changed, its hash left) is not reversed by chrono undo or
// revert, which would make the forged version the event's under a sound
// new entry: both refuse, naming the entry and verify --journal, and
// change nothing. An entry before the break is not refused for it.
func TestUndoRefusesATamperedEntry(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"tag", "fbi-tip", "more"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	alterJournalEntry(t, db, 3, `"more`, `"mare`) // its JSON left sound
	before := chrono(t, db, "", "show", "fbi-tip").stdout
	for _, args := range [][]string{{"undo"}, {"revert", "3"}} {
		r := chrono(t, db, "", args...)
		if r.code == 0 || !strings.Contains(r.stderr, "journal entry #3 does not hold to the chain") || !strings.Contains(r.stderr, "verify --journal") {
			t.Errorf("%v on a tampered entry: %+v", args, r)
		}
	}
	if after := chrono(t, db, "", "show", "fbi-tip").stdout; after != before {
		t.Errorf("the refused undo changed the event:\n%s\nwas\n%s", after, before)
	}
	// #2 is before the break: what stands in its way is the later tag.
	if r := chrono(t, db, "", "revert", "2"); strings.Contains(r.stderr, "does not hold to the chain") {
		t.Errorf("revert 2, before the break: %+v", r)
	}
}

// TestRevertRefusesAnEntryRewrittenWithItsHash: an entry rewritten
// outside chrono with its hash recomputed hashes to the hash it holds;
// the chain breaks only at the next entry's link. revert took the entry
// as sound and put back the title it was forged to record.
func TestRevertRefusesAnEntryRewrittenWithItsHash(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"edit", "fbi-tip", "--set", "title=Miller tips off the FBI"}, {"tag", "apple-sues-nso", "checked"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	rehashJournalEntry(t, db, 2, `"title":"Miller reports the call`, `"title":"Miller invents the call`)
	if r := chrono(t, db, "", "verify", "--journal"); !strings.Contains(r.stdout, "the chain breaks at entry #3 (link)") {
		t.Fatalf("verify --journal: %+v", r)
	}
	before := chrono(t, db, "", "show", "fbi-tip").stdout
	r := chrono(t, db, "", "revert", "2")
	if r.code == 0 || !strings.Contains(r.stderr, "journal entry #3 does not hold to the chain") || !strings.Contains(r.stderr, "what #2 records cannot be trusted") {
		t.Errorf("revert 2: %+v", r)
	}
	if after := chrono(t, db, "", "show", "fbi-tip").stdout; after != before {
		t.Errorf("the refused revert changed the event:\n%s\nwas\n%s", after, before)
	}
	// A change written after such a break says which entries are refused.
	if r := chrono(t, db, "", "tag", "apple-sues-nso", "seen"); r.code != 0 || !strings.Contains(r.stderr, "undo and revert refuse the entries from the one before it on") {
		t.Errorf("tag after the break: %+v", r)
	}
}

// TestRevertOfAnEntryTakenBack: reverting an entry a later one took back
// already said that the undo had changed the event since, and to revert
// that first, which would redo the entry: advice that goes in circles.
// It now says the entry was taken back, by which, and how to bring it
// back; once brought back, it reverts again.
func TestRevertOfAnEntryTakenBack(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"import", "timeline.example.json"}, {"tag", "fbi-tip", "checked"}, {"revert", "2"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	r := chrono(t, db, "", "revert", "2")
	if r.code != 1 || !strings.Contains(r.stderr, "#2 was taken back already, by #3 undid #2: tagged #checked on 1 event") || !strings.Contains(r.stderr, "chrono revert 3 brings it back") {
		t.Errorf("revert 2 again: %+v", r)
	}
	for _, args := range [][]string{{"revert", "3"}, {"revert", "2"}} {
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Errorf("%v: %+v", args, r)
		}
	}
}

// TestUndoNamesAnotherAuthorsChange: chrono undo takes back the latest
// change whoever made it, and says so when it was another author's; it
// said only "undid #4: edited e", as if it were one's own.
func TestUndoNamesAnotherAuthorsChange(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--title", "E", "--date", "2020")
	mustChrono(t, db, "--author", "bob", "edit", "e", "--set", "title=Bob")
	if out := mustChrono(t, db, "undo").stdout; !strings.Contains(out, "undid #3: saved “Bob” (#4)\nthat change was bob's, made ") {
		t.Errorf("undo of bob's change says:\n%s", out)
	}
	if out := mustChrono(t, db, "undo").stdout; strings.Contains(out, "that change was") {
		t.Errorf("an undo of the undoer's own change names its author:\n%s", out)
	}
}

// TestRevertOfASourceChangePutsBackItsFieldsAlone: reverting a change
// to one field of a source is not stood in the way of by a later change
// to another, which stays; a later change to the same field is, named.
// Any later change refused it, saying only "changed since".
func TestRevertOfASourceChangePutsBackItsFieldsAlone(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "source", "add", "--id", "s", "--publisher", "P", "--url", "https://example.org/a")
	mustChrono(t, db, "source", "edit", "s", "--url", "https://example.org/b")      // #3
	mustChrono(t, db, "--author", "bob", "source", "edit", "s", "--title", "Later") // #4
	if r := chrono(t, db, "", "revert", "3"); r.code != 0 {
		t.Fatalf("revert of the url's change after a change of the title: exit %d\n%s", r.code, r.stderr)
	}
	if out := mustChrono(t, db, "source", "show", "s").stdout; !strings.Contains(out, "https://example.org/a") || !strings.Contains(out, "Later") {
		t.Errorf("after the revert, want the url put back and the later title kept:\n%s", out)
	}
	mustChrono(t, db, "--author", "bob", "source", "edit", "s", "--title", "Latest") // #6
	r := chrono(t, db, "", "revert", "4")
	if want := `source "s": its title was changed since (to “Latest”): revert that first`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("revert of the title's change after another: exit %d, stderr %q; want %q in it", r.code, r.stderr, want)
	}
}

// TestRevertOfAnEditOverAMoveToTheTrashAndBack: an event moved to the
// trash and back has none of its fields changed, so an earlier edit of
// it is reverted over the moves; while it is in the trash, the revert
// names the deletion. Both moves refused it, each naming the other.
func TestRevertOfAnEditOverAMoveToTheTrashAndBack(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--title", "T", "--date", "2022")
	mustChrono(t, db, "edit", "t", "--set", "summary=s") // #3
	mustChrono(t, db, "rm", "t")                         // #4
	r := chrono(t, db, "", "revert", "3")
	if want := `event "t": changed since, by #4 moved 1 event to the trash by`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("revert of the edit of an event in the trash: exit %d, stderr %q; want %q in it", r.code, r.stderr, want)
	}
	mustChrono(t, db, "restore", "t") // #5
	if r := chrono(t, db, "", "revert", "3"); r.code != 0 {
		t.Fatalf("revert of the edit after a move to the trash and back: exit %d\n%s", r.code, r.stderr)
	}
	if out := mustChrono(t, db, "show", "t").stdout; strings.Contains(out, "\ns\n") {
		t.Errorf("the summary is still there:\n%s", out)
	}
}

// TestRevertAfterTheTrashWasEmptiedSaysWhatToDo: a change that emptying
// the trash stands in the way of cannot be reverted, and the refusal
// says what to do instead; it said to revert the emptying first, which
// cannot be.
func TestRevertAfterTheTrashWasEmptiedSaysWhatToDo(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--title", "A", "--date", "2020")
	mustChrono(t, db, "add", "--title", "B", "--date", "2021")
	mustChrono(t, db, "link", "a", "related", "b") // #4
	mustChrono(t, db, "rm", "b")
	mustChrono(t, db, "trash", "--empty")
	r := chrono(t, db, "", "revert", "4")
	if r.code != 1 || strings.Contains(r.stderr, "revert those first") || !strings.Contains(r.stderr, "emptying the trash cannot be undone: change the event by hand (chrono edit a)") {
		t.Errorf("revert after the trash was emptied: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestUndoKeepsTheStartOfTheInvestigation: on a new store, undo and
// revert 1 refuse to take back the entry that started the investigation,
// saying so and how to change its title, and write nothing; undo said
// "undid #1: started ..." and left the investigation without a title. A
// change after it is undone as before.
func TestUndoKeepsTheStartOfTheInvestigation(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", "--title", "Case", db)
	const kept = "#1 started the investigation, which is not taken back; to change its title or description, run chrono edit --header --set title=... (or description=...)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"undo"}, "chrono: nothing to undo: " + kept},
		{[]string{"revert", "1"}, "chrono: " + kept},
	} {
		if r := chrono(t, db, "", c.args...); r.code != 1 || r.stdout != "" || r.stderr != c.want {
			t.Errorf("chrono %v: exit %d, stdout %q, stderr %q; want exit 1, %q", c.args, r.code, r.stdout, r.stderr, c.want)
		}
	}
	if r := mustChrono(t, db, "log"); strings.Count(r.stdout, "\n#")+1 != 1 || !strings.Contains(r.stdout, "started Case") {
		t.Errorf("log after the refusals:\n%s", r.stdout)
	}
	mustChrono(t, db, "add", "--id", "e", "--title", "E")
	if r := mustChrono(t, db, "undo"); !strings.HasPrefix(r.stdout, "undid #2: ") {
		t.Errorf("undo of a change after the start: %+v", r)
	}
}

// entryUnread is a store whose entries may be listed, but not read whole.
type entryUnread struct {
	model.Store
	t *testing.T
}

func (s entryUnread) Entry(seq uint64) (model.Entry, error) {
	s.t.Errorf("entry #%d read whole", seq)
	return s.Store.Entry(seq)
}

func (s entryUnread) Journal(q model.JournalQuery) ([]model.Entry, error) {
	if !q.HeadsOnly {
		s.t.Errorf("the journal read with its entries' events: %+v", q)
	}
	return s.Store.Journal(q)
}

// TestUndoNamesTheAuthorFromTheHead: naming whose change an undo took
// back reads that entry's head alone. It read the entry whole: a redo
// of an import's undo read a version of each of the import's events
// back once the redo was written, most of its memory.
func TestUndoNamesTheAuthorFromTheHead(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--title", "E", "--date", "2020")
	mustChrono(t, db, "--author", "bob", "edit", "e", "--set", "title=Bob")
	s, err := store.Open(db, store.Options{NoCreate: true, Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := model.Undo(s)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	c := &cli{stdout: &out}
	if err := c.saidReverted(entryUnread{s, t}, e, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "undid #3: saved “Bob” (#4)\nthat change was bob's, made ") {
		t.Errorf("the undo says:\n%s", out.String())
	}
}

// entryReadWhole is a store that says when an entry is read whole.
type entryReadWhole struct {
	model.Store
	t *testing.T
}

func (s entryReadWhole) Entry(seq uint64) (model.Entry, error) {
	s.t.Errorf("entry #%d read whole, with a version of each event it moved", seq)
	return s.Store.Entry(seq)
}

// TestRevertReadsWhatARevertNeeds: chrono revert N, and the browser's
// redo of an entry it holds without its events, read the entry as undo
// does (JournalQuery.Reverting), the versions of the events it moved
// read from the store. Read whole, reverting the redo of a 200,000-event
// import held a version of each event: 1.3 GB, where undo took 0.2 GB.
func TestRevertReadsWhatARevertNeeds(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--id", "e", "--title", "E", "--date", "2020")
	mustChrono(t, db, "rm", "e")
	s, err := store.Open(db, store.Options{NoCreate: true, Author: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := model.RevertSeq(entryReadWhole{s, t}, 3)
	if err != nil || e.Reverts != 3 {
		t.Fatalf("revert 3: %+v, %v", e, err)
	}
	if _, err := s.Event("e"); err != nil {
		t.Fatalf("the event deleted is not back: %v", err)
	}
	heads, err := s.Journal(model.JournalQuery{Limit: 1, HeadsOnly: true})
	if err != nil || len(heads) != 1 || len(heads[0].Events) != 0 {
		t.Fatalf("the latest entry's head: %+v, %v", heads, err)
	}
	if _, err := model.RevertWith(entryReadWhole{s, t}, heads[0], model.RevertOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Event("e"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the event is not back in the trash: %v", err)
	}
}
