package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

func TestReadOnceLetsTheInputsPagesGo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	want := bytes.Repeat([]byte(`{"id": "e", "title": "A page of an input"},`+"\n"), (3*dropEvery)/44)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil { // pages being written are not let go
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, f); err != nil { // every page read in
		t.Fatal(err)
	}
	before := residentPages(t, f, dropEvery)
	if before == 0 {
		t.Skip("the file system keeps no pages of the file to let go of")
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(readOnce(f))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("read %d bytes, not the file's %d", len(got), len(want))
	}
	if after := residentPages(t, f, dropEvery); after > before/8 {
		// tmpfs, whose pages are the file, keeps them all.
		if fs := new(unix.Statfs_t); unix.Fstatfs(int(f.Fd()), fs) == nil && fs.Type == unix.TMPFS_MAGIC {
			t.Skip("tmpfs keeps the pages it holds")
		}
		t.Errorf("%d of the first %d pages read still held, were %d", after, dropEvery/os.Getpagesize(), before)
	}
}

// residentPages counts the pages of the first n bytes of f the system
// holds in memory.
func residentPages(t *testing.T, f *os.File, n int) int {
	t.Helper()
	mem, err := unix.Mmap(int(f.Fd()), 0, n, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(mem)
	vec := make([]byte, (n+os.Getpagesize()-1)/os.Getpagesize())
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&mem[0])), uintptr(len(mem)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	held := 0
	for _, v := range vec {
		held += int(v & 1)
	}
	return held
}
