package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// The binary the end-to-end tests run, built once for them all.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// buildChrono returns the built chrono binary, building it on first use.
func buildChrono(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "chrono-bin-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "chrono")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// tmuxChrono is what a test driving chrono in tmux needs: a directory of
// its own and the binary. It skips where tmux is not installed.
func tmuxChrono(t *testing.T) (dir, bin string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	return t.TempDir(), buildChrono(t)
}

// synthDB writes n events of the synthetic investigation, as chrono synth
// writes them, to a file in a new directory, and imports them into a new
// store there: the store's path and the file's.
func synthDB(t *testing.T, bin string, n int) (db, doc string) {
	t.Helper()
	dir := t.TempDir()
	db, doc = filepath.Join(dir, "synth.db"), filepath.Join(dir, "synth.json")
	f, err := os.Create(doc)
	if err != nil {
		t.Fatal(err)
	}
	synth := exec.Command(bin, "synth", "--events", strconv.Itoa(n))
	synth.Stdout = f
	err = synth.Run()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--db", db, "import", doc).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	return db, doc
}
