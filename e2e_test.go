package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBrowserInTmux runs the built binary in a real terminal (tmux), tags
// an event with the keyboard, and checks from the command line, while the
// browser is still open, that the tag reached the store; a tag written
// from the command line meanwhile survives an undo in the browser.
func TestBrowserInTmux(t *testing.T) {
	dir, bin := tmuxChrono(t)
	// The default store: the first run creates it with the example.
	data := filepath.Join(dir, "data")
	db := filepath.Join(data, "chrono", "chrono.db")
	tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	t.Cleanup(func() { tm.run("kill-server") })

	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
		"-e", "CHRONO_DB=", "-e", "TERM=xterm-256color", "-e", "XDG_DATA_HOME="+data, bin)
	tm.waitFor("event 1 of 13")
	// The FBI tip, found as a user finds it, wherever the order puts it.
	tm.keys("/")
	tm.keys("FBI tip line")
	tm.keys("Enter")
	tm.waitFor("Miller reports the call to an FBI tip line")
	tm.keys("t")
	tm.waitFor("tag this event:")
	tm.keys("e2e-check", "Enter")
	tm.waitFor("tagged #e2e-check on 1 event")

	// With the browser open, the store is free for other commands: the
	// tag is already on disk, and a tag written from here...
	listTag := func(tag string) string {
		out, err := exec.Command(bin, "--db", db, "list", "--tag", tag).Output() // a tag no event has is said on stderr
		if err != nil {
			t.Fatalf("chrono list --tag %s while the browser is open: %v\n%s", tag, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if got := listTag("e2e-check"); len(strings.Split(got, "\n")) != 1 || !strings.Contains(got, "fbi-tip") {
		t.Errorf("chrono list --tag e2e-check:\n%s\nwant the fbi-tip event alone", got)
	}
	if out, err := exec.Command(bin, "--db", db, "tag", "fbi-tip", "from-cli").CombinedOutput(); err != nil {
		t.Fatalf("chrono tag while the browser is open: %v\n%s", err, out)
	}
	// ...outlives an undo in the browser, which takes back only its own.
	tm.keys("u")
	tm.waitFor("undid: tagged #e2e-check")
	tm.keys("q")
	tm.waitForExit()

	if got := listTag("e2e-check"); got != "" {
		t.Errorf("after the undo, chrono list --tag e2e-check:\n%s\nwant nothing", got)
	}
	if got := listTag("from-cli"); !strings.Contains(got, "fbi-tip") {
		t.Errorf("the tag written from the command line was lost by the undo: %q", got)
	}
}

// tmux drives one tmux server of the test's own.
type tmux struct {
	t      *testing.T
	socket string
}

func (tm *tmux) run(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	if out, err := tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...); err != nil {
		tm.t.Fatalf("send-keys %q: %v\n%s", keys, err, out)
	}
}

func (tm *tmux) screen() string {
	out, _ := tm.run("capture-pane", "-p", "-t", "e2e")
	return out
}

// waitFor waits until the screen shows text.
func (tm *tmux) waitFor(text string) {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.screen(), text) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", text, tm.screen())
}

// waitForExit waits until the program has quit and its session is gone.
func (tm *tmux) waitForExit() {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := tm.run("has-session", "-t", "e2e"); err != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("chrono did not quit; the screen shows:\n%s", tm.screen())
}
