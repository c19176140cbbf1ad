package bolt

import (
	"fmt"
	"io/fs"
	"os"

	"chrono/model"
)

// A store is a regular file. Anything else at its path is refused before
// it is read: a named pipe would hang the open until something wrote to
// it, and a device such as /dev/zero would read as an empty file.

// notAFile is the error for what is at path when it is not a regular
// file (fi is what os.Stat says of it), or nil when it is one.
func notAFile(path string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	kind := fileKind(fi.Mode())
	if lfi, err := os.Lstat(path); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
		kind = "a symbolic link to " + kind
	}
	return fmt.Errorf("store %s is %s, %w: nothing was read; give the path of a store file", path, kind, model.ErrNotChrono)
}

// fileKind names a kind of file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a regular file"
}

// openKeeping is bbolt's Options.OpenFile: openRegular, keeping the file
// it opens in *file (the store reads it, and checks it is still the one
// at its path).
func openKeeping(file **os.File) func(string, int, fs.FileMode) (*os.File, error) {
	return func(name string, flag int, perm fs.FileMode) (*os.File, error) {
		f, err := openRegular(name, flag, perm)
		*file = f
		return f, err
	}
}

// openRegular opens the store's file as os.OpenFile does, and refuses it
// unless it is a regular file: what is checked is what was opened.
func openRegular(name string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag|openFlags, perm)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = notAFile(name, fi)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// readOnlyError is a write refused because the store cannot be written,
// and why; it is model.ErrReadOnly.
type readOnlyError struct{ path, why string }

func (e *readOnlyError) Error() string {
	return fmt.Sprintf("store %s is read-only (%s): nothing was changed", e.path, e.why)
}

func (e *readOnlyError) Unwrap() error { return model.ErrReadOnly }

// fileExists reports whether there is a file at path.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// refuseWrite is the error for a write to the store at path that cannot
// be made: why the file cannot be written, else fallback.
func refuseWrite(path, fallback string) error {
	why := fallback
	if fi, err := os.Stat(path); err == nil {
		if w := unwritable(path, fi); w != "" {
			why = w
		}
	}
	return &readOnlyError{path, why}
}
