package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// Kinds of temporary files, each cleared by what makes it.
const (
	kindOut = "out"    // a file Create or CreateNew writes
	Import  = "import" // the working directory of a large import
	// Evidence is the directory an evidence export is written in
	// before it is renamed into place.
	Evidence = "evidence"
	// Store is a store an import into a new path builds whole before it
	// gives it the path.
	Store = "store"
)

// tempPrefix is how the temporary names of kind for target begin: the
// target's own name, hidden, then a marker and the process id, so that a
// leftover tells which process made it.
func tempPrefix(target, kind string) string {
	return "." + filepath.Base(target) + ".chrono-" + kind + "-"
}

func tempName(target, kind string) string {
	return filepath.Join(parentDir(target),
		tempPrefix(target, kind)+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
}

// parentDir is the directory target is in. A directory named with a
// trailing slash ("evidence/", as a shell completes it) is in its parent,
// where filepath.Dir alone would put what is beside it inside it.
func parentDir(target string) string {
	return filepath.Dir(filepath.Clean(target))
}

// leftoverPID returns the process id in name if name is a temporary
// name of kind for target, or false: after the exact prefix come digits,
// a dash and digits, nothing else, so that the names of another file
// (a.db.x beside a.db) never match. With anyTarget, name may be of kind
// for any file in target's directory.
func leftoverPID(name, target, kind string, anyTarget bool) (int, bool) {
	var rest string
	if anyTarget {
		marker := ".chrono-" + kind + "-"
		i := strings.LastIndex(name, marker)
		if i < 2 || name[0] != '.' {
			return 0, false
		}
		rest = name[i+len(marker):]
	} else {
		var ok bool
		if rest, ok = strings.CutPrefix(name, tempPrefix(target, kind)); !ok {
			return 0, false
		}
	}
	pid, random, ok := strings.Cut(rest, "-")
	if !ok || !digits(random) || !digits(pid) {
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	return n, err == nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// createTemp creates a new temporary file of kind beside target, with
// perm less the umask.
func createTemp(target, kind string, perm fs.FileMode) (*os.File, error) {
	RemoveStale(target, kind)
	for range 1000 {
		name := tempName(target, kind)
		track(name)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, nil
		}
		forget(name)
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, errors.New("no free temporary name beside " + target)
}

// TempDir makes a working directory of kind beside target (on the same
// disk, so that what is built there can be renamed over it), after
// removing what dead processes left of that kind. Remove it with
// RemoveTemp.
func TempDir(target, kind string) (string, error) {
	RemoveStale(target, kind)
	for range 1000 {
		name := tempName(target, kind)
		track(name)
		err := os.Mkdir(name, 0o700)
		if err == nil {
			return name, nil
		}
		forget(name)
		switch {
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
			return "", noPlace("writing", target, target, err)
		case !errors.Is(err, fs.ErrExist):
			// Its hidden name is nothing to the user; beside what, is.
			return "", fmt.Errorf("making a working directory beside %s: %w", target, unwrapPath(err))
		}
	}
	return "", errors.New("no free temporary name beside " + target)
}

// TempPath returns a free temporary name of kind beside target, for a
// caller that makes the file there itself (a store, which refuses an
// empty file), after removing what dead processes left of that kind. The
// name is tracked as TempDir's are: RemovePending removes it on a signal,
// and RemoveStale once this process is gone. Remove it with RemoveTemp.
func TempPath(target, kind string) (string, error) {
	RemoveStale(target, kind)
	for range 1000 {
		name := tempName(target, kind)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			track(name)
			return name, nil
		}
	}
	return "", errors.New("no free temporary name beside " + target)
}

// RemoveTemp removes a temporary directory or file of this process.
func RemoveTemp(name string) {
	os.RemoveAll(name)
	forget(name)
}

// RemoveStale removes the temporary files and directories of kind beside
// target that processes no longer running left: killed before they could
// remove them. Those of a process still running are its own business.
// Files written with Create and CreateNew are cleared for every name in
// the directory (a backup is written under a new name each time), an
// import's directories for target alone.
func RemoveStale(target, kind string) {
	dir := parentDir(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	self := os.Getpid()
	for _, e := range entries {
		pid, ok := leftoverPID(e.Name(), target, kind, kind == kindOut)
		if ok && pid != self && !alive(pid) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
			if kind == Store {
				// A large import into the store it built worked in a
				// directory named after it, beside it.
				RemoveStale(filepath.Join(dir, e.Name()), Import)
			}
		}
	}
}

// pending holds the temporary names this process has under way, for
// RemovePending.
var pending = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

func track(name string) {
	pending.Lock()
	pending.names[name] = true
	pending.Unlock()
}

func forget(name string) {
	pending.Lock()
	delete(pending.names, name)
	pending.Unlock()
}

// RemovePending removes every temporary file and directory this process
// has under way. It is for a process about to end on a signal; any work
// still writing them fails.
func RemovePending() {
	pending.Lock()
	defer pending.Unlock()
	for name := range pending.names {
		os.RemoveAll(name)
		delete(pending.names, name)
	}
}
