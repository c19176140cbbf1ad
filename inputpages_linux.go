package main

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// dropEvery is how many bytes of an input are read between telling the
// system to let go of their pages.
const dropEvery = 16 << 20

// readOnce returns f, a regular file, as a reader that tells the system
// to let go of the pages it has read: an import reads its input once,
// and the runs it sorts are written next, into pages the system must
// find. Given back, the input's pages are those it finds. On a virtual
// machine whose host backs a page anew once the guest has let it lie
// unused, writing 1.2 GB into a new file took 2.1-2.2 s of system time
// in pages not used lately, 0.12-0.2 s in pages just given back.
func readOnce(f *os.File) io.Reader { return &dropBehind{f: f} }

// dropBehind is readOnce's reader.
type dropBehind struct {
	f             *os.File
	read, dropped int64
}

func (d *dropBehind) Read(b []byte) (int, error) {
	n, err := d.f.Read(b)
	d.read += int64(n)
	if d.read-d.dropped >= dropEvery {
		// Advice: whatever the system makes of it, the bytes read are
		// the same.
		_ = unix.Fadvise(int(d.f.Fd()), d.dropped, d.read-d.dropped, unix.FADV_DONTNEED)
		d.dropped = d.read
	}
	return n, err
}
