//go:build unix

package bolt

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// openFlags are added to every open of the store's file: a named pipe
// put at the path after it was looked at opens at once rather than
// waiting for a writer, and is then refused for what it is. They change
// nothing for a regular file.
const openFlags = syscall.O_NONBLOCK

// wOK is W_OK of access(2), the same on every Unix.
const wOK = 0x2

// unwritable says why this process may not write the file at path (fi
// is what os.Stat says of it), or "" when it may. A mode that lets no one
// write the file (chmod a-w, 0444) is how a user keeps chrono from
// writing a store, so chrono holds to it itself: the system lets root
// write any mode. Otherwise access(2) asks the system, which knows what
// else stops this process: the owner and group the mode names, an
// immutable file, a read-only mount.
func unwritable(path string, fi fs.FileInfo) string {
	if fi.Mode().Perm()&0o222 == 0 {
		return noWriteMode(fi)
	}
	err := syscall.Access(path, wOK)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, syscall.EROFS):
		return "on a read-only file system"
	case errors.Is(err, syscall.EPERM):
		return "marked immutable"
	case errors.Is(err, syscall.EACCES):
		return modeReason(fi)
	}
	return err.Error()
}

// modeReason says that a file's mode, which lets some write it (a mode
// that lets no one is caught before access(2) is asked), keeps this user
// from writing it.
func modeReason(fi fs.FileInfo) string {
	return fmt.Sprintf("file mode %04o, and you are not one who may write it", fi.Mode().Perm())
}

// noWriteMode says that a file's mode lets no one write it, and how to
// allow writing.
func noWriteMode(fi fs.FileInfo) string {
	return fmt.Sprintf("file mode %04o, which lets no one write it; chmod u+w it to allow writing", fi.Mode().Perm())
}
