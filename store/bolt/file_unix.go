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
// is what os.Stat says of it), or "" when it may. access(2) asks the
// system itself, so that root, whom a file's mode does not stop, is told
// only of what does stop it: an immutable file, a read-only mount.
func unwritable(path string, fi fs.FileInfo) string {
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

// modeReason says that a file's mode keeps the user from writing it.
func modeReason(fi fs.FileInfo) string {
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Sprintf("file mode %04o", fi.Mode().Perm())
	}
	return fmt.Sprintf("file mode %04o, and you are not one who may write it", fi.Mode().Perm())
}
