package bolt

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
)

// Benchmarks at scale work on synthetic investigations (chrono synth),
// written once per run into a directory of their own, never into the
// repository. Those of a million events are skipped under -short.

var (
	benchDirOnce sync.Once
	benchDir     string
	benchFiles   sync.Map // n → path of a synthetic document of n events
)

func benchTemp(b *testing.B) string {
	benchDirOnce.Do(func() {
		var err error
		if benchDir, err = os.MkdirTemp("", "chrono-bench-"); err != nil {
			b.Fatal(err)
		}
	})
	return benchDir
}

// sizes are the investigation sizes benchmarks run at.
var sizes = []int{1_000, 100_000, 1_000_000}

func skipHuge(b *testing.B, n int) {
	if n >= 1_000_000 && testing.Short() {
		b.Skip("a million events: not under -short")
	}
}

// synthDoc returns the path of a synthetic native document of n events.
func synthDoc(b *testing.B, n int) string {
	if p, ok := benchFiles.Load(n); ok {
		return p.(string)
	}
	path := filepath.Join(benchTemp(b), fmt.Sprintf("synth-%d.json", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := native.Write(w, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	benchFiles.Store(n, path)
	return path
}

// fileInput imports a native document from a file, as the CLI does.
func fileInput(b testing.TB, path string) model.Input {
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
		return native.Read(f, sink)
	}}
}

// BenchmarkImport imports a synthetic native document into a new store,
// end to end: decode, validate, index, commit.
func BenchmarkImport(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			skipHuge(b, n)
			doc := synthDoc(b, n)
			fi, _ := os.Stat(doc)
			b.SetBytes(fi.Size())
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "chrono.db")
				b.StartTimer()
				s, err := Open(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Import([]model.Input{fileInput(b, doc)}, model.ImportOptions{}); err != nil {
					b.Fatal(err)
				}
				s.Close()
				b.StopTimer()
				if st, err := os.Stat(path); err == nil {
					b.ReportMetric(float64(st.Size())/float64(fi.Size()), "store/json")
				}
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
