package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAReaderNotReadingBlocksNoWriter: chrono list into a pipe whose
// reader stops reading (a pager left on its first page) held the store,
// and every write was refused as "in use" for as long as the pager
// stayed open. The listing now waits in a spool, the store closed once
// it is read: a write goes through meanwhile, and the reader, reading
// again, gets the listing whole.
func TestAReaderNotReadingBlocksNoWriter(t *testing.T) {
	bin := buildChrono(t)
	db, _ := synthDB(t, bin, 3000)
	// chrono list, and chrono with no command, which lists without a
	// terminal.
	for i, args := range [][]string{{"list"}, {}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		list := exec.Command(bin, append([]string{"--db", db}, args...)...)
		list.Stdout = w
		var stderr bytes.Buffer
		list.Stderr = &stderr
		if err := list.Start(); err != nil {
			t.Fatal(err)
		}
		w.Close()
		// The listing is larger than a pipe holds: unread, it waits.
		var tagged []byte
		deadline := time.Now().Add(20 * time.Second)
		for {
			tagged, err = exec.Command(bin, "--db", db, "--author", "bo", "tag", "ev-0000001", fmt.Sprint("meanwhile-", i)).CombinedOutput()
			if err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Errorf("%v: a write while the listing's reader reads nothing: %v\n%s", args, err, tagged)
		}
		out, _ := io.ReadAll(r)
		r.Close()
		if err := list.Wait(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		if n := strings.Count(string(out), "\n"); n != 3000 {
			t.Errorf("%v: the listing read after has %d lines, want 3000", args, n)
		}
	}
}

// TestPipeSpoolKeepsTheOrder: what is written into a spool comes out of
// the pipe whole and in order, read only once all of it was written,
// past the memory it holds (then from its file), and after the memory
// was freed again.
func TestPipeSpoolKeepsTheOrder(t *testing.T) {
	r, w, sp := spoolOnAPipe(t, 1000)
	var want bytes.Buffer
	for i := range 5000 {
		line := strings.Repeat(string(rune('a'+i%26)), i%97) + "\n"
		want.WriteString(line)
		if _, err := io.WriteString(sp, line); err != nil {
			t.Fatal(err)
		}
	}
	got := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); got <- b }()
	if err := sp.finish(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if b := <-got; !bytes.Equal(b, want.Bytes()) {
		t.Errorf("%d bytes came out, want the %d written, in order", len(b), want.Len())
	}
	if f, _ := os.CreateTemp("", "x"); f != nil { // a regular file is not spooled
		defer os.Remove(f.Name())
		defer f.Close()
		if spoolIfPipe(f) != nil {
			t.Error("a regular file was spooled")
		}
	}
}

// TestPipeSpoolFailsWhole: when the spool cannot keep what the pipe has
// not read (no room for its file), that write fails, and so does every
// write after it, saying what to do: the output never goes on past a
// gap. A later small write went into memory, and the output lacked the
// one refused.
func TestPipeSpoolFailsWhole(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "none"))
	r, w, sp := spoolOnAPipe(t, 100_000)
	var errs []error
	for _, n := range []int{70_000, 60_000, 50_000, 4} {
		_, err := sp.Write(bytes.Repeat([]byte("x"), n))
		errs = append(errs, err)
	}
	go io.Copy(io.Discard, r)
	err := sp.finish()
	w.Close()
	if errs[len(errs)-1] == nil || err == nil || !strings.Contains(err.Error(), "set TMPDIR to a disk with room, or write to a file with -o FILE") {
		t.Errorf("writes %v, finish %v: want the write past the memory and every one after failing, and said", errs, err)
	}
}

// spoolOnAPipe is a spool onto a new pipe, holding up to memory bytes in
// memory for the test: the pipe's ends, and the spool.
func spoolOnAPipe(t *testing.T, memory int) (r, w *os.File, sp *pipeSpool) {
	t.Helper()
	was := spoolMemory
	spoolMemory = memory
	t.Cleanup(func() { spoolMemory = was })
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if sp = spoolIfPipe(w); sp == nil {
		t.Fatal("no spool for a pipe")
	}
	return r, w, sp
}
