package bolt

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"chrono/model"
)

// synthStores holds, by size, the path of a store holding a synthetic
// investigation and then journalEdits tagging changes: built once per
// run, shared by the benchmarks that only read and write a little.
var synthStores sync.Map

const journalEdits = 60

// synthStore returns the path of a store of n synthetic events.
func synthStore(b *testing.B, n int) string {
	if p, ok := synthStores.Load(n); ok {
		return p.(string)
	}
	doc := synthDoc(b, n)
	path := filepath.Join(benchTemp(b), fmt.Sprintf("synth-%d.db", n))
	s, err := Open(path, Options{Author: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import([]model.Input{fileInput(b, doc)}, model.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	for i := range journalEdits {
		if _, err := retagOne(s, synthID(i), fmt.Sprintf("edit-%d", i)); err != nil {
			b.Fatal(err)
		}
	}
	synthStores.Store(n, path)
	return path
}

// synthID is the id of the synthetic event i (from 0).
func synthID(i int) string { return fmt.Sprintf("ev-%07d", i+1) }

func retagOne(s *Store, id, tag string) (model.Entry, error) {
	return s.Write(model.OpTag, "tagged #"+tag, func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{id}, []string{tag}, nil))
		return err
	})
}

// onSynthStores runs bench on a store of each size of sizes, opened with
// opts: n is how many events it holds.
func onSynthStores(b *testing.B, opts Options, bench func(b *testing.B, s *Store, n int)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			skipHuge(b, n)
			s, err := Open(synthStore(b, n), opts)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			bench(b, s, n)
		})
	}
}

// journalQuery is a reading of the journal a benchmark makes, by name.
type journalQuery struct {
	name string
	q    model.JournalQuery
}

// benchJournal reads each query's entries from s, a sub-benchmark each,
// and fails when ok says they are not what the query asks for.
func benchJournal(b *testing.B, s *Store, queries []journalQuery, ok func(q model.JournalQuery, entries int) bool) {
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				entries, err := s.Journal(q.q)
				if err != nil || !ok(q.q, len(entries)) {
					b.Fatalf("%d entries, %v", len(entries), err)
				}
			}
		})
	}
}

// BenchmarkWriteEdit is one edit as the browser makes it: a Write that
// reads an event, changes it, and puts it back, journaled.
func BenchmarkWriteEdit(b *testing.B) {
	onSynthStores(b, Options{Author: "bench"}, func(b *testing.B, s *Store, n int) {
		id := synthID(n / 2)
		i := 0
		for b.Loop() {
			_, err := s.Write(model.OpEdit, "edited", func(tx model.Tx) error {
				e, err := tx.Event(id)
				if err != nil {
					return err
				}
				e.Title = fmt.Sprintf("edited %d", i)
				return tx.PutEvent(e)
			})
			if err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkJournalFirstPage reads the first page of the journal, as a
// history screen opens.
func BenchmarkJournalFirstPage(b *testing.B) {
	onSynthStores(b, Options{ReadOnly: true}, func(b *testing.B, s *Store, _ int) {
		benchJournal(b, s, []journalQuery{
			// The edits fill the page; chrono log's page reaches the
			// import and lists the first few events of each entry.
			{"edits", model.JournalQuery{Limit: 50}},
			{"as chrono log, with the import", model.JournalQuery{Limit: journalEdits + 1, MostEvents: 5}},
		}, func(q model.JournalQuery, entries int) bool { return entries == q.Limit })
	})
}

// BenchmarkUndo takes back an edit, as u in the browser and chrono undo
// do: the journal entry is read and reversed in one Write.
func BenchmarkUndo(b *testing.B) {
	onSynthStores(b, Options{Author: "bench"}, func(b *testing.B, s *Store, n int) {
		id := synthID(n / 3)
		for b.Loop() {
			b.StopTimer()
			e, err := retagOne(s, id, "undo-me")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			entry, err := s.Entry(e.Seq)
			if err == nil {
				_, err = model.Revert(s, entry)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkJournalOfEvent reads the history of one event: an edit, and
// the import that added it with every other event.
func BenchmarkJournalOfEvent(b *testing.B) {
	onSynthStores(b, Options{ReadOnly: true}, func(b *testing.B, s *Store, _ int) {
		benchJournal(b, s, []journalQuery{
			{"edit", model.JournalQuery{Event: synthID(0), Limit: 1}},
			{"edit and import", model.JournalQuery{Event: synthID(0)}},
		}, func(_ model.JournalQuery, entries int) bool { return entries > 0 })
	})
}
