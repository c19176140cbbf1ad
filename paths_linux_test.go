package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStoreThatIsNotAFile: a named pipe at --db, or a link to one, or a
// device, is refused at once by every command, named for what it is.
func TestStoreThatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for db, want := range map[string]string{fifo: "is a named pipe", link: "is a symbolic link to a named pipe", "/dev/zero": "is a character device"} {
		for _, args := range [][]string{{"list"}, {"tag", "x", "y"}, {"import", "timeline.example.json"}, {}} {
			done := make(chan result, 1)
			go func() { done <- chrono(t, db, "", args...) }()
			select {
			case r := <-done:
				if r.code != 1 || !strings.Contains(r.stderr, db+" "+want) {
					t.Errorf("chrono --db %s %s: exit %d, stderr %q; want it to say it %s", db, strings.Join(args, " "), r.code, r.stderr, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("chrono --db %s %s still running after 5s", db, strings.Join(args, " "))
			}
		}
	}
}
