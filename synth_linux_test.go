package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestSynthRefusesATerminal: chrono synth with stdout on a screen writes
// nothing there (a megabyte of JSON) and says how to keep it.
func TestSynthRefusesATerminal(t *testing.T) {
	ptm, pts, err := openPTY(80, 24)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptm)
		got <- b
	}()
	var stderr bytes.Buffer
	code := run([]string{"synth"}, strings.NewReader(""), pts, &stderr)
	pts.Close()
	shown := <-got
	ptm.Close()
	if code != exitUsage || len(shown) > 0 || !strings.Contains(stderr.String(), "> ") {
		t.Errorf("synth to a terminal: exit %d, %q, %d bytes shown; want a refusal saying how to redirect", code, stderr.String(), len(shown))
	}
}
