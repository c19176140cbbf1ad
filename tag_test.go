package main

import (
	"strings"
	"testing"
)

// TestTagSaysWhatItChanged: tag and untag name each tag once, as the
// event holds it, and only what they changed; a tag is typed as chrono
// shows it (#"a b") or as it is, in any case or composition. Before,
// "tag e c C" said it added both, "untag e d d" removed #d twice, and
// #"a b" named no tag.
func TestTagSaysWhatItChanged(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--id", "e", "--title", "E"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"tag", "e", "café", "cafe\u0301", "c", "C"}, "tagged e with #café #c\n"},
		{[]string{"tag", "e", "C", "a b", "x"}, "tagged e with #\"a b\" #x (it had #c)\n"},
		{[]string{"untag", "e", "#\"a b\"", "#\"a b\""}, "removed #\"a b\" from e\n"},
		{[]string{"tag", "e", "X"}, "e already has #x\n"},
		{[]string{"list", "--tag", "CAFE\u0301"}, "undated  -  e  E  #café #c #x\n"},
	}
	for _, s := range steps {
		if r := chrono(t, db, "", s.args...); r.code != 0 || r.stdout != s.out {
			t.Errorf("chrono %s: exit %d, %q %q; want %q", strings.Join(s.args, " "), r.code, r.stdout, r.stderr, s.out)
		}
	}
}
