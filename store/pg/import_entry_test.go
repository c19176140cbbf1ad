package pg

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"chrono/model"
)

// TestEntryChangesEncodeAsTheEntry: an import's entry, its changes kept
// encoded as the batches write them, is the same bytes as the entry
// encoded whole (insertEntry), whatever its changes hold: versions before
// with text that encoding/json escapes, what the file said, the fields a
// replace undid, fingerprints, sources and a header after them.
func TestEntryChangesEncodeAsTheEntry(t *testing.T) {
	before := &model.Event{ID: "b", Title: `<b>"quoted"</b> & \ back`, Date: model.MustParseDate("2020-01-02"),
		Tags: []string{"x"}, Links: []model.Link{{Rel: model.Related, Event: "a"}}}
	changes := []model.EventChange{
		{ID: "a", To: model.OnTimeline, Written: "0123456789abcdef"},
		{ID: "b", Before: before, From: model.OnTimeline, To: model.OnTimeline, Written: "fedcba9876543210"},
		{ID: "c\u2028", Before: before, Imported: before, From: model.OnTimeline, To: model.OnTimeline},
		{ID: "d", Before: before, Undid: []string{"title"}, From: model.OnTimeline, To: model.OnTimeline, Written: "00"},
		{ID: "\x00", To: model.OnTimeline},
	}
	at := time.Date(2026, 12, 6, 23, 0, 0, 0, time.UTC)
	for _, n := range []int{1, len(changes), 3 * headEvents} {
		for _, e := range []model.Entry{
			{Seq: 7, At: at, Author: "desk", Op: model.OpImport, Phrase: `imported "events":[{"id":"\u0000"}] from <f>.json`},
			{Seq: 8, At: at, Author: "desk", Op: model.OpImport, Phrase: "imported",
				Sources:   []model.SourceChange{{ID: "s", After: &model.Source{ID: "s", Title: "S"}}},
				Header:    &model.HeaderChange{After: model.Header{Title: "T"}},
				Snapshots: []model.SnapshotRef{{Source: "s", N: 1, SHA256: "ab"}}},
		} {
			var ec entryChanges
			whole := e
			for i := range n {
				c := changes[i%len(changes)]
				c.ID = fmt.Sprintf("%s-%d", c.ID, i)
				if err := ec.add(&c); err != nil {
					t.Fatal(err)
				}
				whole.Events = append(whole.Events, c)
			}
			want, err := json.Marshal(&whole)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ec.body(e)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("entry #%d of %d changes, spliced:\n%s\nencoded whole:\n%s", e.Seq, n, got, want)
			}
			if len(ec.head) != min(n, headEvents) || ec.n != n {
				t.Errorf("%d changes: %d kept decoded, %d counted; want %d, %d", n, len(ec.head), ec.n, min(n, headEvents), n)
			}
		}
	}
}
