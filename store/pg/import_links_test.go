package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestReimportKeepsLinksItLeaves: a re-import that changes an event but
// not its links leaves those links, and the events they point to, as
// they were (neither is written again: a rewritten event costs every
// index of the events table); a link the file drops or adds is removed
// or added, and the events flagged as linked to follow.
func TestReimportKeepsLinksItLeaves(t *testing.T) {
	s := newStore(t, "a")
	const first = `{"chrono": 1, "events": [
		{"id": "a", "date": "2020-01-01", "title": "A", "links": [{"rel": "related", "event": "b"}, {"rel": "supports", "event": "c"}]},
		{"id": "b", "date": "2020-01-02", "title": "B"},
		{"id": "c", "date": "2020-01-03", "title": "C"},
		{"id": "d", "date": "2020-01-04", "title": "D"}]}`
	const second = `{"chrono": 1, "events": [
		{"id": "a", "date": "2020-01-01", "title": "A, retitled", "links": [{"rel": "related", "event": "b"}, {"rel": "supports", "event": "d"}]},
		{"id": "b", "date": "2020-01-02", "title": "B"},
		{"id": "c", "date": "2020-01-03", "title": "C"},
		{"id": "d", "date": "2020-01-04", "title": "D"}]}`
	storetest.Import(t, s, storetest.NativeInput("first.json", []byte(first)))
	versions := func() map[string]string {
		t.Helper()
		rows, err := s.first.c.Query(ctx, `SELECT 'event ' || id, xmin::text FROM events WHERE inv = $1
			UNION ALL SELECT 'link ' || source || ' ' || rel || ' ' || target, xmin::text FROM links WHERE inv = $1`, s.inv)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		defer rows.Close()
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			out[k] = v
		}
		if rows.Err() != nil {
			t.Fatal(rows.Err())
		}
		return out
	}
	before := versions()
	res := storetest.Import(t, s, storetest.NativeInput("second.json", []byte(second)))
	if res[0].Updated != 1 {
		t.Fatalf("re-import updated %d events, want 1 (a)", res[0].Updated)
	}
	after := versions()
	for _, k := range []string{"event b", "link a related b"} {
		if before[k] == "" || after[k] != before[k] {
			t.Errorf("%s: written by transaction %s before and %s after the re-import, want the same", k, before[k], after[k])
		}
	}
	if after["event a"] == before["event a"] {
		t.Errorf("event a: not written again, though the file changed its title")
	}
	var links []string
	for k := range after {
		if len(k) > 5 && k[:5] == "link " {
			links = append(links, k)
		}
	}
	slices.Sort(links)
	if want := []string{"link a related b", "link a supports d"}; !slices.Equal(links, want) {
		t.Errorf("links after the re-import: %q, want %q", links, want)
	}
	checkLinkedTo(t, s.first.c)
	e, err := s.Event("a")
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Link{{Rel: model.Related, Event: "b"}, {Rel: model.Supports, Event: "d"}}; !slices.Equal(e.Links, want) {
		t.Errorf("a's links: %v, want %v", e.Links, want)
	}
}
