package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTextNotUTF8Refused: text given on the command line that is not
// UTF-8 (a terminal in Latin-1) was refused with the journal encoder's
// words ("jsontext: invalid UTF-8 within \"/after/title\""); it is now
// refused naming the field, the byte and how to convert it, and nothing
// is written.
func TestTextNotUTF8Refused(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--title", "Caf\xe9 meeting"}, `title: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"note", "fbi-tip", "ask \xff"}, `event "fbi-tip": note #1: not UTF-8 text (the byte 0xff at 4)`},
		{[]string{"quote", "add", "fbi-tip", "--text", "bags of cash", "--speaker", "Lavi\xe9"}, `speaker: not UTF-8 text (the byte 0xe9 at 4)`},
		{[]string{"source", "add", "--id", "lemonde", "--publisher", "Le Monde diplomatiqu\xe9"}, `source "lemonde": publisher: not UTF-8 text`},
		{[]string{"edit", "--header", "--set", "description=caf\xe9"}, `investigation: description: not UTF-8 text (the byte 0xe9 at 3)`},
	} {
		before := chrono(t, db, "", "log", "--head").stdout
		r := chrono(t, db, "", tt.args...)
		if r.code != 1 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "convert it first (iconv -f LATIN1 -t UTF-8") || strings.Contains(r.stderr, "jsontext") {
			t.Errorf("%q: %+v", tt.args, r)
		}
		if after := chrono(t, db, "", "log", "--head").stdout; after != before {
			t.Errorf("%q: the journal moved from %q to %q", tt.args, before, after)
		}
	}
}

// TestQuoteAddEmptyText: --text given empty, blank or of characters that
// show as nothing is said as an empty quote, not as --text missing nor
// as the event's quote #2.
func TestQuoteAddEmptyText(t *testing.T) {
	db := exampleDB(t)
	for _, text := range []string{"", "   ", "\u200b"} {
		r := chrono(t, db, "", "quote", "add", "fbi-tip", "--text", text)
		if r.code != 2 || !strings.Contains(r.stderr, "--text: the quote is empty") {
			t.Errorf("--text %q: %+v", text, r)
		}
	}
	if r := chrono(t, db, "", "quote", "add", "fbi-tip"); r.code != 2 || !strings.Contains(r.stderr, "quote add needs --text") {
		t.Errorf("no --text: %+v", r)
	}
}

// TestNewRefusesATitleNotUTF8: chrono new with a title that is not UTF-8
// made the store, then failed to journal its title, leaving an empty
// store that the same command, its title mended, found already there. It
// is refused before anything is made.
func TestNewRefusesATitleNotUTF8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	r := chrono(t, path, "", "new", path, "--title", "caf\xe9")
	if r.code != 2 || !strings.Contains(r.stderr, "investigation: title: not UTF-8 text (the byte 0xe9 at 3)") {
		t.Errorf("new: %+v", r)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a store was left at %s: %v", path, err)
	}
	if r := chrono(t, path, "", "new", path, "--title", "café"); r.code != 0 {
		t.Errorf("new again, the title mended: %+v", r)
	}
}
