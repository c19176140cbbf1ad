package outfile

import (
	"errors"
	"strings"
	"syscall"
)

// NoRoom is the errno of a write that failed for want of space (ENOSPC,
// EDQUOT) or at the largest size a file may have (EFBIG), which no
// space freed lifts; 0 for any other error. bbolt formats some of these
// with %s rather than %w, so the error's text is read too.
func NoRoom(err error) syscall.Errno {
	if err == nil {
		return 0
	}
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EFBIG, syscall.EDQUOT} {
		if errors.Is(err, errno) || strings.Contains(err.Error(), errno.Error()) {
			return errno
		}
	}
	return 0
}
