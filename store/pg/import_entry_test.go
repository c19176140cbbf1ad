package pg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
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

// TestReimportSendsItsChangesAhead: a re-import that updates every event
// sends its entry's changes to the server as its batches write them,
// rather than holding them all until it commits; the entry the server
// joins from them is the one the chain hashes, and it reads back whole.
func TestReimportSendsItsChangesAhead(t *testing.T) {
	const n = 3 * importBatch
	s := newStore(t, "desk")
	var doc bytes.Buffer
	if err := native.Write(&doc, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		t.Fatal(err)
	}
	storetest.Import(t, s, storetest.NativeInput("a.json", doc.Bytes()))
	changed := bytes.ReplaceAll(doc.Bytes(), []byte(`"summary": "`), []byte(`"summary": "Changed: `))
	var ahead []int // the changes' bytes on the server, after each batch
	s.afterBatch = func(tx pgx.Tx) {
		var size int
		if err := tx.QueryRow(ctx, `SELECT coalesce(sum(length(part)), 0) FROM chrono_entry`).Scan(&size); err != nil {
			t.Error(err)
		}
		ahead = append(ahead, size)
	}
	res := storetest.Import(t, s, storetest.NativeInput("b.json", changed))
	s.afterBatch = nil
	if res[0].Updated != n {
		t.Fatalf("re-import updated %d events, want %d", res[0].Updated, n)
	}
	if len(ahead) != 3 || ahead[len(ahead)-1] == 0 {
		t.Errorf("bytes of changes on the server after each batch: %v, want some before the last", ahead)
	}
	report, err := s.VerifyJournal()
	if err != nil {
		t.Fatal(err)
	}
	if !report.OK() {
		t.Errorf("the chain after the re-import: %+v", report)
	}
	var seq int64
	var body, hash, prev []byte
	if err := s.first.c.QueryRow(ctx, `SELECT seq, body, hash, prev FROM journal WHERE inv = $1 ORDER BY seq DESC LIMIT 1`, s.inv).Scan(&seq, &body, &hash, &prev); err != nil {
		t.Fatal(err)
	}
	if want := jsonHash(uint64(seq), prev, body); !bytes.Equal(hash, want) {
		t.Errorf("entry #%d hashed to %x, its body to %x", seq, hash, want)
	}
	var e model.Entry
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("entry #%d: %v", seq, err)
	}
	if len(e.Events) != n || e.Events[0].ID != "ev-0000001" || e.Events[n-1].Before == nil {
		t.Errorf("entry #%d holds %d changes, want %d in order, each with the version before", seq, len(e.Events), n)
	}
}
