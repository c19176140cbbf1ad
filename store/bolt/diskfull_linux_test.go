package bolt

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
	"chrono/store/storetest"

	"golang.org/x/sys/unix"
)

// The disk-full test runs writes in a child process whose files may not
// grow past a limit (RLIMIT_FSIZE), which fails writes the way a full disk
// does: TestFullDiskHelper, run again from the test binary with these
// variables set, does one write and prints its error.
const (
	fullStoreEnv = "CHRONO_STORE_TEST_FULL_STORE"
	fullDocEnv   = "CHRONO_STORE_TEST_FULL_DOC"
	fullOpEnv    = "CHRONO_STORE_TEST_FULL_OP"
)

// TestFullDiskHelper is the other process of TestFullDisk, not a test of
// its own.
func TestFullDiskHelper(t *testing.T) {
	path := childStore(t, fullStoreEnv, "TestFullDisk")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Past the limit a write fails with EFBIG, as long as SIGXFSZ (which
	// would kill the process) is ignored.
	signal.Ignore(syscall.SIGXFSZ)
	limit := uint64(fi.Size() + 64<<10)
	if err := unix.Setrlimit(unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	switch os.Getenv(fullOpEnv) {
	case "import", "bulk":
		_, err = s.Import([]model.Input{fileInput(t, os.Getenv(fullDocEnv))}, model.ImportOptions{Bulk: os.Getenv(fullOpEnv) == "bulk"})
	case "note":
		_, err = storetest.AddNote(s, "fbi-tip", strings.Repeat("a long note ", 80_000), time.Now())
	}
	fmt.Printf("error: %v\n", err)
}

// TestFullDisk: an import or a note that cannot be written for want of
// space fails with an error that says so and what to do, and leaves the
// store as it was, openable and whole.
func TestFullDisk(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "synth.json")
	var buf bytes.Buffer
	if err := native.Write(&buf, synth.Header(5000), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, 5000)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, op := range []string{"import", "bulk", "note"} {
		t.Run(op, func(t *testing.T) {
			path := storeFile(t)
			before := storedDetail(t, path, "fbi-tip")
			cmd := childProcess("TestFullDiskHelper", fullStoreEnv+"="+path, fullDocEnv+"="+doc, fullOpEnv+"="+op)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("helper: %v\n%s", err, out)
			}
			msg := string(out)
			// The limit is on file size, which no disk space freed lifts.
			for _, want := range []string{"cannot write store " + path, "nothing was saved", "ulimit -f"} {
				if !strings.Contains(msg, want) {
					t.Errorf("the error does not say %q:\n%s", want, msg)
				}
			}
			check(t, path, 13)
			if after := storedDetail(t, path, "fbi-tip"); len(after.Event.Notes) != len(before.Event.Notes) {
				t.Errorf("the event has %d notes after the failed write, want %d", len(after.Event.Notes), len(before.Event.Notes))
			}
			if left := leftBeside(path); len(left) > 0 {
				t.Errorf("left beside the store: %q", left)
			}
		})
	}
}

// storedDetail reads one event's detail from the store at path.
func storedDetail(t *testing.T, path, id string) model.Detail {
	t.Helper()
	s := openAt(t, path, Options{ReadOnly: true})
	defer s.Close()
	d, err := s.Detail(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
