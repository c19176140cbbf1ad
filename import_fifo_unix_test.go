//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportFromANamedPipe: a named pipe is read once, as the file it
// stands for. Looking at it for a store's first bytes opened it, took
// its writer's data and closed it, and the import then waited for a
// writer that had gone.
func TestImportFromANamedPipe(t *testing.T) {
	doc, err := os.ReadFile("timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(t.TempDir(), "feed")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		w.Write(doc)
	}()
	done := make(chan result, 1)
	go func() { done <- chrono(t, filepath.Join(t.TempDir(), "case.db"), "", "import", "--dry-run", pipe) }()
	select {
	case r := <-done:
		if r.code != 0 || !strings.Contains(r.stdout, "would import 13 events") {
			t.Errorf("import of a named pipe: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	case <-time.After(20 * time.Second):
		// Unblocks the import, which then reads nothing, for the test to end.
		if w, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("the import of a named pipe still waits 20 s after its writer finished")
	}
}
