package pg

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestTypographyStep: the sixteenth step gives an event stored before it
// with curly apostrophes or ё in its text the key and words the fold
// makes now, so that a search typed with a keyboard's apostrophe, or
// with е, finds it; the other events' keys are left alone.
func TestTypographyStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "typographic")
	curly := model.Event{ID: "curly", Title: "The lawmaker’s “bags of cash”"}
	yo := model.Event{ID: "yo", Title: "Фёдоров met the broker"}
	plain := model.Event{ID: "plain", Title: "The lawmaker's office"}
	before := map[string][2]string{ // the key as the fold made it before the step
		"curly": {"lawmaker's \"bags of cash\"", "lawmaker’s “bags of cash”"},
		"yo":    {"федоров", "фёдоров"},
	}
	for _, e := range []model.Event{curly, yo, plain} {
		r := rowOf(&e)
		if b, ok := before[e.ID]; ok {
			if !strings.Contains(r.search, b[0]) {
				t.Fatalf("%s: key %q has not %q", e.ID, r.search, b[0])
			}
			r.search = strings.Replace(r.search, b[0], b[1], 1)
			r.words = searchWords(r.search)
		}
		insertRow(t, c, inv, r)
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	checkRefolded(t, c, inv, curly, yo, plain)
	checkSearches(t, url, []struct{ text, want string }{
		{"lawmaker's", "curly plain"},
		{"lawmaker’s", "curly plain"},
		{`"bags of cash"`, "curly"},
		{"федоров", "yo"},
		{"Фёдоров", "yo"},
	})
}
