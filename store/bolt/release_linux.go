//go:build linux

package bolt

import (
	"os"

	bbolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// release tells the kernel that the pages of the store's file mapped by
// bbolt need not stay in this process: a search reads every event, and
// would otherwise leave the whole file counted in the process's resident
// memory. The data stays in the file (and the page cache); a later read
// maps it again. It runs inside a read transaction, when bbolt cannot be
// remapping the file.
func release(tx *bbolt.Tx) { releaseFile(tx.DB()) }

// releaseFile is release between transactions: when no other goroutine
// uses db, as in the file an import builds.
func releaseFile(db *bbolt.DB) {
	info := db.Info()
	fi, err := os.Stat(db.Path())
	if err != nil || info.Data == 0 {
		return
	}
	size := uintptr(fi.Size()) &^ uintptr(os.Getpagesize()-1)
	// The address comes from bbolt's own mapping, so it is given to the
	// kernel as a number rather than as a Go pointer.
	unix.Syscall(unix.SYS_MADVISE, info.Data, size, unix.MADV_DONTNEED)
}
