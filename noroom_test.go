package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestNoRoomToWriteAdvice: an export that does not fit is told what
// lifts it: free space for a full disk or quota, the limit on file size
// for a file at it (EFBIG, as ulimit -f or a file system's largest file
// make it), where freeing space does nothing. The errors are made up.
func TestNoRoomToWriteAdvice(t *testing.T) {
	const space, size = "free some disk space", "raise the limit on file size (ulimit -f)"
	for _, tt := range []struct {
		name      string
		err       error
		through   bool
		want, not string
	}{
		{"full disk", &os.PathError{Op: "write", Path: "out.json", Err: syscall.ENOSPC}, false, space, size},
		{"quota", fmt.Errorf("encode: %w", syscall.EDQUOT), true, space, size},
		{"file size", &os.PathError{Op: "write", Path: "out.json", Err: syscall.EFBIG}, false, size, space},
		{"file size, written through", fmt.Errorf("encode: %w", syscall.EFBIG), true, size, space},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := noRoomToWrite("out.json", tt.through, tt.err).Error()
			left := "no file was left"
			if tt.through {
				left = "what reached it is incomplete"
			}
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, tt.not) || !strings.Contains(msg, left) || !strings.Contains(msg, "out.json") {
				t.Errorf("noRoomToWrite = %q; want %q and %q in it, and not %q", msg, tt.want, left, tt.not)
			}
		})
	}
	other := errors.New("broken pipe")
	if err := noRoomToWrite("out.json", false, other); err != other {
		t.Errorf("noRoomToWrite(another error) = %v, want it as it is", err)
	}
}
