package main

import (
	"bufio"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// BenchmarkAttach50MB attaches a 50 MB plain text (prose-like words at
// random, in lines of every length up to one of 4 MB) to a source of the
// example, end to end through chrono source attach in a process of its
// own, and reports that process's peak RSS (peak-MiB), which is to stay
// ≤ 100 MiB: a snapshot streams through in pieces. Writing the file takes
// a few seconds before the timing starts; skipped under -short.
//
//	go test . -run XXX -bench Attach50MB -benchtime 1x
func BenchmarkAttach50MB(b *testing.B) {
	if testing.Short() {
		b.Skip("50 MB: not under -short")
	}
	dir := b.TempDir()
	file := filepath.Join(dir, "article.txt")
	size := writeProse(b, file, 50_000_000)
	b.SetBytes(size)
	var peak int64
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, "bench.db")
		os.Remove(db)
		if code := run([]string{"--db", db, "import", "timeline.example.json"}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("import exited %d", code)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestAttachHelper$")
		cmd.Env = append(os.Environ(), "CHRONO_ATTACH_HELPER="+db+"\n"+file)
		b.StartTimer()
		out, err := cmd.CombinedOutput()
		b.StopTimer()
		if err != nil || !strings.Contains(string(out), "snapshot 1, text/plain") {
			b.Fatalf("attach: %v\n%s", err, out)
		}
		peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) // KiB on Linux
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/1024, "peak-MiB")
}

// TestAttachHelper is the attach BenchmarkAttach50MB measures, run
// alone in a process of its own.
func TestAttachHelper(t *testing.T) {
	args := os.Getenv("CHRONO_ATTACH_HELPER")
	if args == "" {
		t.Skip("run by BenchmarkAttach50MB")
	}
	db, file, _ := strings.Cut(args, "\n")
	if code := run([]string{"--db", db, "source", "attach", "wapo", file}, nil, os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("attach exited %d", code)
	}
}

// writeProse writes about size bytes of words at random from a small
// vocabulary, in lines of random length.
func writeProse(b *testing.B, path string, size int64) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("the company paid in bags of cash for access to a cellular network whistleblower claims according " +
		"surveillance officials conference call security expert alleged employer mobile phone representatives “quoted” — café")
	rnd := rand.New(rand.NewPCG(7, 11))
	w := bufio.NewWriterSize(f, 1<<20)
	var n int64
	line := 0
	for n < size {
		word := words[rnd.IntN(len(words))]
		k, _ := w.WriteString(word)
		n += int64(k)
		line += k
		sep := " "
		if rnd.IntN(40) == 0 && line > rnd.IntN(4<<20) {
			sep, line = "\n", 0
		}
		w.WriteString(sep)
		n++
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return n
}
