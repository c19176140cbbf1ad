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
// maps it again. It runs inside a transaction, when bbolt cannot be
// remapping the file, and tells only of the pages the transaction sees:
// the file may be longer than the mapping (bbolt grows it ahead), and
// what lies past the mapping is this process's other memory.
func release(tx *bbolt.Tx) {
	data := tx.DB().Info().Data
	size := uintptr(tx.Size()) &^ uintptr(os.Getpagesize()-1)
	if data == 0 || size == 0 {
		return
	}
	// The address comes from bbolt's own mapping, so it is given to the
	// kernel as a number rather than as a Go pointer.
	unix.Syscall(unix.SYS_MADVISE, data, size, unix.MADV_DONTNEED)
}
