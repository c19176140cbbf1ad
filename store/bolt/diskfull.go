package bolt

import (
	"fmt"
	"syscall"

	"chrono/store/outfile"
)

// noRoom explains a write that failed for want of space: the disk (or
// the user's quota) is full, or the file is at the largest size a file may
// have there, which no space freed lifts. bbolt rolls the transaction
// back, so the store is as it was before the write.
func noRoom(path string, err error) error {
	if err == nil {
		return nil
	}
	switch outfile.NoRoom(err) {
	case syscall.EFBIG:
		return fmt.Errorf("cannot write store %s: a file reached the largest size this process may write there (%w): nothing was saved and the store is as it was; raise the limit on file size (ulimit -f), or move the store to a file system that holds larger files, and try again", path, err)
	case syscall.ENOSPC, syscall.EDQUOT:
		return fmt.Errorf("no room to write store %s (%w): nothing was saved and the store is as it was; free some disk space and try again", path, err)
	}
	return err
}
