package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"chrono/model/modeltest"
)

// TestExportToATerminal: exports to stdout on a terminal escape the
// investigation's control characters (JSON formats) or refuse (CSV), and
// Markdown is safe as written.
func TestExportToATerminal(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "import", hostileFixture); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	for _, format := range []string{"json", "timelinejs", "timesketch", "markdown", "csv", "timesketch-csv"} {
		ptm, pts, err := openPTY(120, 40)
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := io.ReadAll(ptm) // until the terminal closes
			got <- b
		}()
		t.Setenv("CHRONO_DB", db)
		var stderr bytes.Buffer
		code := run([]string{"export", "--format", format}, strings.NewReader(""), pts, &stderr)
		pts.Close()
		out := <-got
		ptm.Close()
		// The terminal turns \n into \r\n on the way out.
		shown := strings.ReplaceAll(string(out), "\r\n", "\n")
		switch format {
		case "csv", "timesketch-csv":
			if code != 2 || !strings.Contains(stderr.String(), "use -o FILE, or a pipe") || len(out) > 0 {
				t.Errorf("%s to a terminal: exit %d, %q, %d bytes shown; want a refusal", format, code, stderr.String(), len(out))
			}
			continue
		}
		if code != 0 {
			t.Errorf("%s: exit %d: %s", format, code, stderr.String())
		}
		if !strings.Contains(shown, "Second") {
			t.Errorf("%s: the export did not reach the terminal: %q", format, shown)
		}
		if bad := modeltest.TerminalControl(shown, true); bad >= 0 {
			t.Errorf("%s: the terminal got %q at byte %d", format, shown[bad:min(bad+8, len(shown))], bad)
		}
	}
}
