package pg

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestWidthsStep: the fourteenth step gives an event stored before it
// with full-width forms in its text the key and words the fold makes
// now, so that a search typed in either width finds it, and leaves the
// others' keys alone.
func TestWidthsStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "full-width")
	wide := model.Event{ID: "wide", Title: "ＮＳＯ　２０１７年の会議"}
	plain := model.Event{ID: "plain", Title: "NSO 2017 meeting"}
	for _, e := range []model.Event{wide, plain} {
		r := rowOf(&e)
		if e.ID == "wide" {
			// The key as the fold made it before the step.
			r.search = strings.Replace(r.search, "nso 2017", "ｎｓｏ　２０１７", 1)
			r.words = searchWords(r.search)
		}
		insertRow(t, c, inv, r)
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	checkRefolded(t, c, inv, wide, plain)
	checkSearches(t, url, []struct{ text, want string }{
		{"nso 2017", "plain wide"},
		{"ＮＳＯ", "plain wide"},
		{"２０１７年", "wide"},
	})
}
