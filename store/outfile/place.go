package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Replace moves tmp, a complete file written beside target, over target in
// one rename, first giving it the mode and (where the process may) the
// owner and group of the file it replaces. tmp must be synced already;
// the directory is synced after, so that the rename outlives a power loss.
// target must be what a path stands for (Resolve).
func Replace(tmp, target string) error {
	fi, err := os.Lstat(target)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err != nil {
		fi = nil
	}
	return place(tmp, target, fi)
}

func place(tmp, target string, keep fs.FileInfo) error {
	if keep != nil {
		// The owner first: a change of owner clears set-id bits.
		keepOwner(tmp, keep)
		if err := os.Chmod(tmp, keep.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
			return unwrapPath(err)
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		return unwrapLink(err)
	}
	return syncDir(filepath.Dir(target))
}

// PlaceNew gives tmp, a complete file beside target, the name target,
// which must not exist: ErrExists when a file took the name meanwhile,
// tmp then left as it is.
func PlaceNew(tmp, target string) error { return placeNew(tmp, target) }

// placeNew gives tmp the name target, failing rather than replacing a file
// that took the name meanwhile. A hard link does that; where the file
// system has none, a rename does.
func placeNew(tmp, target string) error {
	switch err := os.Link(tmp, target); {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s %w: it appeared meanwhile, and is left as it is", target, ErrExists)
	case err == nil:
		os.Remove(tmp)
	default:
		if err := os.Rename(tmp, target); err != nil {
			return unwrapLink(err)
		}
	}
	return syncDir(filepath.Dir(target))
}

// syncFile is (*os.File).Sync, which a test watches.
var syncFile = (*os.File).Sync

// syncDir makes a rename in dir durable. Where directories cannot be
// synced (some file systems, some systems), there is nothing more to do.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := syncFile(d); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fmt.Errorf("syncing directory %s: %w", dir, unwrapPath(err))
	}
	return nil
}

func unwrapLink(err error) error {
	if le, ok := errors.AsType[*os.LinkError](err); ok {
		return le.Err
	}
	return err
}
