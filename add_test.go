package main

import (
	"strings"
	"testing"
)

// TestAddJournalsAsTheBrowser: chrono add's journal entry reads as the
// browser's add does, its title quoted and a long one cut, so that
// chrono log says alike of events made either way. add wrote the title
// bare.
func TestAddJournalsAsTheBrowser(t *testing.T) {
	long := strings.Repeat("word ", 12) + "end"
	for _, c := range []struct{ title, want string }{
		{"Hello world", "added “Hello world”"},
		{long, "added “" + long[:39] + "…”"},
	} {
		db := newDB(t)
		if r := chrono(t, db, "", "add", "--id", "e", "--title", c.title); r.code != 0 {
			t.Fatalf("add: %+v", r)
		}
		r := chrono(t, db, "", "log")
		if r.code != 0 || !strings.Contains(r.stdout, "  "+c.want+"\n") {
			t.Errorf("log after add --title %q:\n%s%s\nwant a line ending %q", c.title, r.stdout, r.stderr, c.want)
		}
	}
}
