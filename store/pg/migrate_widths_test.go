package pg

import (
	"slices"
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
	for _, e := range []model.Event{wide, plain} {
		var key string
		var words []string
		if err := c.QueryRow(ctx, `SELECT search, words FROM events WHERE inv = $1 AND id = $2`, inv, e.ID).Scan(&key, &words); err != nil {
			t.Fatal(err)
		}
		want := rowOf(&e)
		if key != want.search || strings.Join(words, " ") != strings.Join(want.words, " ") {
			t.Errorf("%s after the step: key %q, words %q; want %q, %q", e.ID, key, words, want.search, want.words)
		}
	}

	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, text := range []string{"nso 2017", "ＮＳＯ", "２０１７年"} {
		w, err := s.Window(model.Query{Text: text}, model.Position{}, false, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		ids := w.IDs()
		slices.Sort(ids)
		want := "wide"
		if text == "nso 2017" || text == "ＮＳＯ" {
			want = "plain wide"
		}
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("search %q found [%s], want [%s]", text, got, want)
		}
	}
}
