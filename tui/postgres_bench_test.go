package tui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store"
	"chrono/store/pg/pgtest"
)

// The browser's benchmarks on a PostgreSQL store: the same keys as
// BenchmarkKeys and BenchmarkOpen, each measured from the press through
// the store reads its commands make to the View after, on an
// investigation of a throwaway cluster (package pgtest). Its size is
// CHRONO_BENCH_EVENTS, a million when unset; it is imported once per
// run. Skipped under -short, and when PostgreSQL is not installed.
//
// CHRONO_BENCH_DATABASE, a database's address, measures on that server
// instead: the investigation bench-N is imported there when it is not
// there yet, and kept, so that the next run measures at once.

var pgBench struct {
	once    sync.Once
	cluster *pgtest.Cluster
	missing error // why there is no server
	err     error // why the investigation could not be made
	dir     string
}

// pgBenchStore opens the benchmarks' investigation as chrono opens it for
// the browser, making the cluster and the investigation on first use.
func pgBenchStore(b *testing.B) model.Store {
	b.Helper()
	if testing.Short() {
		b.Skip("benchmarks on PostgreSQL at scale: not under -short")
	}
	n := pgtest.BenchEvents(b)
	name := fmt.Sprintf("bench-%d", n)
	url := os.Getenv("CHRONO_BENCH_DATABASE")
	pgBench.once.Do(func() {
		if url != "" {
			if s, err := store.Open(url, store.Options{Investigation: name, ReadOnly: true}); err == nil {
				s.Close()
				return // imported by a run before
			}
		} else {
			if pgBench.cluster, pgBench.missing = pgtest.Start(); pgBench.missing != nil {
				return
			}
			url = pgBench.cluster.URL()
		}
		pgBench.err = pgBenchImport(url, name, n)
	})
	pgtest.Need(b, pgBench.missing)
	if pgBench.err != nil {
		b.Fatal(pgBench.err)
	}
	if url == "" {
		url = pgBench.cluster.URL()
	}
	// Each read is waited for, however long it takes: what is measured
	// here is how long.
	was := patience
	patience = 10 * time.Minute
	b.Cleanup(func() { patience = was })
	s, err := store.Open(url, store.Options{Shared: true, Investigation: name})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// pgBenchImport imports a synthetic investigation of n events.
func pgBenchImport(url, name string, n int) error {
	var err error
	if pgBench.dir, err = os.MkdirTemp("", "chrono-tui-pg-bench-"); err != nil {
		return err
	}
	doc := filepath.Join(pgBench.dir, "synth.json")
	f, err := os.Create(doc)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = native.Write(w, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n))
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s, err := store.Open(url, store.Options{Investigation: name, Author: "bench"})
	if err != nil {
		return err
	}
	defer s.Close()
	in := model.Input{Name: doc, Size: -1, Read: func(sink model.Sink) error {
		f, err := os.Open(doc)
		if err != nil {
			return err
		}
		defer f.Close()
		return native.Read(bufio.NewReaderSize(f, 1<<20), sink)
	}}
	_, err = s.Import([]model.Input{in}, model.ImportOptions{})
	os.Remove(doc)
	return err
}

// stopPGBench stops the benchmarks' cluster, if they started one.
func stopPGBench() {
	if pgBench.cluster != nil {
		pgBench.cluster.Stop()
	}
	if pgBench.dir != "" {
		os.RemoveAll(pgBench.dir)
	}
}

// BenchmarkPostgresOpen is BenchmarkOpen on PostgreSQL: the browser
// starting, loading its first window, counts and ruler, and drawing the
// first screen; the sets are worked out in the background, after it.
func BenchmarkPostgresOpen(b *testing.B) {
	s := pgBenchStore(b)
	for b.Loop() {
		openBrowser(b, s)
	}
}

// BenchmarkPostgresSetScan is BenchmarkSetScan on PostgreSQL: the sets
// the first browser to open an investigation works out in the
// background, reading every event and the linked ones again.
func BenchmarkPostgresSetScan(b *testing.B) {
	s := pgBenchStore(b)
	for b.Loop() {
		var st setState
		var scans int
		if err := st.update(s, &scans); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostgresKeys is BenchmarkKeys on PostgreSQL: each movement
// key from the middle of the timeline, Update, the store reads of the
// commands it makes, and the View after.
func BenchmarkPostgresKeys(b *testing.B) {
	for _, k := range movementKeys {
		b.Run("key="+k.name, func(b *testing.B) {
			s := pgBenchStore(b)
			d := benchDriver(b, s)
			d.goTo("2008")
			pressEach(b, d, "2008", k.press)
		})
	}
}
