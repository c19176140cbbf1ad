package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvidenceExportSaysNoRoom: an evidence directory that does not fit
// (here a file-size limit) says so of the directory asked for, not of a
// hidden working file, and what lifts the limit; nothing is left behind.
func TestEvidenceExportSaysNoRoom(t *testing.T) {
	bin := buildChrono(t)
	dir := t.TempDir()
	db, out := filepath.Join(dir, "case.db"), filepath.Join(dir, "evidence")
	if b, err := exec.Command(bin, "--db", db, "import", "timeline.example.json").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, b)
	}
	// ulimit -f counts 512-byte blocks in sh: 8 KiB, less than the
	// example's journal.
	cmd := exec.Command("sh", "-c", `ulimit -f 16 && exec "$0" "$@"`, bin, "--db", db, "export", "--format", "evidence", "-o", out)
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+home, "XDG_CONFIG_HOME="+home)
	b, err := cmd.CombinedOutput()
	msg := string(b)
	if err == nil || !strings.Contains(msg, "cannot write "+out) || !strings.Contains(msg, "ulimit -f") || strings.Contains(msg, ".chrono-evidence") {
		t.Errorf("evidence export past a file-size limit: %v, %q", err, msg)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "case.db" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
