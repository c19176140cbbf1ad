package bolt

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// TestUnfoldBringsTheFileBackInSmallPages: a store file that another
// program read whole sits in the page cache in large folios, and a fault
// on it maps a whole one. Opening finds that, and has the file read in
// again as small pages: a fault then maps no more than the kernel's
// usual 64 KiB, and the file is in the page cache again. A file already
// in small pages is left as it is.
func TestUnfoldBringsTheFileBackInSmallPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("values"))
		if err != nil {
			return err
		}
		for i := range 4096 {
			if err := b.Put(binary.BigEndian.AppendUint32(nil, uint32(i)), make([]byte, 4000)); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	readWhole(t, path)

	var file *os.File
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		file = f
		return f, err
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var fs unix.Statfs_t
	if err := unix.Fstatfs(int(file.Fd()), &fs); err == nil && fs.Type == unix.TMPFS_MAGIC {
		t.Skip("a file in tmpfs is its pages: there is nothing to read it in again from")
	}
	unfoldFresh := func() <-chan struct{} {
		unfolded.Clear() // as a process that has not opened the file
		return unfold(file)
	}
	done := unfoldFresh()
	if done == nil {
		t.Fatal("the file's large folios went unnoticed")
	}
	<-done
	if got := largestFaultIn(t, path); got > usualFault {
		t.Errorf("after unfolding, a fault maps %d KiB, want at most %d", got>>10, usualFault>>10)
	}
	if got := residentShare(t, path); got < 0.9 {
		t.Errorf("after unfolding, %.0f%% of the file is in the page cache, want it read in again", 100*got)
	}
	if unfoldFresh() != nil {
		t.Error("a file in small pages was dropped from the page cache")
	}
	readWhole(t, path)
	if unfold(file) != nil {
		t.Error("a file this process looked at was looked at again")
	}
}

// readWhole reads the file at path as another program would: from the
// disk, whole. The kernel's readahead decides the folios' size, so it is
// given a few tries to make large ones; the test is skipped when it
// makes none.
func readWhole(t *testing.T, path string) {
	t.Helper()
	for range 3 {
		dropCache(t, path)
		if _, err := os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
		if largestFaultIn(t, path) > usualFault {
			return
		}
	}
	t.Skip("the page cache keeps a file read whole in small folios here")
}

// dropCache drops the file at path from the page cache.
func dropCache(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Pages being written back would stay.
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
}

// largestFaultIn maps the file at path and returns the most that a
// fault on one of its pages mapped in, in bytes.
func largestFaultIn(t *testing.T, path string) int {
	t.Helper()
	m := mapFile(t, path)
	defer unix.Munmap(m)
	largest, ok := largestFault(m)
	if !ok {
		t.Skip("faulting a page in, or telling what it mapped, fails here")
	}
	return largest
}

// residentShare is how much of the file at path is in the page cache,
// once the reads asked for have had a moment to finish.
func residentShare(t *testing.T, path string) float64 {
	t.Helper()
	m := mapFile(t, path)
	defer unix.Munmap(m)
	share := 0.0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		pages, ok := residentPages(m)
		if !ok {
			t.Fatal("mincore failed")
		}
		in := 0
		for _, p := range pages {
			in += int(p & 1)
		}
		if share = float64(in) / float64(len(pages)); share >= 0.9 {
			break
		}
	}
	return share
}

func mapFile(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
