package main

import (
	"strings"
	"testing"
)

// TestLinkJournalsAsTheBrowser: link and unlink say, and journal, their
// change as the browser's do, the relation in words ("related to",
// "disputed by"); they wrote it as typed ("related", "disputed-by").
func TestLinkJournalsAsTheBrowser(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "add", "--id", "a", "--title", "A")
	mustChrono(t, db, "add", "--id", "b", "--title", "B")
	for _, c := range []struct{ args, want string }{
		{"link a related b", "linked a related to b (#4)\n"},
		{"link a disputed-by b", "linked a disputed by b (#5)\n"},
		{"unlink a related b", "unlinked a related to b (#6)\n"},
	} {
		if r := mustChrono(t, db, strings.Fields(c.args)...); r.stdout != c.want {
			t.Errorf("chrono %s: %q, want %q", c.args, r.stdout, c.want)
		}
	}
	if log := mustChrono(t, db, "log").stdout; !strings.Contains(log, "  unlinked a related to b\n") || !strings.Contains(log, "  linked a disputed by b\n") {
		t.Errorf("log:\n%s", log)
	}
}
