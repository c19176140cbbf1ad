package bolt

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"
)

// A damaged file can make bbolt fault while reading its memory map
// (SIGBUS past the end of a file cut short, SIGSEGV where a page points
// outside the map) or panic on a page that makes no sense, and a value
// that cannot be read back fails to decode. guarded turns all of them
// into one error that names the file and says what to do, instead of a
// crash or a bare decoding error. A panic that starts elsewhere (in an
// import's parser, or in the loop body of a caller of Events) is not the
// file's fault, and goes on.
func (s *Store) guarded(fn func() error) (err error) {
	return guardPath(s.path, fn)
}

func guardPath(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if !fromStoredBytes(r) {
				panic(r)
			}
			err = damaged(path, fmt.Sprint(r))
		}
	}()
	err = fn()
	if errors.Is(err, stored.ErrUnreadable) && !errors.Is(err, model.ErrDamaged) {
		err = damaged(path, err.Error())
	}
	return err
}

// fromStoredBytes reports whether the panic being recovered came from
// reading the file: raised by bbolt or this package, or by the standard
// library, the JSON decoder or the events' codec (package stored) on
// bytes one of them handed it (bytes.Compare in bbolt's search,
// binary.Uvarint in the codec, json.Unmarshal of a source). The stack is
// walked from the panic down, past those library frames, to the first
// frame of code that chose to run: bbolt's or this package's means the
// file; any other (a caller's loop body, an import's parser, a test)
// means the panic is that code's.
//
// A fault at an address (not nil) comes from reading memory that is not
// there; in chrono only a store's memory map is read that way, so it is
// the file's even when model's decoding of a date, which the JSON decoder
// calls on stored bytes, or journalform's hashing of a journal entry, is
// where it surfaced.
func fromStoredBytes(r any) bool {
	_, fault := r.(interface{ Addr() uintptr })
	pcs := make([]uintptr, 128)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	inPanic := false
	for {
		f, more := frames.Next()
		pkg := packageOf(f.Function)
		switch {
		case f.Function == "runtime.gopanic" || f.Function == "runtime.sigpanic" || strings.HasPrefix(f.Function, "runtime.panic"):
			inPanic = true
		case !inPanic || pkg == "runtime" || readsForStore(pkg) || (fault && (pkg == modelPackage || pkg == journalformPackage)):
		default:
			return pkg == "go.etcd.io/bbolt" || strings.HasPrefix(pkg, "go.etcd.io/bbolt/") ||
				(pkg == storePackage && !strings.HasSuffix(f.File, "_test.go"))
		}
		if !more {
			return false
		}
	}
}

// readsForStore reports whether a package is one that bbolt and this
// package pass stored bytes to without handing over control: the
// standard library, the JSON decoder and the events' codec (package
// stored). Other frames of this module and of a main package are never
// such.
func readsForStore(pkg string) bool {
	if strings.HasPrefix(pkg, "github.com/go-json-experiment/json") || pkg == storedPackage {
		return true
	}
	first, _, _ := strings.Cut(pkg, "/")
	return !strings.Contains(first, ".") && first != moduleRoot && pkg != "main"
}

// packageOf is the import path of the package of a function, as frames
// name it: "encoding/binary.Uvarint", "chrono/store/bolt.(*Store).view.func1".
// The type arguments of a generic function's name may hold paths of
// their own, and are cut off first.
func packageOf(function string) string {
	if i := strings.IndexByte(function, '['); i >= 0 {
		function = function[:i]
	}
	slash := strings.LastIndexByte(function, '/')
	dot := strings.IndexByte(function[slash+1:], '.')
	if dot < 0 {
		return function
	}
	return function[:slash+1+dot]
}

var (
	// storePackage is this package's import path, as frames name it.
	storePackage = reflect.TypeFor[Store]().PkgPath()
	// modelPackage is model's, whose date decoding the JSON decoder calls.
	modelPackage = reflect.TypeFor[model.Event]().PkgPath()
	// storedPackage is the events' codec's.
	storedPackage = reflect.TypeFor[stored.Unreadable]().PkgPath()
	// journalformPackage is the one that hashes and splits the journal's
	// stored entries, on the file's mapped bytes.
	journalformPackage = reflect.TypeFor[journalform.Parts]().PkgPath()
	// moduleRoot is the first element of this module's import paths.
	moduleRoot, _, _ = strings.Cut(storePackage, "/")
)

// damaged is the error of a damaged store file: what is damaged (why),
// and what to do.
func damaged(path, why string) error {
	return &damageError{path: path, why: why, advice: "restore it from a backup made before the damage (chrono check --store says how far it goes; chrono export -o FILE keeps what can be read)"}
}

// cutShort is the error of a store file shorter than its meta page says.
func cutShort(path string, size, need int64) error {
	return unopenable(path, fmt.Sprintf("cut short: %d bytes of the %d it holds", size, need),
		" (a copy taken while it was written, or a disk that filled, leaves one so; chrono backup copies a store whole while it is in use)")
}

// unopenable is the error of a store damaged where it is opened (cut
// short, its freelist unreadable): neither check nor export can open
// one, so the advice names neither. how says how such damage comes.
func unopenable(path, why, how string) error {
	return &damageError{path: path, why: why, advice: "restore it from a backup made before the damage: chrono opens no store damaged so" + how}
}

// damageError is a damaged store: what is damaged, and what to do.
type damageError struct{ path, why, advice string }

func (e *damageError) Error() string {
	return fmt.Sprintf("store %s is %v (%s): nothing was changed; %s", e.path, model.ErrDamaged, e.why, e.advice)
}

func (e *damageError) Unwrap() error { return model.ErrDamaged }

// damageOf is what err says is damaged, without the advice to run the
// check that says it: what the check reports of a fault.
func damageOf(err error) string {
	var d *damageError
	if errors.As(err, &d) {
		return "a page could not be read (" + d.why + ")"
	}
	// bbolt's page check reports a page it could not read as the panic
	// it recovered, "panic: assertion failed: …"; said so, it reads as
	// chrono crashing, not as the page it is.
	if why, ok := strings.CutPrefix(err.Error(), "panic: "); ok {
		return "a page could not be read (" + why + ")"
	}
	return err.Error()
}
