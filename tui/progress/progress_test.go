package progress

import (
	"strings"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	tests := []struct {
		stage               string
		done, total, events int64
		elapsed             time.Duration
		want                string
	}{
		{"reading", 0, 0, 0, 0, "reading"},
		{"reading", 450, 1000, 412000, 4 * time.Second, "reading 45% · 412,000 events · 103,000 events/s · about 5s to go"},
		{"reading", 10, 0, 999, 100 * time.Millisecond, "reading · 999 events"},
		{"writing the store", 1000, 1000, 1000000, 10 * time.Second, "writing the store 100% · 1,000,000 events · 100,000 events/s"},
	}
	for _, tt := range tests {
		if got := Line(tt.stage, tt.done, tt.total, tt.events, tt.elapsed, tt.elapsed); got != tt.want {
			t.Errorf("Line(%q, %d, %d, %d, %v) = %q, want %q", tt.stage, tt.done, tt.total, tt.events, tt.elapsed, got, tt.want)
		}
	}
}

func TestMeterNotOnATerminalWritesLines(t *testing.T) {
	var b strings.Builder
	m := newMeter(&b, false, time.Millisecond)
	m.Events(5)
	time.Sleep(20 * time.Millisecond)
	m.Stop()
	if !strings.Contains(b.String(), "reading · 5 events\n") || strings.Contains(b.String(), "\r") {
		t.Errorf("output %q", b.String())
	}
}
