package main

import (
	"strings"
	"testing"
)

// --quick-tags is checked as tags are checked everywhere, before the
// browser opens: a tag the t prompt could not take, or the store would
// refuse at the first keypress, is a usage error naming the flag.
func TestQuickTagsValidatedAtStart(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	for _, bad := range []string{"two words", "##x", "a;b", "1,2,3,4,5,6,7,8,9,10", "key,#key"} {
		r := chrono(t, db, "", "--quick-tags", bad)
		if r.code != 2 || !strings.Contains(r.stderr, "--quick-tags") {
			t.Errorf("--quick-tags %q: exit %d, stderr %q", bad, r.code, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("--quick-tags %q: the timeline was printed despite the error", bad)
		}
	}
	// A leading # is taken off, as chrono tag ID '#verify' takes it off.
	if r := chrono(t, db, "", "--quick-tags", "#verify,key"); r.code != 0 {
		t.Errorf("--quick-tags '#verify,key': exit %d, stderr %q", r.code, r.stderr)
	}
}
