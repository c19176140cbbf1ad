package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBrowserStoppedBySignal ends the browser, in a real terminal, while
// a tag it shows is still waiting to be written (another process holds
// the store's lock): by SIGTERM, by SIGHUP, and by closing the terminal.
// The tag reaches the store, the terminal is left as it was found, and
// the exit status is 128 and the signal's number, as shells expect.
func TestBrowserStoppedBySignal(t *testing.T) {
	_, bin := tmuxChrono(t)
	for _, tc := range []struct {
		name   string
		hangup bool // the terminal closes, rather than a kill
		sig    syscall.Signal
	}{
		{"SIGTERM", false, syscall.SIGTERM},
		{"SIGHUP", false, syscall.SIGHUP},
		{"terminal closed", true, syscall.SIGHUP},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "case.db")
			cli := func(args ...string) string {
				t.Helper()
				out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput()
				if err != nil {
					t.Fatalf("chrono %q: %v\n%s", args, err, out)
				}
				return string(out)
			}
			cli("new", db, "--title", "Bags of cash")
			cli("add", "--title", "Lieu's referral", "--date", "2021")

			rc := filepath.Join(dir, "rc")
			tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
			t.Cleanup(func() { tm.run("kill-server") })
			// The shell outlives a hangup (its trap), to write chrono's
			// exit status, and then keeps the pane open.
			script := "trap : HUP; '" + bin + "' --db '" + db + "'; echo $? > '" + rc + "'; sleep 60"
			tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
				"-e", "TERM=xterm-256color", "sh", "-c", script)
			tm.waitFor("event 1 of 1")
			if got := tm.flags(); got != "1 1 0" {
				t.Fatalf("while browsing, the pane's alternate screen, mouse and cursor are %q, want 1 1 0", got)
			}

			// Another process holds the store: the tag waits to be written.
			f, err := os.OpenFile(db, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
				t.Fatal(err)
			}
			tm.keys("1")
			tm.waitFor("#key")
			if tc.hangup {
				tm.run("kill-session", "-t", "e2e")
			} else {
				if err := syscall.Kill(tm.chronoPID(), tc.sig); err != nil {
					t.Fatal(err)
				}
			}
			time.Sleep(300 * time.Millisecond)
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
				t.Fatal(err)
			}

			var status string
			deadline := time.Now().Add(15 * time.Second)
			for time.Now().Before(deadline) {
				if b, err := os.ReadFile(rc); err == nil && len(b) > 0 {
					status = strings.TrimSpace(string(b))
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			if want := strconv.Itoa(128 + int(tc.sig)); status != want {
				t.Errorf("exit status %q, want %s", status, want)
			}
			if got := cli("list", "--tag", "key"); !strings.Contains(got, "lieus-referral") {
				t.Errorf("the tag shown before the signal is not in the store: chrono list --tag key says %q", got)
			}
			if !tc.hangup {
				if got := tm.flags(); got != "0 0 1" {
					t.Errorf("after the signal, the pane's alternate screen, mouse and cursor are %q, want 0 0 1; the screen:\n%s", got, tm.screen())
				}
			}
		})
	}
}

// flags are the pane's alternate screen, mouse tracking and cursor flags.
func (tm *tmux) flags() string {
	out, _ := tm.run("display-message", "-p", "-t", "e2e", "#{alternate_on} #{mouse_any_flag} #{cursor_flag}")
	return strings.TrimSpace(out)
}

// chronoPID is the process the pane's shell runs.
func (tm *tmux) chronoPID() int {
	tm.t.Helper()
	out, err := tm.run("display-message", "-p", "-t", "e2e", "#{pane_pid}")
	if err != nil {
		tm.t.Fatalf("pane_pid: %v %s", err, out)
	}
	sh := strings.TrimSpace(out)
	b, err := os.ReadFile("/proc/" + sh + "/task/" + sh + "/children")
	if err != nil {
		tm.t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(b))[0])
	if err != nil {
		tm.t.Fatalf("the shell's children: %q", b)
	}
	return pid
}
