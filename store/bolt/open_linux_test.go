package bolt

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// TestOpenRefusesWhatIsNotAFile: a named pipe, a device or a socket at
// the store's path (or a symbolic link to one) is refused at once, named
// for what it is, rather than read: a pipe would hang the open until
// something wrote to it, and /dev/zero would read as an empty file.
func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	fifo := func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "chrono.db")
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		return path
	}
	tests := []struct {
		name, want string
		make       func(t *testing.T) string
	}{
		{"named pipe", "named pipe", fifo},
		{"link to a named pipe", "named pipe", func(t *testing.T) string {
			link := filepath.Join(t.TempDir(), "link.db")
			if err := os.Symlink(fifo(t), link); err != nil {
				t.Fatal(err)
			}
			return link
		}},
		{"/dev/zero", "device", func(*testing.T) string { return "/dev/zero" }},
		{"/dev/urandom", "device", func(*testing.T) string { return "/dev/urandom" }},
		{"socket", "socket", func(t *testing.T) string {
			dir, err := os.MkdirTemp("", "sock") // short: a socket's path is limited
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.RemoveAll(dir) })
			path := filepath.Join(dir, "s")
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Skipf("no Unix sockets here: %v", err)
			}
			t.Cleanup(func() { l.Close() })
			return path
		}},
	}
	for _, tt := range tests {
		for mode, opts := range map[string]Options{"write": {}, "read-only": {ReadOnly: true}, "no-create": {NoCreate: true}} {
			t.Run(tt.name+"/"+mode, func(t *testing.T) {
				path := tt.make(t)
				if _, err := os.Stat(path); err != nil {
					t.Skipf("%s: %v", path, err)
				}
				done := make(chan error, 1)
				go func() {
					s, err := Open(path, opts)
					if err == nil {
						s.Close()
					}
					done <- err
				}()
				var err error
				select {
				case err = <-done:
				case <-time.After(5 * time.Second):
					t.Fatalf("Open(%s, %+v) still waiting after 5s", path, opts)
				}
				if err == nil {
					t.Fatalf("Open(%s, %+v) succeeded", path, opts)
				}
				if !errors.Is(err, model.ErrNotChrono) {
					t.Errorf("error %q is not model.ErrNotChrono", err)
				}
				if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) {
					t.Errorf("error %q does not say %s is a %s", msg, path, tt.want)
				}
			})
		}
	}
}

// TestOpenUnwritableStore: a store this process may not write opens for
// reading, and an open for writing (or a write through a read-only
// shared store) is refused as read-only, saying why, the file untouched.
func TestOpenUnwritableStore(t *testing.T) {
	path := storeFile(t)
	why := storetest.MakeUnwritable(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Timeout: time.Second})
	if err == nil {
		s.Close()
		t.Fatal("Open for writing succeeded")
	}
	if !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("error %q is not model.ErrReadOnly", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "store "+path+" is read-only") || !strings.Contains(msg, why) {
		t.Errorf("error %q does not say store %s is read-only (%s)", msg, path, why)
	}

	ro := openAt(t, path, Options{ReadOnly: true})
	if n, err := ro.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("read-only: Count = %d, %v; want 13", n, err)
	}
	ro.Close()

	sh := NewShared(path, Options{ReadOnly: true, Timeout: time.Second})
	defer sh.Close()
	if n, err := sh.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("shared read-only: Count = %d, %v; want 13", n, err)
	}
	_, err = storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil)
	if !errors.Is(err, model.ErrReadOnly) || !strings.Contains(err.Error(), why) {
		t.Errorf("a write through the shared store: %v; want model.ErrReadOnly saying %s", err, why)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the unwritable store changed")
	}
}

// TestOpenStoreOfNoWritableMode: a store whose mode lets no one write it
// (0444) is refused for writing by chrono itself, saying so and how to
// allow writing, even to root, whom the system lets write any mode; it
// still opens for reading, and the file is untouched.
func TestOpenStoreOfNoWritableMode(t *testing.T) {
	path := storeFile(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Timeout: time.Second})
	if err == nil {
		s.Close()
		t.Fatal("Open for writing a store of mode 0444 succeeded")
	}
	if !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("error %q is not model.ErrReadOnly", err)
	}
	for _, want := range []string{"store " + path + " is read-only", "file mode 0444", "chmod u+w it to allow writing"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	sh := NewShared(path, Options{Timeout: time.Second})
	defer sh.Close()
	if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("a write through a shared store: %v; want model.ErrReadOnly", err)
	}
	ro := openAt(t, path, Options{ReadOnly: true})
	if n, err := ro.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("read-only: Count = %d, %v; want 13", n, err)
	}
	ro.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the store of mode 0444 changed")
	}
}
