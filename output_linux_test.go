package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chrono/model/modeltest"
)

// TestExportToAPipe: -o a named pipe writes into it, and leaves it a pipe.
func TestExportToAPipe(t *testing.T) {
	db := exampleDB(t)
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo) // waits for the writer
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	r := chrono(t, db, "", "export", "-o", fifo)
	// Unblock the reader should nothing have opened the pipe; if it was
	// replaced, the reader waits for ever on the pipe that was.
	if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
	var b []byte
	select {
	case b = <-got:
	case <-time.After(5 * time.Second):
	}
	if r.code != 0 || !strings.Contains(string(b), `"events"`) {
		t.Errorf("export -o a pipe: exit %d %q; the pipe read %d bytes", r.code, r.stderr, len(b))
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe became %v (%v)", fi.Mode(), err)
	}
	assertOnly(t, filepath.Dir(fifo), "pipe")
}

// TestExportToDevices: -o /dev/null and -o /dev/stdout write to the
// device, and never replace it (which root could).
func TestExportToDevices(t *testing.T) {
	db := exampleDB(t)
	before, err := os.Lstat("/dev/null")
	if err != nil || before.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/null device here")
	}
	if r := chrono(t, db, "", "export", "-o", "/dev/null"); r.code != 0 {
		t.Errorf("export -o /dev/null: %+v", r)
	}
	if after, err := os.Lstat("/dev/null"); err != nil || !os.SameFile(before, after) || after.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null was replaced: %v %v", after.Mode(), err)
	}

	// /dev/stdout is the process's own standard output: a pipe here, and
	// a file redirected to with >.
	bin := buildChrono(t)
	cmd := exec.Command(bin, "--db", db, "export", "-o", "/dev/stdout")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || !strings.Contains(stdout.String(), `"events"`) {
		t.Errorf("export -o /dev/stdout to a pipe: %v %q; stdout %d bytes", err, stderr.String(), stdout.Len())
	}
	redirected := filepath.Join(t.TempDir(), "redirected.json")
	f, err := os.Create(redirected)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("previous content, longer than nothing")
	f.Seek(0, io.SeekStart)
	cmd = exec.Command(bin, "--db", db, "export", "-o", "/dev/stdout")
	cmd.Stdout, cmd.Stderr = f, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("export -o /dev/stdout to a file: %v %q", err, stderr.String())
	}
	held, _ := f.Stat()
	now, err := os.Stat(redirected)
	if err != nil || !os.SameFile(held, now) {
		t.Errorf("the file stdout was redirected to was replaced rather than written")
	}
	if b, _ := os.ReadFile(redirected); !strings.HasPrefix(string(b), "{") || !strings.Contains(string(b), `"events"`) {
		t.Errorf("the file stdout was redirected to holds %.40q...", b)
	}
}

// TestNewExportsFollowTheUmask: a new file gets 0666 less the umask, as
// any tool's; a backup, the store's mode less the umask.
func TestNewExportsFollowTheUmask(t *testing.T) {
	db := exampleDB(t)
	defer syscall.Umask(syscall.Umask(0o027))
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	if r := chrono(t, db, "", "export", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("a new export under umask 027 has mode %v (%v), want -rw-r-----", fi.Mode(), err)
	}
	os.Chmod(db, 0o660)
	backup := filepath.Join(dir, "copy.db")
	if r := chrono(t, db, "", "backup", "-o", backup); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("a backup of a 0660 store under umask 027 has mode %v (%v), want -rw-r-----", fi.Mode(), err)
	}
}

