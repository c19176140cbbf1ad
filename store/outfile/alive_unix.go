//go:build unix

package outfile

import (
	"errors"
	"syscall"
)

// alive reports whether process pid is running (a signal 0 reaches it, or
// is refused for want of permission).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
