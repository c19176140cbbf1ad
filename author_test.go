package main

import (
	"errors"
	"strings"
	"testing"
)

func TestAuthor(t *testing.T) {
	tests := []struct {
		flag, env string
		given     bool   // --author given, as flag
		want      string // "" for user@host
		usage     bool
	}{
		{flag: "ana", given: true, env: "bo", want: "ana"},
		{flag: "  ana  ", given: true, want: "ana"},
		{env: "bo", want: "bo"},
		{flag: "   ", given: true, env: "bo", usage: true},
		{flag: "", given: true, usage: true},
		{},
		{flag: "evil\x1b[2J", given: true, usage: true},
		{env: "tab\there", usage: true},
	}
	for _, tt := range tests {
		t.Setenv("CHRONO_AUTHOR", tt.env)
		c := &cli{authorFlag: authorValue{name: tt.flag, given: tt.given}}
		got, err := c.author()
		var ue usageError
		switch {
		case tt.usage:
			if !errors.As(err, &ue) {
				t.Errorf("--author %q, $CHRONO_AUTHOR %q: %q, %v; want a usage error", tt.flag, tt.env, got, err)
			}
		case err != nil:
			t.Errorf("--author %q, $CHRONO_AUTHOR %q: %v", tt.flag, tt.env, err)
		case tt.want == "" && (got != userAtHost() || !strings.Contains(got, "@")):
			t.Errorf("no author given: %q, want user@host (%q)", got, userAtHost())
		case tt.want != "" && got != tt.want:
			t.Errorf("--author %q, $CHRONO_AUTHOR %q: %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

// TestBadAuthorStopsOnlyWrites: a $CHRONO_AUTHOR chrono refuses stops a
// change, which it would sign, and not a read: list and export went
// with it, as a usage error of theirs.
func TestBadAuthorStopsOnlyWrites(t *testing.T) {
	db := exampleDB(t)
	for _, args := range [][]string{{"list"}, {"export"}, {"show", "fbi-tip"}, {"log"}} {
		t.Setenv("CHRONO_AUTHOR", "tab\there")
		if r := chrono(t, db, "", args...); r.code != 0 {
			t.Errorf("chrono %s with a bad author: exit %d, %q", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if r := chrono(t, db, "", "tag", "fbi-tip", "x"); r.code != exitUsage || !strings.Contains(r.stderr, "$CHRONO_AUTHOR") {
		t.Errorf("chrono tag with a bad author: exit %d, %q", r.code, r.stderr)
	}
}

// TestAuthorNotUTF8Refused: an author that is not UTF-8 (a terminal in
// Latin-1) failed a change with the journal encoder's words and exit 1;
// it is refused as a mistake in how chrono was called, naming where it
// came from and how to convert it, and nothing is written.
func TestAuthorNotUTF8Refused(t *testing.T) {
	db := exampleDB(t)
	for _, tt := range []struct {
		flag, env string
		args      []string
		want      string
	}{
		{"Ren\xe9", "", []string{"link", "fbi-tip", "related", "nso-mobileum-call"}, "--author: not UTF-8 text (the byte 0xe9 at 3)"},
		{"", "Ren\xe9", []string{"rm", "fbi-tip"}, "$CHRONO_AUTHOR: not UTF-8 text (the byte 0xe9 at 3)"},
		{"", "Ren\xe9", []string{"source", "rm", "wapo"}, "$CHRONO_AUTHOR: not UTF-8 text (the byte 0xe9 at 3)"},
	} {
		t.Setenv("CHRONO_AUTHOR", tt.env)
		args := tt.args
		if tt.flag != "" {
			args = append([]string{"--author", tt.flag}, args...)
		}
		before := chrono(t, db, "", "log", "--head").stdout
		r := chrono(t, db, "", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "convert it first") || strings.Contains(r.stderr, "jsontext") {
			t.Errorf("%q, $CHRONO_AUTHOR %q: %+v", args, tt.env, r)
		}
		if after := chrono(t, db, "", "log", "--head").stdout; after != before {
			t.Errorf("%q: the journal moved from %q to %q", args, before, after)
		}
	}
}
