package bolt

import (
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// TestSharedAsAttributesEachPersonsWrites: sessions of one server share
// a store, and the journal names the person whose session wrote.
func TestSharedAsAttributesEachPersonsWrites(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: time.Second, Author: "server@host"})
	ana, bo := sh.As("ana"), sh.As("bo")
	if _, err := storetest.Retag(ana, []string{"fbi-tip"}, []string{"ana-was-here"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.Retag(bo, []string{"fbi-tip"}, []string{"bo-was-here"}, nil); err != nil {
		t.Fatal(err)
	}
	entries, err := sh.Journal(model.JournalQuery{Limit: 2})
	if err != nil || len(entries) != 2 {
		t.Fatalf("journal: %v, %v", entries, err)
	}
	if entries[0].Author != "bo" || entries[1].Author != "ana" {
		t.Errorf("authors %q, %q; want bo, ana", entries[0].Author, entries[1].Author)
	}
	if ana.Author() != "ana" || sh.Author() != "server@host" {
		t.Errorf("Author: %q, %q", ana.Author(), sh.Author())
	}
}

// TestSharedAsNoteEditedByAnother: on a server, a note bo's session
// writes and cy's session edits stays bo's, as of when bo wrote it, and
// says cy edited it.
func TestSharedAsNoteEditedByAnother(t *testing.T) {
	sh := NewShared(storeFile(t), Options{Timeout: time.Second, Author: "server@host"})
	bo, cy := sh.As("bo"), sh.As("cy")
	if _, err := bo.Write(model.OpNote, "note saved", func(tx model.Tx) error {
		_, err := model.AddNoteTo(tx, "fbi-tip", model.Note{Text: "ask Tye", At: tx.Now()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	written := storetest.StoredEvent(t, sh, "fbi-tip").Notes[0]
	edit, err := cy.Write(model.OpNote, "edited note 1 of fbi-tip", func(tx model.Tx) error {
		_, err := model.EditNote(tx, "fbi-tip", 1, "ask Tye and Lieu")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n := storetest.StoredEvent(t, sh, "fbi-tip").Notes[0]
	if n.Text != "ask Tye and Lieu" || n.Author != "bo" || !n.At.Equal(written.At) || n.EditedBy != "cy" || !n.Edited.Equal(edit.At) {
		t.Errorf("the note is %+v; want bo's, as written (%v), edited by cy at %v", n, written.At, edit.At)
	}
}
