package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditorGetsTheTerminal: ctrl+e opens the event in $EDITOR on the
// terminal itself, not on a pipe (an editor such as vim refuses to work
// from one), and the browser comes back as soon as the editor ends, with
// the edit saved and the next key its own.
func TestEditorGetsTheTerminal(t *testing.T) {
	dir, bin := tmuxChrono(t)
	db := filepath.Join(dir, "case.db")
	for _, args := range [][]string{
		{"new", db, "--title", "Editing"},
		{"add", "--title", "Old title", "--date", "2017"},
		{"add", "--title", "Second", "--date", "2018"},
	} {
		if out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("chrono %q: %v\n%s", args, err, out)
		}
	}
	// An editor that works only on a terminal, as vim does.
	editor := filepath.Join(dir, "editor")
	script := "#!/bin/sh\n[ -t 0 ] || { echo 'input is not a terminal' >&2; exit 3; }\nsed -i 's/Old title/New title/' \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	t.Cleanup(func() { tm.run("kill-server") })
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
		"-e", "TERM=xterm-256color", "-e", "VISUAL=", "-e", "EDITOR="+editor, bin, "--db", db)
	tm.waitFor("event 1 of 2")
	tm.keys("C-e")
	tm.waitFor("New title")
	tm.keys("j")
	tm.waitFor("event 2 of 2")
	out, err := exec.Command(bin, "--db", db, "list").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "New title") {
		t.Errorf("the edit is not in the store: %v\n%s", err, out)
	}
}
