package bolt

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// chainEntries is how many entries BenchmarkVerifyJournal walks: years
// of a team's hand edits.
const chainEntries = 100_000

// BenchmarkVerifyJournal walks a chain of chainEntries entries, each an
// edit of one event with its versions before and after, as
// chrono verify --journal does.
func BenchmarkVerifyJournal(b *testing.B) {
	dir, err := os.MkdirTemp(benchTemp(b), "chain-")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "chain.db")
	s, err := Open(path, Options{Author: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ev := storetest.FixtureEvents(b)[0]
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	// One transaction, as the journal would be after chainEntries writes.
	err = s.db.Update(func(tx *bbolt.Tx) error {
		bk := bucketsOf(tx)
		for i := range chainEntries {
			before, after := ev, ev
			after.Tags = append(after.Tags, "checked")
			e := model.Entry{At: at.Add(time.Duration(i) * time.Minute), Author: "bench", Op: model.OpTag,
				Phrase: "tagged #checked on 1 event",
				Events: []model.EventChange{{ID: ev.ID, Before: &before, After: &after, From: model.OnTimeline, To: model.OnTimeline}}}
			var l journalform.Log
			if err := l.Change(&e.Events[0]); err != nil {
				return err
			}
			if _, err := recordEntry(bk, &e, &l, []string{ev.ID}, e.LinksChangedTo()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := s.VerifyJournal()
		if err != nil || !r.OK() || r.Entries != chainEntries {
			b.Fatalf("VerifyJournal = %+v, %v", r, err)
		}
	}
	b.ReportMetric(float64(chainEntries)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "store-MiB")
	}
}
