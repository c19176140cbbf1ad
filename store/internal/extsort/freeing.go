package extsort

import (
	"io"
	"os"
)

// freeEvery is how many bytes of a run are read between giving back the
// pages they took.
const freeEvery = 4 << 20

// freeing reads a run file for the last time, and has the system let go
// of what it has read (punch), every freeEvery bytes and at its end. The
// bytes handed to the reader's caller are copies, so letting go of them
// is safe.
type freeing struct {
	f           *os.File
	read, freed int64
	stopped     bool // the file system cannot: read on without
}

func (r *freeing) Read(p []byte) (int, error) {
	n, err := r.f.Read(p)
	r.read += int64(n)
	if !r.stopped && (r.read-r.freed >= freeEvery || err == io.EOF && r.read > r.freed) {
		upto := r.read
		if err == nil {
			upto &^= int64(os.Getpagesize() - 1)
		}
		if punch(r.f, r.freed, upto-r.freed) != nil {
			r.stopped = true
		} else {
			r.freed = upto
		}
	}
	return n, err
}
