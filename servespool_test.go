package main

import (
	"bufio"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestAStalledExportHoldsNoLock: a client that runs export over SSH and
// stops reading its output holds the store no longer than the export
// takes on the server: a tag made meanwhile by a local chrono lands (it
// waited for the client, and failed, when the export wrote to the
// session as it read the store).
func TestAStalledExportHoldsNoLock(t *testing.T) {
	bin := buildChrono(t)
	dir := t.TempDir()
	db := bigDB(t, bin, dir, 20_000) // some 20 MB of JSON: more than SSH's window and the pipes hold
	users, keys := loadKeys(t, dir, 1, 0)
	srv := startServe(t, bin, dir, users, db)

	out, err := exec.Command(bin, "--db", db, "list", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var first struct{ ID string }
	line, _, _ := strings.Cut(string(out), "\n")
	if err := json.Unmarshal([]byte(line), &first); err != nil || first.ID == "" {
		t.Fatalf("the first event listed: %q (%v)", line, err)
	}

	_, sess := srv.session(t, keys[0])
	defer sess.Close()
	stdout, err := sess.StdoutPipe() // read a little, then never again
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Start("export --format json"); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(stdout).Peek(1); err != nil {
		t.Fatalf("the export sent nothing: %v", err)
	}
	// The export has begun; the client reads no more.
	tag := exec.Command(bin, "--db", db, "tag", first.ID, "while-stalled")
	tag.Env = append(tag.Environ(), "HOME="+dir, "XDG_DATA_HOME="+dir)
	done := make(chan []byte, 1)
	go func() { b, _ := tag.CombinedOutput(); done <- b }()
	select {
	case b := <-done:
		if !tag.ProcessState.Success() {
			t.Fatalf("a tag while an SSH client stalls on an export: %s", b)
		}
	case <-time.After(time.Minute):
		tag.Process.Kill()
		t.Fatal("a tag while an SSH client stalls on an export waited a minute")
	}
}
