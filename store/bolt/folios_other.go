//go:build !linux

package bolt

import (
	"os"
)

// unfold does nothing where the page cache's folios are not looked at.
func unfold(*os.File) <-chan struct{} { return nil }
