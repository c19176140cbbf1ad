package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// noPlace is the error for a file path cannot be made at, the system
// having said err: when that is because a directory on the way is
// missing or is a file, it names that directory and what to do, which
// "no such file or directory" about the file itself did not; otherwise
// err as it was, after what.
func noPlace(what, path, target string, err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		dir := parentDir(target)
		// The nearest of the file's directories that is there.
		d := dir
		for {
			fi, serr := os.Stat(d)
			if serr == nil {
				if !fi.IsDir() {
					return fmt.Errorf("%s %s: %s is not a directory: give a path in a directory", what, path, d)
				}
				break
			}
			up := filepath.Dir(d)
			if up == d {
				break
			}
			d = up
		}
		if d != dir {
			return fmt.Errorf("%s %s: the directory %s does not exist: create it, or write elsewhere", what, path, dir)
		}
	}
	return fmt.Errorf("%s %s: %w", what, path, unwrapPath(err))
}
