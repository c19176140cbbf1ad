//go:build unix

package outfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives name the owner and group of keep where the process may:
// any owner as root, else a group it belongs to. What it may not, it
// leaves.
func keepOwner(name string, keep fs.FileInfo) {
	st, ok := keep.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if os.Chown(name, int(st.Uid), int(st.Gid)) != nil {
		os.Chown(name, -1, int(st.Gid))
	}
}
