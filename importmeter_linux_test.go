//go:build linux

package main

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// slowReader pauses once past its first after bytes, which format
// detection reads before the meter starts, so that the meter draws.
type slowReader struct {
	r     io.Reader
	after int
	delay time.Duration
	read  int
}

func (s *slowReader) Read(b []byte) (int, error) {
	if s.read > s.after && s.delay > 0 {
		time.Sleep(s.delay)
		s.delay = 0
	}
	n, err := s.r.Read(b[:min(len(b), 4096)])
	s.read += n
	return n, err
}

// TestImportMeterClearedBeforeReport: on a terminal the meter's line is
// cleared before the import says what it did, so that the report begins
// its own line instead of following "… events" on the meter's.
func TestImportMeterClearedBeforeReport(t *testing.T) {
	ptm, pts, err := openPTY(120, 40)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptm)
		got <- string(b)
	}()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var sheet strings.Builder
	sheet.WriteString("id,date,title\n")
	for i := range 3000 {
		fmt.Fprintf(&sheet, "ev%d,2019-03-04,Meeting number %d\n", i, i)
	}
	stdin := &slowReader{r: strings.NewReader(sheet.String()), after: 80 << 10, delay: 600 * time.Millisecond}
	code := run([]string{"--db", newDB(t), "import", "-"}, stdin, pts, pts)
	pts.Close()
	out := <-got
	ptm.Close()
	if code != 0 {
		t.Fatalf("import: exit %d:\n%q", code, out)
	}
	if !strings.Contains(out, "reading") {
		t.Skipf("the meter did not draw in time:\n%q", out)
	}
	i := strings.Index(out, "imported 3000 events")
	if i < 0 {
		t.Fatalf("no report on the terminal:\n%q", out)
	}
	if before := out[:i]; !strings.HasSuffix(before, "\r") && !strings.HasSuffix(before, "\n") {
		t.Errorf("the report follows the meter's text on its line:\n%q", out)
	}
}
