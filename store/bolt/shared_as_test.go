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
