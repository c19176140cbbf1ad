package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExport times an export of 100,000 synthetic events to a file,
// in process as from the command line: Timesketch JSONL, which looks up
// every linked event to leave out the links to undated ones, and chrono
// JSON. Building the store takes some seconds before the timing starts;
// skipped under -short.
//
//	go test . -run XXX -bench Export -benchtime 3x
func BenchmarkExport(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a store of 100,000 events: not under -short")
	}
	dir := b.TempDir()
	doc, db := filepath.Join(dir, "synth.json"), filepath.Join(dir, "synth.db")
	f, err := os.Create(doc)
	if err != nil {
		b.Fatal(err)
	}
	code := run([]string{"synth", "--events", "100000"}, nil, f, io.Discard)
	f.Close()
	if code != 0 {
		b.Fatalf("synth exited %d", code)
	}
	if code := run([]string{"--db", db, "import", doc}, nil, io.Discard, io.Discard); code != 0 {
		b.Fatalf("import exited %d", code)
	}
	for _, format := range []string{"timesketch", "json"} {
		b.Run(format, func(b *testing.B) {
			out := filepath.Join(dir, "out."+format)
			for b.Loop() {
				if code := run([]string{"--db", db, "export", "--format", format, "--force", "-o", out}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("export exited %d", code)
				}
			}
			b.ReportMetric(100_000/(float64(b.Elapsed().Seconds())/float64(b.N)), "events/s")
		})
	}
}
