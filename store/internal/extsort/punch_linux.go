//go:build linux

package extsort

import (
	"os"

	"golang.org/x/sys/unix"
)

// punch lets go of n bytes of f from off: the file keeps its size, and
// reads there give zeros; the page cache's pages go back to the system,
// written to the disk or not.
func punch(f *os.File, off, n int64) error {
	return unix.Fallocate(int(f.Fd()), unix.FALLOC_FL_PUNCH_HOLE|unix.FALLOC_FL_KEEP_SIZE, off, n)
}