// TestKilledOutputsLeaveNothing: backup -o and export -o stopped by
// SIGTERM, SIGINT or SIGHUP while writing remove their temporary file and
// exit with 128 and the signal.
func TestKilledOutputsLeaveNothing(t *testing.T) {
	bin := buildChrono(t)
	db, doc := synthDB(t, bin, 40000)
	// An import killed while building the new store leaves the store as
	// it was, and nothing beside it.
	other := filepath.Join(t.TempDir(), "other.db")
	if out, err := exec.Command(bin, "--db", other, "import", "timeline.example.json").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	imp := exec.Command(bin, "--db", other, "import", doc)
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	if waitForTemp(filepath.Dir(other)) {
		imp.Process.Signal(syscall.SIGTERM)
		imp.Wait()
		if code := imp.ProcessState.ExitCode(); code == 128+int(syscall.SIGTERM) {
			assertOnly(t, filepath.Dir(other), "other.db")
		} else {
			t.Logf("the import ended %d before its signal", code)
		}
	} else {
		imp.Process.Kill()
		imp.Wait()
		t.Error("the import made no working directory")
	}
	// An import into a store that is not there yet, stopped: no store,
	// and nothing where it would have been.
	stopIntoNew(t, bin, "the import", doc, syscall.SIGINT)
	// A backup restored into a store that is not there yet, stopped: the
	// same (it left an empty store there).
	stopIntoNew(t, bin, "the restore", db, syscall.SIGTERM)
	os.Remove(doc)
	cases := []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"export", "-o"}, syscall.SIGTERM},
		{[]string{"export", "--format", "csv", "-o"}, syscall.SIGINT},
		{[]string{"backup", "-o"}, syscall.SIGTERM},
		{[]string{"backup", "-o"}, syscall.SIGHUP},
	}
	stopped := 0
	for _, c := range cases {
		out := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command(bin, append(append([]string{"--db", db}, c.args...), out)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if !waitForTemp(filepath.Dir(out)) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Errorf("%v: no temporary file seen before the command ended", c.args)
			continue
		}
		cmd.Process.Signal(c.sig)
		err := cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		if _, statErr := os.Stat(out); statErr == nil {
			t.Logf("%v: done before the signal came", c.args)
			continue // nothing to clear
		}
		stopped++
		if code != 128+int(c.sig) {
			t.Errorf("%v %v: exit %d (%v), want %d", c.args, c.sig, code, err, 128+int(c.sig))
		}
		assertOnly(t, filepath.Dir(out))
	}
	if stopped == 0 {
		t.Error("every command was done before its signal: nothing was tested")
	}
}

// stopIntoNew imports from into a store not there yet, stops it with sig
// once it builds the store under its temporary name, and checks that
// nothing is left where the store would have been.
func stopIntoNew(t *testing.T, bin, what, from string, sig syscall.Signal) {
	t.Helper()
	dir := t.TempDir()
	imp := exec.Command(bin, "--db", filepath.Join(dir, "new.db"), "import", from)
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitForTemp(dir) {
		imp.Process.Kill()
		imp.Wait()
		t.Errorf("%s into a new store made no temporary store", what)
		return
	}
	imp.Process.Signal(sig)
	imp.Wait()
	if code := imp.ProcessState.ExitCode(); code == 128+int(sig) {
		assertOnly(t, dir)
	} else {
		t.Logf("%s into a new store ended %d before its signal", what, code)
	}
}

// waitForTemp waits until a hidden file appears in dir.
func waitForTemp(dir string) bool {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				return true
			}
		}
	}
	return false
}

// TestExportToATerminalByName: -o naming a terminal (/dev/stdout on a
// screen, /dev/tty, /dev/pts/N) is written as a terminal is: the
// investigation's control characters escaped, or CSV refused.
func TestExportToATerminalByName(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", hostileFixture); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	for _, format := range []string{"json", "csv"} {
		ptm, pts, err := openPTY(120, 40)
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := io.ReadAll(ptm)
			got <- b
		}()
		r := chrono(t, db, "", "export", "--format", format, "-o", pts.Name())
		pts.Close()
		out := <-got
		ptm.Close()
		shown := strings.ReplaceAll(string(out), "\r\n", "\n")
		if format == "csv" {
			if r.code != 2 || len(out) > 0 {
				t.Errorf("csv -o a terminal: exit %d %q, %d bytes shown; want a refusal", r.code, r.stderr, len(out))
			}
			continue
		}
		if r.code != 0 || !strings.Contains(shown, "Second") {
			t.Errorf("json -o a terminal: exit %d %q; shown %d bytes", r.code, r.stderr, len(out))
		}
		if bad := modeltest.TerminalControl(shown, true); bad >= 0 {
			t.Errorf("the terminal got %q at byte %d", shown[bad:min(bad+8, len(shown))], bad)
		}
	}
}
