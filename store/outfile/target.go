package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writesThrough reports whether path is written in place rather than
// replaced: a pipe, a terminal, a device, or a name for the process's own
// descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N) whatever they
// are open on. It refuses what cannot be written, naming what it is.
func writesThrough(path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil // a new file, or a link to one
	case err != nil:
		return false, noPlace("writing", path, path, err)
	}
	switch m := fi.Mode(); {
	case m.IsDir():
		return false, fmt.Errorf("%s is a directory: give a file name", path)
	case m&fs.ModeSocket != 0:
		return false, fmt.Errorf("%s is a socket: chrono writes to files, pipes and devices", path)
	case m&(fs.ModeNamedPipe|fs.ModeDevice|fs.ModeCharDevice) != 0:
		return true, nil
	case !m.IsRegular():
		return false, fmt.Errorf("%s is neither a file, a pipe nor a device (%s): give a file name", path, m.Type())
	}
	return descriptorName(path)
}

// descriptorName reports whether path, or a link on the way from it, is a
// name for an open descriptor: replacing what it points to would write
// beside the descriptor, not to it.
func descriptorName(path string) (bool, error) {
	through := false
	_, err := resolve(path, func(p string) {
		abs, err := filepath.Abs(p)
		if err == nil && (strings.HasPrefix(abs, "/proc/") || strings.HasPrefix(abs, "/dev/fd/") ||
			abs == "/dev/stdout" || abs == "/dev/stderr") {
			through = true
		}
	})
	return through, err
}

// Resolve returns the file path stands for, following symbolic links
// (which may point at a file not there yet), so that it is that file,
// not the link, that is replaced.
func Resolve(path string) (string, error) {
	return resolve(path, func(string) {})
}

// maxLinks is how many links Resolve follows before it takes path for a
// loop, as the kernel does.
const maxLinks = 40

func resolve(path string, visit func(string)) (string, error) {
	p := path
	for range maxLinks {
		visit(p)
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", noPlace("writing", path, p, err)
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		to, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(to) {
			// Relative to the link's directory as the kernel finds it, so
			// that a .. in the link climbs from there.
			dir := filepath.Dir(p)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			to = filepath.Join(dir, to)
		}
		p = to
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}
