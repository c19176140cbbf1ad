package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestBrowserStartsWhileAnotherProcessReads: the browser opens on a
// store another process holds shared (as an import does while it reads
// its files), as list and show do, rather than fail after a second with
// the store in use: it only reads to start.
func TestBrowserStartsWhileAnotherProcessReads(t *testing.T) {
	dir, bin := tmuxChrono(t)
	db := filepath.Join(dir, "case.db")
	if out, err := exec.Command(bin, "--db", db, "add", "--title", "Lieu's referral", "--date", "2021").CombinedOutput(); err != nil {
		t.Fatalf("chrono add: %v\n%s", err, out)
	}
	f, err := os.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	t.Cleanup(func() { tm.run("kill-server") })
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40",
		"-e", "TERM=xterm-256color", "-e", "XDG_STATE_HOME="+dir, "-e", "XDG_CONFIG_HOME="+dir,
		"sh", "-c", "'"+bin+"' --db '"+db+"'; sleep 60")
	tm.waitFor("event 1 of 1")
}
