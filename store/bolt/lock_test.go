package bolt

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// The lock tests need a second process: TestLockHelper, run again from the
// test binary with these variables set, opens the store and holds it.
const (
	holdEnv         = "CHRONO_STORE_TEST_HOLD"          // the store to hold
	holdReadOnlyEnv = "CHRONO_STORE_TEST_HOLD_READONLY" // set: hold it read-only
)

// TestLockHelper is the other process of the lock tests, not a test of its
// own: it opens the store named by CHRONO_STORE_TEST_HOLD, prints "locked"
// and holds it until its stdin closes or it is killed.
func TestLockHelper(t *testing.T) {
	path := childStore(t, holdEnv, "the lock tests")
	s, err := Open(path, Options{ReadOnly: os.Getenv(holdReadOnlyEnv) != ""})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
}

func TestOpenGivesUpWhenAnotherProcessHoldsTheStore(t *testing.T) {
	path := storeFile(t)
	release := holdStore(t, path, false)

	for _, readOnly := range []bool{false, true} {
		start := time.Now()
		s, err := Open(path, Options{ReadOnly: readOnly, Timeout: 200 * time.Millisecond})
		elapsed := time.Since(start)
		if err == nil {
			s.Close()
			t.Fatalf("Open(ReadOnly: %v) succeeded while another process holds the store", readOnly)
		}
		if !errors.Is(err, model.ErrInUse) {
			t.Errorf("Open(ReadOnly: %v): error %q is not model.ErrInUse", readOnly, err)
		}
		for _, want := range []string{"is in use by another chrono process", path} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("Open(ReadOnly: %v): error %q does not say %q", readOnly, err, want)
			}
		}
		if elapsed > 5*time.Second {
			t.Errorf("Open(ReadOnly: %v) took %v to give up with a timeout of 200ms", readOnly, elapsed)
		}
	}

	// Once the other process is gone, the store opens.
	release()
	s := openAt(t, path, Options{Timeout: 5 * time.Second})
	if n, err := s.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("after the holder quit: Count = %d, %v; want 13", n, err)
	}
}

func TestReadersShareTheStore(t *testing.T) {
	path := storeFile(t)
	holdStore(t, path, true)

	s := openAt(t, path, Options{ReadOnly: true, Timeout: 5 * time.Second})
	if n, err := s.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("Count = %d, %v; want 13", n, err)
	}
	w, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if err == nil {
		w.Close()
		t.Fatal("a writer opened the store while another process reads it")
	}
	if !errors.Is(err, model.ErrInUse) {
		t.Errorf("error %q is not model.ErrInUse", err)
	}
}

// holdStore starts a process holding the store at path and returns once it
// has it. The returned release ends the process; the test's cleanup kills
// it in any case.
func holdStore(t *testing.T, path string, readOnly bool) (release func()) {
	t.Helper()
	cmd := childProcess("TestLockHelper", holdEnv+"="+path)
	if readOnly {
		cmd.Env = append(cmd.Env, holdReadOnlyEnv+"=1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	}
	t.Cleanup(release)

	locked := make(chan error, 1)
	go func() {
		var out strings.Builder
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "locked" {
				locked <- nil
				return
			}
			out.WriteString(sc.Text() + "\n")
		}
		locked <- fmt.Errorf("the helper process ended without taking the store:\n%s", out.String())
	}()
	select {
	case err := <-locked:
		if err != nil {
			release()
			t.Fatalf("%v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the helper process did not take the store within 30s")
	}
	return release
}
