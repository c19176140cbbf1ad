package storetest

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// MakeUnwritable makes the file at path one this process may not write,
// and returns what chrono should say of it: mode 0444 for a user, or the
// immutable flag for root, whom a file's mode does not stop. It skips the
// test where neither can be had.
func MakeUnwritable(t *testing.T, path string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		return "file mode 0444"
	}
	if err := setImmutable(path, true); err != nil {
		t.Skipf("running as root, whom mode 0444 does not stop, on a file system that cannot mark %s immutable: %v", path, err)
	}
	t.Cleanup(func() { setImmutable(path, false) })
	return "immutable"
}

// fsImmutable is FS_IMMUTABLE_FL of linux/fs.h.
const fsImmutable = 0x10

// setImmutable sets or clears a file's immutable flag (chattr +i).
func setImmutable(path string, on bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		return err
	}
	if on {
		flags |= fsImmutable
	} else {
		flags &^= fsImmutable
	}
	return unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags))
}
