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
// words ("jsontext: invalid UTF-8 within \"/after/title\""), then by the
// store's checks with exit 1, after a store missing was made; it is
// refused as a mistake in how chrono was called, exit 2, naming the flag
// or argument, the byte and how to convert it, and nothing is written.
func TestTextNotUTF8Refused(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--title", "Caf\xe9 meeting"}, `--title: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"add", "--title", "t", "--summary", "caf\xe9"}, `--summary: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"add", "--title", "t", "--actor", "ok", "--actor", "Lavi\xe9"}, `--actor #2: not UTF-8 text (the byte 0xe9 at 4)`},
		{[]string{"add", "--title", "t", "--tag", "\xe9"}, `--tag: not UTF-8 text (the byte 0xe9 at 0)`},
		{[]string{"add", "--title", "t", "--date-text", "l'ann\xe9e"}, `--date-text: not UTF-8 text (the byte 0xe9 at 5)`},
		{[]string{"add", "--title", "t", "--date", "ao\xfbt 2017"}, `--date: not UTF-8 text (the byte 0xfb at 2)`},
		{[]string{"add", "--title", "t", "--id", "caf\xe9"}, `--id: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"add", "--title", "t", "--author", "Ren\xe9"}, `--author: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"edit", "fbi-tip", "--set", "title=caf\xe9"}, `--set title: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"edit", "fbi-tip", "--set", "actors=a,caf\xe9"}, `--set actors: not UTF-8 text (the byte 0xe9 at 5)`},
		{[]string{"edit", "fbi-tip", "--set", "tags=\xe9"}, `--set tags: not UTF-8 text (the byte 0xe9 at 0)`},
		{[]string{"edit", "--header", "--set", "description=caf\xe9"}, `--set description: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"note", "fbi-tip", "ask \xff"}, `TEXT: not UTF-8 text (the byte 0xff at 4)`},
		{[]string{"tag", "fbi-tip", "ok", "caf\xe9"}, `TAG: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"untag", "fbi-tip", "caf\xe9"}, `TAG: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"quote", "add", "fbi-tip", "--text", "bags of cash", "--speaker", "Lavi\xe9"}, `--speaker: not UTF-8 text (the byte 0xe9 at 4)`},
		{[]string{"quote", "add", "fbi-tip", "--text", "caf\xe9"}, `--text: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"quote", "add", "fbi-tip", "--text", "ok", "--context", "caf\xe9"}, `--context: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"source", "add", "--id", "lemonde", "--publisher", "Le Monde diplomatiqu\xe9"}, `--publisher: not UTF-8 text (the byte 0xe9 at 20)`},
		{[]string{"source", "add", "--publisher", "p", "--title", "t", "--url", "https://x/\xe9"}, `--url: not UTF-8 text (the byte 0xe9 at 10)`},
		{[]string{"source", "edit", "wapo", "--byline", "Ren\xe9"}, `--byline: not UTF-8 text (the byte 0xe9 at 3)`},
		{[]string{"source", "edit", "wapo", "--archive", "\xe9"}, `--archive: not UTF-8 text (the byte 0xe9 at 0)`},
	} {
		before := chrono(t, db, "", "log", "--head").stdout
		r := chrono(t, db, "", tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "convert it first (iconv -f LATIN1 -t UTF-8") || strings.Contains(r.stderr, "jsontext") {
			t.Errorf("%q: %+v", tt.args, r)
		}
		if after := chrono(t, db, "", "log", "--head").stdout; after != before {
			t.Errorf("%q: the journal moved from %q to %q", tt.args, before, after)
		}
	}
	// No store is made for an event refused.
	path := filepath.Join(t.TempDir(), "none.db")
	if r := chrono(t, path, "", "add", "--title", "caf\xe9"); r.code != 2 || !strings.Contains(r.stderr, "--title: not UTF-8 text") {
		t.Errorf("add to no store: %+v", r)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a store was left at %s: %v", path, err)
	}
}

// TestTextNotUTF8OnStdinRefused: a note or quote piped in (TEXT -,
// --text -) that is not UTF-8 is refused as it is given on the command
// line, exit 2, naming it and standard input, the byte as read and how
// to convert it, and nothing is written. The store's checks refused it,
// exit 1, naming the event's note or quote it would have been.
func TestTextNotUTF8OnStdinRefused(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"\xff", []string{"note", "fbi-tip", "-"}, `TEXT from standard input: not UTF-8 text (the byte 0xff at 0)`},
		{"ask \xff\n", []string{"note", "fbi-tip", "--edit", "1", "-"}, `TEXT from standard input: not UTF-8 text (the byte 0xff at 4)`},
		{"a\r\ncaf\xe9", []string{"quote", "add", "fbi-tip", "--text", "-"}, `--text from standard input: not UTF-8 text (the byte 0xe9 at 6)`},
	} {
		before := chrono(t, db, "", "log", "--head").stdout
		r := chrono(t, db, tt.stdin, tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "convert it first (iconv -f LATIN1 -t UTF-8") {
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
