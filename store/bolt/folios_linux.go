//go:build linux

package bolt

import (
	"encoding/binary"
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// A file that another program read whole (cat, cp, a backup tool) sits in
// the page cache in large folios, up to 2 MiB each, and a fault on bbolt's
// mapping of it maps the whole folio, where a page chrono's own reads
// brought in maps the 64 KiB about it. Browsing a million events so
// peaked at 205-234 MiB resident against 98. Letting the mapping go as
// the resident memory grows cost the keys more than they can spare (see
// BENCHMARKS.md). What the store does instead, the first time a process
// opens the file, is fault in a few pages of it: when one of them maps in
// more than a fault's usual 64 KiB, the file's cached pages are dropped
// and read in again as small ones (refold).

// unfoldProbes is how many pages, spread over the file, are faulted in.
const unfoldProbes = 8

// usualFault is the most a fault maps from pages in small folios: the
// kernel's fault-around, 64 KiB by default.
const usualFault = 64 << 10

// unfolded holds the files (device and inode) this process has looked
// at: the store is opened again for each write, and its pages are by
// then as the first opening left them.
var unfolded sync.Map

// unfold drops the store's file from the page cache when it is held
// there in large folios (see above); f is the store's file. When it drops
// the file, it returns a channel closed once the kernel has been asked
// to read in again what was cached; nil when it does not.
func unfold(f *os.File) <-chan struct{} {
	var st unix.Stat_t
	if unix.Fstat(int(f.Fd()), &st) != nil || st.Size < unfoldProbes*usualFault || int64(int(st.Size)) != st.Size {
		return nil
	}
	if _, seen := unfolded.LoadOrStore([2]uint64{st.Dev, st.Ino}, true); seen {
		return nil
	}
	// A mapping of its own, made and let go of here: its pages are not
	// bbolt's, and only the probes map any.
	m, err := unix.Mmap(int(f.Fd()), 0, int(st.Size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil
	}
	largest, ok := largestFault(m)
	var cached []byte
	if ok && largest > usualFault {
		cached, ok = residentPages(m)
	}
	// Before the drop: pages mapped anywhere stay in the cache.
	unix.Munmap(m)
	if !ok || largest <= usualFault {
		return nil
	}
	return refold(f, cached)
}

// largestFault faults in a few pages of m, a fresh mapping of a file,
// spread over it, as reads of them would, and returns the most that one
// fault mapped in, in bytes. It asks /proc/self/pagemap which pages are
// there, rather than counting the process's resident memory, which other
// goroutines' reads change.
func largestFault(m []byte) (int, bool) {
	if unix.Madvise(m, unix.MADV_RANDOM) != nil {
		return 0, false
	}
	pagemap, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return 0, false
	}
	defer pagemap.Close()
	pageSize := os.Getpagesize()
	largest := 0
	for i := 1; i <= unfoldProbes; i++ {
		at := len(m) / (unfoldProbes + 1) * i &^ (pageSize - 1)
		from, to := max(0, at-2<<20), min(len(m), at+2<<20)
		before, ok := presentPages(pagemap, m[from:to])
		if !ok {
			return 0, false
		}
		if unix.Madvise(m[at:at+pageSize], unix.MADV_POPULATE_READ) != nil {
			return 0, false // a kernel before 5.14
		}
		after, ok := presentPages(pagemap, m[from:to])
		if !ok {
			return 0, false
		}
		largest = max(largest, (after-before)*pageSize)
	}
	return largest, true
}

// presentPages counts the pages of m mapped in: bit 63 of each page's
// entry in pagemap, this process's /proc/self/pagemap.
func presentPages(pagemap *os.File, m []byte) (int, bool) {
	pageSize := os.Getpagesize()
	first := uintptr(unsafe.Pointer(&m[0])) / uintptr(pageSize)
	entries := make([]byte, 8*((len(m)+pageSize-1)/pageSize))
	if _, err := pagemap.ReadAt(entries, int64(first)*8); err != nil {
		return 0, false
	}
	n := 0
	for i := 0; i < len(entries); i += 8 {
		n += int(binary.LittleEndian.Uint64(entries[i:]) >> 63)
	}
	return n, true
}

// residentPages says, a byte a page, which pages of the file m maps are
// in the page cache (mincore(2): bit 0).
func residentPages(m []byte) ([]byte, bool) {
	pageSize := os.Getpagesize()
	vec := make([]byte, (len(m)+pageSize-1)/pageSize)
	_, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0])))
	return vec, errno == 0
}

// willNeedChunk is how much of the file one request to read ahead asks
// for: the kernel reads at most its readahead window a request, 128 KiB
// unless set otherwise.
const willNeedChunk = 128 << 10

// refold drops the file's pages that no process maps from the page
// cache, and has the kernel read in again, in the background, those that
// were cached (a byte a page in cached, bit 0), as the small folios that
// a request to read ahead makes (a read makes large ones): the store's
// reads would otherwise go to the disk a page at a time, as bbolt asks
// the kernel not to read ahead of them. Pages being written back are
// not dropped.
func refold(f *os.File, cached []byte) <-chan struct{} {
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
		pageSize := os.Getpagesize()
		perChunk := willNeedChunk / pageSize
		for i, asked := 0, 0; i < len(cached); i += perChunk {
			chunk := cached[i:min(i+perChunk, len(cached))]
			if !anyResident(chunk) {
				continue
			}
			// A file put in the store's place leaves this one to go.
			if asked++; asked%256 == 0 && gone(own) {
				return
			}
			if unix.Fadvise(own, int64(i*pageSize), int64(len(chunk)*pageSize), unix.FADV_WILLNEED) != nil {
				return
			}
		}
	}()
	return done
}

func anyResident(pages []byte) bool {
	for _, p := range pages {
		if p&1 != 0 {
			return true
		}
	}
	return false
}

// gone reports whether the file open as fd has no name left.
func gone(fd int) bool {
	var st unix.Stat_t
	return unix.Fstat(fd, &st) != nil || st.Nlink == 0
}
