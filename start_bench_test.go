//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

// The start-up benchmarks run the built binary on a pseudo-terminal of
// 120×40 and time, from the moment the process is started, until the
// terminal has been sent the first screen, or the screen after G. They
// need a store of a million synthetic events, built once per run in a
// temporary directory (about half a minute); they are skipped under
// -short.

var (
	startOnce sync.Once
	startDir  string
	startBin  string
	startDB   string
	startErr  error
)

// TestMain removes the start-up benchmarks' store and the end-to-end
// tests' binary, which outlive any one test and so cannot live in a
// TempDir, and stops the PostgreSQL server if a test started one.
func TestMain(m *testing.M) {
	// The journal heads chrono notes for each store it opens
	// (seenheads.go) go to a directory of the tests', for every chrono
	// they run too, not the home of whoever runs them.
	state, err := os.MkdirTemp("", "chrono-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", state)
	code := m.Run()
	os.RemoveAll(state)
	if startDir != "" {
		os.RemoveAll(startDir)
	}
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	if pgServer.cluster != nil {
		pgServer.cluster.Stop()
	}
	os.Exit(code)
}

func startFixture(b *testing.B) (bin, db string) {
	if testing.Short() {
		b.Skip("builds a store of a million events: not under -short")
	}
	startOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chrono-start-")
		if err != nil {
			startErr = err
			return
		}
		startDir = dir
		startBin = filepath.Join(dir, "chrono")
		startDB = filepath.Join(dir, "chrono.db")
		if out, err := exec.Command("go", "build", "-o", startBin, ".").CombinedOutput(); err != nil {
			startErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		doc := filepath.Join(dir, "synth.json")
		f, err := os.Create(doc)
		if err != nil {
			startErr = err
			return
		}
		synth := exec.Command(startBin, "synth", "--events", "1000000")
		synth.Stdout = f
		err = synth.Run()
		f.Close()
		if err != nil {
			startErr = err
			return
		}
		if out, err := exec.Command(startBin, "--db", startDB, "import", doc).CombinedOutput(); err != nil {
			startErr = fmt.Errorf("import: %v\n%s", err, out)
		}
		os.Remove(doc)
	})
	if startErr != nil {
		b.Fatal(startErr)
	}
	return startBin, startDB
}

// BenchmarkFirstFrame times chrono from process start to its first
// screen on the million-event store.
func BenchmarkFirstFrame(b *testing.B) {
	bin, db := startFixture(b)
	for b.Loop() {
		runOnPTY(b, bin, db, "", "event 1 of 1,000,000")
	}
}

// BenchmarkLastEvent times chrono from process start until G, pressed as
// soon as the first screen is up, has painted the last event.
func BenchmarkLastEvent(b *testing.B) {
	bin, db := startFixture(b)
	for b.Loop() {
		runOnPTY(b, bin, db, "G", "event 1,000,000")
	}
}

// runOnPTY starts chrono on a new pseudo-terminal, types keys, waits for
// want on the screen, and quits it.
func runOnPTY(b *testing.B, bin, db, keys, want string) {
	ptm, pts, err := openPTY(120, 40)
	if err != nil {
		b.Fatal(err)
	}
	defer ptm.Close()
	cmd := exec.Command(bin, "--db", db)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	pts.Close()
	// Should a read block past its deadline, killing chrono ends it.
	watchdog := time.AfterFunc(20*time.Second, func() { cmd.Process.Kill() })
	defer watchdog.Stop()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	ptm.SetReadDeadline(time.Now().Add(10 * time.Second))
	waitFor := func(want string) {
		// The screen after a key is sent as changes to the one before,
		// so the text is looked for with the escape sequences taken out.
		for !strings.Contains(ansi.Strip(seen.String()), want) {
			n, err := ptm.Read(buf)
			if err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				b.Fatalf("waiting for %q: %v; the terminal got:\n%q", want, err, seen.String())
			}
			seen.Write(buf[:n])
		}
	}
	if keys != "" {
		// Keys typed before chrono has the terminal may be dropped when
		// it takes it, so they go once the first screen is up.
		waitFor(" of 1,000,000")
		ptm.WriteString(keys)
	}
	waitFor(want)
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "ms")
	b.StopTimer()
	ptm.SetReadDeadline(time.Now().Add(10 * time.Second))
	ptm.WriteString("q")
	var after bytes.Buffer // what chrono writes after q, kept for a hang
	done := make(chan struct{})
	go func() { // drain, so that chrono can finish writing
		defer close(done)
		for {
			n, err := ptm.Read(buf)
			after.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Signal(syscall.SIGQUIT) // its goroutines, for the report
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		<-done
		b.Fatalf("chrono did not quit on q; after q the terminal got:\n%s", after.Bytes())
	}
	ptm.Close()
	<-done
	b.StartTimer()
}

// openPTY opens a pseudo-terminal of the given size.
func openPTY(cols, rows int) (ptm, pts *os.File, err error) {
	ptm, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(ptm.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		ptm.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		ptm.Close()
		return nil, nil, err
	}
	pts, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptm.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: uint16(rows), Col: uint16(cols)}); err != nil {
		ptm.Close()
		pts.Close()
		return nil, nil, err
	}
	return ptm, pts, nil
}
