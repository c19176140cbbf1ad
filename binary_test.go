package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
