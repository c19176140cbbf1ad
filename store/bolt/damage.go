package bolt

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"

	"chrono/model"
)

// A damaged file can make bbolt fault while reading its memory map
// (SIGBUS past the end of a file cut short) or panic on a page that makes
// no sense. guarded turns both into an error that names the file and says
// what to do, instead of a crash. A panic that starts elsewhere (in an
// import's parser, or in the loop body of a caller of Events) is not the
// file's fault, and goes on.
func (s *Store) guarded(fn func() error) (err error) {
	return guardPath(s.path, fn)
}

func guardPath(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if !panickedInStore() {
				panic(r)
			}
			err = damaged(path, fmt.Sprint(r))
		}
	}()
	return fn()
}

// panickedInStore reports whether the panic being recovered began in
// bbolt or in this package (which reads values from the memory map).
func panickedInStore() bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic" || f.Function == "runtime.sigpanic" || strings.HasPrefix(f.Function, "runtime.panic"):
			inPanic = true
		case inPanic && !strings.HasPrefix(f.Function, "runtime."):
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt") ||
				(strings.HasPrefix(f.Function, storePackage+".") && !strings.HasSuffix(f.File, "_test.go"))
		}
		if !more {
			return false
		}
	}
}

// storePackage is this package's import path, as frames name it.
var storePackage = reflect.TypeFor[Store]().PkgPath()

func damaged(path, why string) error {
	return fmt.Errorf("store %s is %w (%s): nothing was changed; restore it from a backup (chrono backup -o FILE makes one)", path, model.ErrDamaged, why)
}
