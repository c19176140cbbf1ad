package pg

import (
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"chrono/model"
)

// checkRefolded fails t unless each event's row in investigation inv has
// the search key and words the fold makes now.
func checkRefolded(t *testing.T, c *pgx.Conn, inv int64, events ...model.Event) {
	t.Helper()
	for _, e := range events {
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
}

// checkSearches fails t unless each search in the store at url finds
// the events whose ids, sorted and joined by spaces, are its want.
func checkSearches(t *testing.T, url string, searches []struct{ text, want string }) {
	t.Helper()
	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range searches {
		w, err := s.Window(model.Query{Text: tt.text}, model.Position{}, false, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		ids := w.IDs()
		slices.Sort(ids)
		if got := strings.Join(ids, " "); got != tt.want {
			t.Errorf("search %q found [%s], want [%s]", tt.text, got, tt.want)
		}
	}
}
