//go:build linux

package bolt

import (
	"math"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// A process waiting for bbolt's lock cannot be seen by those that hold
// it (bbolt's flock is tried again every 50ms, never queued), so a server
// whose sessions read or write without a pause would keep a chrono
// command on the same machine out altogether. A process opening the
// store therefore says that it wants its turn, with an open file
// description lock (fcntl, not flock: the two do not meet) on a byte far
// past the end of the file, and a Shared store lets go of the file when
// it sees it: its readers for one that writes, its store held open for
// writing for anyone. The mark is only a request: what keeps writers
// apart is still bbolt's own lock, so a process that does not ask is as
// safe as before, only slower.

// turnByte is where the request is marked: no data is ever there.
const turnByte = math.MaxInt64 - 1

// askTurn marks that this process wants the store at path, and
// returns what takes the mark away. It does nothing when the mark cannot
// be made.
func askTurn(path string) (done func()) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return func() {}
	}
	lk := unix.Flock_t{Type: unix.F_RDLCK, Whence: 0, Start: turnByte, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk); err != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() } // closing the description drops its lock
}

// turnWanted reports whether a writer has asked for its turn at the
// file f is open on.
func turnWanted(f *os.File) bool {
	if f == nil {
		return false
	}
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: turnByte, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_GETLK, &lk); err != nil {
		return false
	}
	return lk.Type != unix.F_UNLCK
}

// waitTurn waits, up to timeout, until no writer asks for its turn at
// the store at path: one that asked is let in first.
func waitTurn(path string, timeout time.Duration) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return
	}
	defer f.Close()
	deadline := time.Now().Add(timeout)
	for turnWanted(f) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
}
