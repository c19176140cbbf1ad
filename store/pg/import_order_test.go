package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestReimportThatDropsALinkPlacesAgain: of two events of the same
// year, the one that precedes the other by a link comes first; imported
// again without the link (replacing them), they go back to the order
// they have alone (by title), and imported with it once more, they
// follow the link again.
func TestReimportThatDropsALinkPlacesAgain(t *testing.T) {
	s := newStore(t, "a")
	const withLink = `{"chrono": 1, "events": [
	  {"id": "a-second", "date": "2019", "title": "Alpha, second by its link"},
	  {"id": "b-first", "date": "2019", "title": "Beta, first by its link", "links": [{"rel": "precedes", "event": "a-second"}]}]}`
	const without = `{"chrono": 1, "events": [
	  {"id": "a-second", "date": "2019", "title": "Alpha, second by its link"},
	  {"id": "b-first", "date": "2019", "title": "Beta, first by its link"}]}`
	order := func() []string {
		t.Helper()
		w, err := s.Window(model.Query{}, model.Position{}, false, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range w.Rows {
			ids = append(ids, r.Event.ID)
		}
		return ids
	}
	for _, step := range []struct {
		doc  string
		want []string
	}{
		{withLink, []string{"b-first", "a-second"}},
		{without, []string{"a-second", "b-first"}},
		{withLink, []string{"b-first", "a-second"}},
	} {
		if _, err := s.Import([]model.Input{storetest.NativeInput("doc.json", []byte(step.doc))}, model.ImportOptions{Replace: true}); err != nil {
			t.Fatal(err)
		}
		if got := order(); !slices.Equal(got, step.want) {
			t.Fatalf("order %q, want %q", got, step.want)
		}
	}
}
