package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewSaysAPathToCopy: the commands chrono new suggests quote a path
// a shell would split, so that they can be copied as they are.
func TestNewSaysAPathToCopy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dir with spaces", "my store.db")
	r := mustChrono(t, db, "new", db)
	if want := "open it with chrono --db '" + db + "'; add events with A there, or chrono --db '" + db + "' add"; !strings.Contains(r.stderr, want) {
		t.Errorf("chrono new: stderr %q, want %q in it", r.stderr, want)
	}
	r = chrono(t, db, "", "new", db)
	if want := "(open this one with chrono --db '" + db + "')"; r.code == 0 || !strings.Contains(r.stderr, want) {
		t.Errorf("chrono new again: exit %d, stderr %q, want %q in it", r.code, r.stderr, want)
	}
}

// TestShellArg: a word a shell reads back as it was, and shows as it is:
// quoted when the shell would read it otherwise, and with what a
// terminal does not show written out.
func TestShellArg(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"case.db", "case.db"},
		{"my case.db", "'my case.db'"},
		{"it's", `'it'\''s'`},
		{"café", "café"},
		{"bidi\u202etag", `$'bidi\u202etag'`},
		{"a'b\u200b", `$'a\'b\u200b'`},
		{"lang\U000E0001tag", `$'lang\U000e0001tag'`}, // bash's \u reads four digits
		// A byte that is not UTF-8 (a Latin-1 name) is written \xNN: as
		// it is, a terminal shows it as nothing or as another character,
		// and U+FFFD in its place would name another file.
		{"caf\xe9.db", `$'caf\xe9.db'`},
		{"d\xff\xfe\x1b[31m.db", `$'d\xff\xfe\u001b[31m.db'`},
	} {
		if got := shellArg(tt.in); got != tt.want {
			t.Errorf("shellArg(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
