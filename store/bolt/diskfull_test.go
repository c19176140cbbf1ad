package bolt

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestNoRoomAdvice: a store that cannot grow is told what lifts it: free
// space for a full disk or quota, the limit on file size for a file at
// it (EFBIG, as ulimit -f or a file system's largest file make it), where
// freeing space does nothing. The errors are made up, as bbolt wraps them,
// with %w or as text.
func TestNoRoomAdvice(t *testing.T) {
	const space, size = "free some disk space", "raise the limit on file size (ulimit -f)"
	for _, tt := range []struct {
		name      string
		err       error
		want, not string
	}{
		{"full disk", &os.PathError{Op: "write", Path: "s.db", Err: syscall.ENOSPC}, space, size},
		{"quota", fmt.Errorf("commit: %w", syscall.EDQUOT), space, size},
		{"file size, wrapped", &os.PathError{Op: "truncate", Path: "s.db", Err: syscall.EFBIG}, size, space},
		{"file size, as text", fmt.Errorf("file resize error: %s", &os.PathError{Op: "truncate", Path: "s.db", Err: syscall.EFBIG}), size, space},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := noRoom("s.db", tt.err).Error()
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, tt.not) || !strings.Contains(msg, "nothing was saved") {
				t.Errorf("noRoom = %q; want %q in it, and not %q", msg, tt.want, tt.not)
			}
		})
	}
	other := errors.New("bad page")
	if err := noRoom("s.db", other); err != other {
		t.Errorf("noRoom(another error) = %v, want it as it is", err)
	}
}
