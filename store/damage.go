package store

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// ErrDamaged means the store file is damaged: cut short, or changed by
// something other than chrono.
var ErrDamaged = errors.New("damaged")

// A damaged file can make bbolt fault while reading its memory map
// (SIGBUS past the end of a file cut short) or panic on a page that makes
// no sense. guarded turns both into an error that names the file and says
// what to do, instead of a crash.
func (s *Store) guarded(fn func() error) (err error) {
	return guardPath(s.path, fn)
}

func guardPath(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, fmt.Sprint(r))
		}
	}()
	return fn()
}

func damaged(path, why string) error {
	return fmt.Errorf("store %s is %w (%s): nothing was changed; restore it from a backup (chrono backup -o FILE makes one)", path, ErrDamaged, why)
}
