package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestListFitsTheTerminal runs chrono list in an 80-column terminal
// (tmux): every line fits, its title cut with an ellipsis rather than
// wrapped mid-word; piped, the same list keeps its lines whole.
func TestListFitsTheTerminal(t *testing.T) {
	dir, bin := tmuxChrono(t)
	db := filepath.Join(dir, "chrono.db")
	if out, err := exec.Command(bin, "--db", db, "import", "timeline.example.json").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	tm := &tmux{t: t, socket: filepath.Join(dir, "tmux.sock")}
	t.Cleanup(func() { tm.run("kill-server") })
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24",
		"-e", "TERM=xterm-256color", "sh", "-c", bin+" --db "+db+" list; echo END; sleep 30")
	tm.waitFor("END")
	var rows []string
	for _, l := range strings.Split(tm.screen(), "\n") {
		if l = strings.TrimRight(l, " "); l != "" && l != "END" {
			rows = append(rows, l)
		}
	}
	if len(rows) != 13 {
		t.Fatalf("%d rows on the screen, want one per event (13):\n%s", len(rows), strings.Join(rows, "\n"))
	}
	cut := 0
	for _, l := range rows {
		if utf8.RuneCountInString(l) > 80 {
			t.Errorf("row wider than the terminal: %q", l)
		}
		if strings.Contains(l, "…") {
			cut++
		}
	}
	if cut == 0 {
		t.Errorf("no title was shortened:\n%s", strings.Join(rows, "\n"))
	}
	piped, err := exec.Command(bin, "--db", db, "list").Output()
	if err != nil || strings.Contains(string(piped), "…") || !strings.Contains(string(piped), "for SS7 access on a conference call") {
		t.Errorf("piped, lines were cut (%v):\n%s", err, piped)
	}
}
