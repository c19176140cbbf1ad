package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestRevertMeterSaysWhatIsUnderWay: a large revert's meter tells the
// share of the events taken back, then that the store is being written;
// a small one draws nothing.
func TestRevertMeterSaysWhatIsUnderWay(t *testing.T) {
	var small revertMeter
	small.to = &bytes.Buffer{}
	small.progress(0, 10)
	small.progress(10, 10)
	if small.meter != nil {
		t.Error("a revert of 10 events started a meter")
	}
	m := revertMeter{to: &bytes.Buffer{}}
	defer m.stop()
	for _, step := range []struct {
		done, total int
		want        string
	}{
		{0, 8192, "taking back 0%"},
		{4096, 8192, "taking back 50% · 4,096 events"},
		{8192, 8192, "writing the store · 8,192 events"},
	} {
		m.progress(step.done, step.total)
		if got := m.meter.String(); !strings.HasPrefix(got, step.want) {
			t.Errorf("after %d of %d: %q, want it to begin %q", step.done, step.total, got, step.want)
		}
	}
}
