//go:build !linux

package extsort

import (
	"errors"
	"os"
)

// punch is not done where the system has no call for it: the run files
// keep their pages until they are removed.
func punch(*os.File, int64, int64) error { return errors.ErrUnsupported }
