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

// TestAddSaysHowToGiveTheTitle: a title given as an argument is refused
// with the flag that takes it, and nothing is added; given with --title
// as well, the argument is only refused.
func TestAddSaysHowToGiveTheTitle(t *testing.T) {
	db := newDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "Apple sues NSO Group"}, `add takes no arguments, got "Apple sues NSO Group": give the title with --title "Apple sues NSO Group"`},
		{[]string{"add", "--date", "2021-11-23", "Apple", "sues"}, `give the title with --title "Apple sues"`},
		{[]string{"source", "add", "--publisher", "Reuters", "A report"}, `give the title with --title "A report"`},
		{[]string{"add", "--title", "Apple sues NSO Group", "extra"}, `add takes no arguments, got "extra"`},
	} {
		r := chrono(t, db, "", tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("chrono %q: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
		if tc.args[len(tc.args)-1] == "extra" && strings.Contains(r.stderr, "--title") {
			t.Errorf("chrono %q: stderr %q offers --title, which was given", tc.args, r.stderr)
		}
	}
	if r := chrono(t, db, "", "list"); r.stdout != "" {
		t.Errorf("a refused add added events:\n%s", r.stdout)
	}
}
