//go:build unix

package main

import (
	"errors"
	"os"
	"syscall"
)

// lockDraft claims the draft open in f for this browser alone, unless
// another holds it: an exclusive flock, which the system lets go when
// the file is closed or its process ends however it ends, so that a
// browser killed leaves its draft to the next.
func lockDraft(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}
