package bolt

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
)

// noRoom explains a write that failed for want of space: the disk is full
// or the file is at a size limit. bbolt rolls the transaction back, so the
// store is as it was before the write.
func noRoom(path string, err error) error {
	if err == nil {
		return nil
	}
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EFBIG, syscall.EDQUOT} {
		// bbolt formats some of these with %s, not %w.
		if errors.Is(err, errno) || strings.Contains(err.Error(), errno.Error()) {
			return fmt.Errorf("no room to write store %s (%w): nothing was saved and the store is as it was; free some disk space and try again", path, err)
		}
	}
	return err
}
