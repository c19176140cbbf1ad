package pg

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"

	"sync"
	"testing"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store/pg/pgtest"
)

// Benchmarks at scale work on a synthetic investigation (chrono synth)
// of benchEvents() events, 1,000,000 unless CHRONO_BENCH_EVENTS says
// otherwise, imported once per run into the test cluster; the document
// is written into a temporary directory, never into the repository.
// Under -short they are skipped.

func benchEvents(b *testing.B) int {
	if testing.Short() {
		b.Skip("benchmarks at scale: not under -short")
	}
	needServer(b)
	return pgtest.BenchEvents(b)
}

var bench struct {
	once  sync.Once
	dir   string
	store *Store
	err   error
}

// benchDoc writes the synthetic document of n events once.
func benchDoc(b *testing.B, n int) string {
	path := filepath.Join(bench.dir, fmt.Sprintf("synth-%d.json", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	writeSynth(b, path, n)
	return path
}

// writeSynth writes the synthetic document of n events at path.
func writeSynth(b *testing.B, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if err := native.Write(w, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
}

func docInput(b testing.TB, path string) model.Input {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return model.Input{Name: path, Size: fi.Size(), Read: func(sink model.Sink) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return native.Read(bufio.NewReaderSize(f, 1<<20), sink)
	}}
}

// benchStore returns the investigation of the benchmarks, imported once.
// CHRONO_BENCH_DATABASE, a database's address, keeps it on that server
// instead, imported by the first run that does not find it whole.
func benchStore(b *testing.B) *Store {
	n := benchEvents(b)
	bench.once.Do(func() {
		if bench.dir, bench.err = os.MkdirTemp("", "chrono-pg-bench-"); bench.err != nil {
			return
		}
		url := server.url
		if u := os.Getenv("CHRONO_BENCH_DATABASE"); u != "" {
			url = u
		}
		if bench.store, bench.err = Open(url, Options{Investigation: fmt.Sprintf("bench-%d", n), Author: "bench"}); bench.err != nil {
			return
		}
		if had, err := bench.store.Count(model.Query{}); err == nil && had == n {
			return
		}
		_, bench.err = bench.store.Import([]model.Input{docInput(b, benchDoc(b, n))}, model.ImportOptions{})
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.store
}

// BenchmarkImport imports the synthetic document into a new
// investigation, end to end: decode, check, COPY, move into place,
// commit.
func BenchmarkImport(b *testing.B) {
	n := benchEvents(b)
	benchStore(b) // a first import out of the timing
	doc := benchDoc(b, n)
	i := 0
	for b.Loop() {
		i++
		s, err := Open(server.url, Options{Investigation: fmt.Sprintf("bench-import-%d-%d", n, i), Author: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Import([]model.Input{docInput(b, doc)}, model.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		c, _ := s.conn()
		c.Exec(ctx, `DELETE FROM investigations WHERE id = $1`, s.inv)
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkFirstWindow reads what the browser's first screen shows: the
// first window of the timeline, its count and its months.
func BenchmarkFirstWindow(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		w, err := s.Window(model.Query{}, model.Position{}, false, 0, 60)
		if err != nil || len(w.Rows) != 60 {
			b.Fatal(len(w.Rows), err)
		}
		if _, err := s.Count(model.Query{}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Periods(model.Query{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMovement reads what a movement key reads: the window at a
// position in the middle of the timeline (a page down, a jump to a
// date), with a page before it.
func BenchmarkMovement(b *testing.B) {
	s := benchStore(b)
	at := model.PositionAt(model.MustParseDate("2008-06").Earliest())
	for b.Loop() {
		w, err := s.Window(model.Query{}, at, false, 60, 60)
		if err != nil || len(w.Rows) != 120 {
			b.Fatal(len(w.Rows), err)
		}
	}
}

// BenchmarkTag tags one event and untags it, each a write with its
// journal entry, its link in the chain and its notice: two writes per
// iteration, reported per write.
func BenchmarkTag(b *testing.B) {
	s := benchStore(b)
	w, err := s.Window(model.Query{}, model.PositionAt(model.MustParseDate("2008-06").Earliest()), false, 0, 1)
	if err != nil || len(w.Rows) != 1 {
		b.Fatal(err)
	}
	id := w.Rows[0].Event.ID
	for b.Loop() {
		for _, d := range []model.TagDelta{{ID: id, Add: []string{"bench"}}, {ID: id, Remove: []string{"bench"}}} {
			if _, err := s.Write(model.OpTag, "bench", func(tx model.Tx) error {
				_, err := model.RetagEach(tx, []model.TagDelta{d})
				return err
			}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(2*b.N), "ms/write")
}

// BenchmarkSearchFirstMatch finds the first event holding a name about
// one event in two hundred holds, from the middle of the timeline, as
// the browser's search does (a step of candidates at a time).
func BenchmarkSearchFirstMatch(b *testing.B) {
	s := benchStore(b)
	q := model.Query{Text: "zofia weiss"}
	from := model.PositionAt(model.MustParseDate("2008-06").Earliest())
	for b.Loop() {
		pos := from
		for {
			hit, next, err := s.Find(q, pos, false, 5000)
			if err != nil {
				b.Fatal(err)
			}
			if hit != (model.Position{}) {
				break
			}
			if next == (model.Position{}) {
				b.Fatal("no match")
			}
			pos = next
		}
	}
}

// BenchmarkSearchNoMatch looks for a name no event holds, from the start
// of the timeline to its end, a step of candidates at a time: the time
// a rare word takes to be found, or to be known absent.
func BenchmarkSearchNoMatch(b *testing.B) {
	s := benchStore(b)
	q := model.Query{Text: "zofia kowalczyk"}
	for b.Loop() {
		var pos model.Position
		for {
			hit, next, err := s.Find(q, pos, false, 5000)
			if err != nil {
				b.Fatal(err)
			}
			if hit != (model.Position{}) {
				b.Fatal("a match for a name no event holds:", hit.EventID())
			}
			if next == (model.Position{}) {
				break
			}
			pos = next
		}
	}
}

// BenchmarkReimportEdited imports again, unchanged, a document of 20,000
// events of which 5,000 were tagged in chrono since: the import reads
// the history of each of those to keep what chrono changed.
func BenchmarkReimportEdited(b *testing.B) {
	if testing.Short() {
		b.Skip("benchmarks at scale: not under -short")
	}
	needServer(b)
	const n, every = 20000, 4
	doc := filepath.Join(b.TempDir(), "synth.json")
	writeSynth(b, doc, n)
	s, err := Open(server.url, Options{Investigation: fmt.Sprintf("bench-reimport-%d", investigations.Add(1)), Author: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import([]model.Input{docInput(b, doc)}, model.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	w, err := s.Window(model.Query{}, model.Position{}, false, 0, n)
	if err != nil {
		b.Fatal(err)
	}
	var deltas []model.TagDelta
	for i, r := range w.Rows {
		if i%every == 0 {
			deltas = append(deltas, model.TagDelta{ID: r.Event.ID, Add: []string{"bench"}})
		}
	}
	if _, err := s.Write(model.OpTag, "bench", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, deltas)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := s.Import([]model.Input{docInput(b, doc)}, model.ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if r[0].Unchanged != n {
			b.Fatalf("%+v, want all %d unchanged", r[0], n)
		}
	}
}

// BenchmarkSourceFacets reads what the sources screen and the filter's
// table read of the sources: how many events cite each.
func BenchmarkSourceFacets(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		f, err := s.Facets(model.FacetSources)
		if err != nil || len(f) == 0 {
			b.Fatal(len(f), err)
		}
	}
}
