//go:build linux

package bolt

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// A file that another program read whole (cat, cp, a backup tool) sits in
// the page cache in large folios, up to 2 MiB each, and a fault on bbolt's
// mapping of it maps the whole folio, where a page chrono's own reads
// brought in maps the 64 KiB about it. Browsing a million events so
// peaked at 229 MiB resident against 98. Letting the mapping go as the
// resident memory grows cost the keys more than they can spare (see
// BENCHMARKS.md). What the store does instead, on opening, is look at a
// few pages of the file: when one of them maps in more than a fault's
// usual 64 KiB, the file's pages that no process maps are dropped from
// the page cache and read in again as small pages (refold).

// unfoldProbes is how many pages, spread over the file, opening looks at.
const unfoldProbes = 8

// usualFault is the most a fault maps from pages in small folios: the
// kernel's fault-around, 64 KiB by default.
const usualFault = 64 << 10

// unfold drops the store's file from the page cache when it is held
// there in large folios (see above); f is the store's file. When it drops
// the file, it returns a channel closed once the kernel has been asked
// to read it all in again; nil when it does not.
func unfold(f *os.File) <-chan struct{} {
	fi, err := f.Stat()
	if err != nil || fi.Size() < unfoldProbes*usualFault || fi.Size() != int64(int(fi.Size())) {
		return nil
	}
	// A mapping of its own, made and let go of here: the pages it maps
	// are not bbolt's to count.
	m, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil
	}
	large := largeFolios(m)
	unix.Munmap(m)
	if !large {
		return nil
	}
	return refold(f, fi.Size())
}

// largeFolios reports whether a fault on one of a few pages of m,
// spread over it, maps in more than a fault's usual 64 KiB.
func largeFolios(m []byte) bool {
	if unix.Madvise(m, unix.MADV_RANDOM) != nil {
		return false
	}
	pageSize := os.Getpagesize()
	for i := 1; i <= unfoldProbes; i++ {
		at := len(m) / (unfoldProbes + 1) * i &^ (pageSize - 1)
		before, ok := mappedFilePages()
		if !ok {
			return false
		}
		// Faults the page in as a read of it would.
		if unix.Madvise(m[at:at+pageSize], unix.MADV_POPULATE_READ) != nil {
			return false // a kernel before 5.14
		}
		after, ok := mappedFilePages()
		if !ok {
			return false
		}
		if (after-before)*pageSize > usualFault {
			return true
		}
	}
	return false
}

// willNeedChunk is how much of the file one request to read ahead asks
// for: the kernel reads at most its readahead window a request.
const willNeedChunk = 2 << 20

// refold drops the file's pages that no process maps from the page
// cache, and has the kernel read them in again, in the background, as
// the small folios that a request to read ahead makes (a read makes
// large ones): the store's reads would otherwise go to the disk a page
// at a time, as bbolt asks the kernel not to read ahead of them.
func refold(f *os.File, size int64) <-chan struct{} {
	fd := int(f.Fd())
	if err := unix.Fadvise(fd, 0, 0, unix.FADV_DONTNEED); err != nil {
		return nil
	}
	// A descriptor of its own, so that the store may close its file
	// meanwhile.
	own, err := unix.Dup(fd)
	if err != nil {
		return nil
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer unix.Close(own)
		for at := int64(0); at < size; at += willNeedChunk {
			if unix.Fadvise(own, at, willNeedChunk, unix.FADV_WILLNEED) != nil {
				return
			}
		}
	}()
	return done
}

// mappedFilePages is how many pages of files (and shared memory) this
// process has mapped in: the third number of /proc/self/statm.
func mappedFilePages() (int, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return 0, false
	}
	n, err := strconv.Atoi(fields[2])
	return n, err == nil
}
