// Package outfile writes the files chrono promises to write whole: an
// export, a backup, a store rebuilt by a large import.
//
// A regular file, or one that does not exist yet, is written beside its
// target under a temporary name, synced, given the mode and owner of the
// file it replaces, and renamed over it, with the directory synced after:
// the file appears only once complete, even after a power loss. A symbolic
// link is followed and the file it points to replaced, so the link stays.
// Anything else a name can stand for that takes writes (a pipe, a
// terminal, a device such as /dev/null, /dev/stdout) is written through,
// as every Unix tool does; directories and sockets are refused.
//
// Temporary names begin with the target's own name, so that leftovers of
// a process killed before it could remove them are found by exact prefix
// and removed once the process that made them is gone.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// File is a file being written: Write to it, then Commit, or Abort to
// leave the target as it was.
type File struct {
	path   string   // as asked for, for errors
	target string   // what path stands for, links followed
	f      *os.File // the temporary file, or the target when written through
	tmp    string   // "" when written through
	keep   fs.FileInfo
	link   bool // a new file that must not replace one (CreateNew)
	done   bool
}

// Create starts writing path, replacing what is there. A new file gets
// perm less the umask; a regular file that is replaced keeps its mode and,
// where the process may, its owner and group.
func Create(path string, perm fs.FileMode) (*File, error) {
	through, err := writesThrough(path)
	if err != nil {
		return nil, err
	}
	if through {
		// No O_TRUNC for a pipe or a device, where it means nothing; a
		// regular file reached through /dev/stdout is truncated, as a
		// shell's > does.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return nil, fmt.Errorf("opening %s: %w", path, unwrapPath(err))
		}
		return &File{path: path, target: path, f: f}, nil
	}
	target, err := Resolve(path)
	if err != nil {
		return nil, err
	}
	of := &File{path: path, target: target}
	fi, err := os.Lstat(target)
	switch {
	case err == nil:
		of.keep = fi
		perm = 0o600 // until Commit gives it the mode it replaces
	case !errors.Is(err, fs.ErrNotExist):
		return nil, noPlace("writing", path, target, err)
	}
	return of, of.start(perm)
}

// ErrExists means a file is already where CreateNoReplace was to write.
var ErrExists = errors.New("already exists")

// CreateNoReplace is Create for a caller that must not replace a file:
// a regular file already at path (or where its links lead) is refused
// with ErrExists, and Commit fails rather than replace one that appeared
// meanwhile. A pipe, a terminal or a device is written through, as by
// Create: writing to it replaces nothing.
func CreateNoReplace(path string, perm fs.FileMode) (*File, error) {
	of, err := Create(path, perm)
	if err != nil || of.tmp == "" {
		return of, err
	}
	if of.keep != nil {
		of.Abort()
		return nil, fmt.Errorf("%s %w", path, ErrExists)
	}
	of.link = true
	return of, nil
}

// CreateNew starts writing path, which must not exist: Commit fails
// rather than replace a file that appeared meanwhile. The new file gets
// perm less the umask.
func CreateNew(path string, perm fs.FileMode) (*File, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, fmt.Errorf("%s already exists: give a new file name", path)
	}
	of := &File{path: path, target: path, link: true}
	return of, of.start(perm)
}

func (of *File) start(perm fs.FileMode) error {
	f, err := createTemp(of.target, kindOut, perm)
	if err != nil {
		return noPlace("writing", of.path, of.target, err)
	}
	of.f, of.tmp = f, f.Name()
	return nil
}

// Write implements io.Writer. Errors name the path asked for, not the
// temporary file.
func (of *File) Write(p []byte) (int, error) {
	n, err := of.f.Write(p)
	if err != nil {
		err = fmt.Errorf("writing %s: %w", of.path, unwrapPath(err))
	}
	return n, err
}

// TempName is the name the file is written under until Commit, to read it
// back before it takes its name; the path itself when written through.
func (of *File) TempName() string {
	if of.tmp == "" {
		return of.path
	}
	return of.tmp
}

// Through returns the open file when path is written through (a pipe, a
// terminal, a device), so that the caller may ask what it is; nil when it
// is written beside and renamed.
func (of *File) Through() *os.File {
	if of.tmp != "" {
		return nil
	}
	return of.f
}

// Sync flushes what was written to the disk (Commit does it too).
func (of *File) Sync() error {
	if of.tmp == "" {
		return nil // a pipe or a device: nothing to sync, or not ours to
	}
	if err := syncFile(of.f); err != nil {
		return fmt.Errorf("writing %s: %w", of.path, unwrapPath(err))
	}
	return nil
}

// Commit makes the file what path names: synced, and renamed into place.
func (of *File) Commit() error {
	if of.done {
		return fmt.Errorf("writing %s: already committed or abandoned", of.path)
	}
	of.done = true
	if of.tmp == "" {
		if err := of.f.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", of.path, unwrapPath(err))
		}
		return nil
	}
	defer forget(of.tmp)
	err := of.Sync()
	if cerr := of.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing %s: %w", of.path, unwrapPath(cerr))
	}
	if err != nil {
		os.Remove(of.tmp)
		return err
	}
	if of.link {
		err = placeNew(of.tmp, of.target)
	} else {
		err = place(of.tmp, of.target, of.keep)
	}
	if err != nil {
		os.Remove(of.tmp)
		return fmt.Errorf("writing %s: %w", of.path, err)
	}
	return nil
}

// Abort abandons the file: a temporary file is removed, and the target is
// as it was. After Commit it does nothing, so it may be deferred.
func (of *File) Abort() {
	if of.done {
		return
	}
	of.done = true
	of.f.Close()
	if of.tmp != "" {
		os.Remove(of.tmp)
		forget(of.tmp)
	}
}

// unwrapPath drops the *PathError's own path (a temporary name the user
// never gave) and keeps what went wrong.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}
