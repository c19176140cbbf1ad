package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/tui"
)

// TestDraftFiles: a draft is kept per store and person, readable by its
// owner only, read back as kept, and gone once dropped; one that cannot
// be read says where it is and is left there.
func TestDraftFiles(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "a.db")
	ana := draftsFor(db, "", "ana")
	if ana == nil {
		t.Fatal("no drafts with a state directory")
	}
	if d, err := ana.Kept(); d != nil || err != nil {
		t.Fatalf("kept before any: %+v, %v", d, err)
	}
	want := &tui.Draft{Form: tui.DraftNote, Event: "x", Fields: map[string]string{"text": "call them back"}, Ended: time.Date(2026, 12, 6, 16, 0, 0, 0, time.UTC)}
	if err := ana.Keep(want); err != nil {
		t.Fatal(err)
	}
	got, err := ana.Kept()
	if err != nil || got == nil || got.Fields["text"] != "call them back" || got.Event != "x" || !got.Ended.Equal(want.Ended) {
		t.Fatalf("kept %+v, %v", got, err)
	}
	for name, other := range map[string]tui.Drafts{
		"another person":   draftsFor(db, "", "lee"),
		"another store":    draftsFor(filepath.Join(t.TempDir(), "b.db"), "", "ana"),
		"the same, served": draftsFor(db, "", "ssh ana"),
	} {
		if d, _ := other.Kept(); d != nil {
			t.Errorf("%s was given ana's draft", name)
		}
	}
	// Given up by the browser it was given to, it goes to the next.
	if err := ana.Keep(got); err != nil {
		t.Fatal(err)
	}
	again := draftsFor(filepath.Dir(db)+"/./a.db", "", "ana")
	if d, _ := again.Kept(); d == nil {
		t.Error("the store named another way was not given ana's draft")
	}
	again.Keep(want)
	if got, err = ana.Kept(); err != nil || got == nil {
		t.Fatalf("kept %+v, %v once given up", got, err)
	}
	path := filepath.Join(ana.(*draftFile).dir, ana.(*draftFile).fileName(want))
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file %v, %v; want mode 0600", fi, err)
	}
	if err := ana.Drop(want); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("dropped, the file is still there: %v", err)
	}
	if err := ana.Drop(want); err != nil {
		t.Errorf("dropped twice: %v", err)
	}
	// Another browser's draft, kept after the one given back: dropping
	// the one given back leaves it.
	theirs := &tui.Draft{Form: tui.DraftNote, Event: "y", Fields: map[string]string{"text": "theirs"}, Ended: want.Ended.Add(time.Minute)}
	if err := ana.Keep(theirs); err != nil {
		t.Fatal(err)
	}
	if err := ana.Drop(want); err != nil {
		t.Fatal(err)
	}
	if d, _ := ana.Kept(); d == nil || d.Event != "y" {
		t.Errorf("dropping a draft forgotten already took another's: kept %+v", d)
	}
	os.WriteFile(path, []byte("{broken"), 0o600)
	if _, err := ana.Kept(); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a broken draft: %v; want an error naming %s", err, path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a broken draft was removed: %v", err)
	}
}

// TestDraftsSideBySide: drafts kept by two browsers of the same
// investigation, for the same person, are both kept, and given back in
// turn, the older first.
func TestDraftsSideBySide(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ana := draftsFor(filepath.Join(t.TempDir(), "a.db"), "", "ana")
	ended := time.Date(2026, 12, 6, 16, 0, 0, 0, time.UTC)
	older := &tui.Draft{Form: tui.DraftNote, Event: "x", Fields: map[string]string{"text": "one"}, Ended: ended}
	newer := &tui.Draft{Form: tui.DraftEvent, Fields: map[string]string{"title": "two"}, Ended: ended.Add(time.Second)}
	for _, d := range []*tui.Draft{newer, older} {
		if err := ana.Keep(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []*tui.Draft{older, newer} {
		got, err := ana.Kept()
		if err != nil || got == nil || got.Form != want.Form || !got.Ended.Equal(want.Ended) {
			t.Fatalf("kept %+v, %v; want %+v", got, err, want)
		}
		if err := ana.Drop(got); err != nil {
			t.Fatal(err)
		}
	}
	if d, err := ana.Kept(); d != nil || err != nil {
		t.Errorf("kept %+v, %v once both were dropped", d, err)
	}
}
