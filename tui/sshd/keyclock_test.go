package sshd

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// The percentiles the log says are the keys' times to within a bucket
// (5%), never above the slowest key.
func TestKeyTimesPercentiles(t *testing.T) {
	var times keyTimes
	for i := 1; i <= 100; i++ {
		times.add(time.Duration(i) * time.Millisecond) // 1 ms … 100 ms
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {1, time.Millisecond}} {
		got := times.percentile(c.p)
		if got < c.want || float64(got) > float64(c.want)*keyBucketGrowth {
			t.Errorf("percentile %v = %s, want %s to within 5%%", c.p, got, c.want)
		}
	}
	if got := times.percentile(100); got != 100*time.Millisecond {
		t.Errorf("the 100th percentile is %s, above the slowest key", got)
	}
	said := times.String()
	if !strings.HasPrefix(said, "100 keys answered at the server: half within 5") || !strings.HasSuffix(said, "the slowest in 100.0 ms") {
		t.Errorf("the log says %q", said)
	}
	var none keyTimes
	if got := none.String(); got != "no key was pressed" {
		t.Errorf("with no key the log says %q", got)
	}
}

// A key is timed from its bytes read to the first bytes written after
// them; what is written with no key waiting (another's change, a clock)
// is no answer, and keys read while one waits are timed from the first.
func TestKeyClock(t *testing.T) {
	var times keyTimes
	c := &keyClock{times: &times}
	var out bytes.Buffer
	w := c.output(&out)
	io.WriteString(w, "a frame no key asked for")
	if times.n != 0 {
		t.Fatalf("a frame with no key waiting was timed as an answer")
	}
	r := c.input(strings.NewReader("jk"))
	buf := make([]byte, 1)
	r.Read(buf)
	time.Sleep(20 * time.Millisecond)
	r.Read(buf)
	io.WriteString(w, "the answer")
	io.WriteString(w, "the rest of the frame")
	if times.n != 1 || times.slowest < 20*time.Millisecond {
		t.Errorf("two keys read together, one answer: %d timed, the slowest %s; want one, from the first key", times.n, times.slowest)
	}
	if out.String() != "a frame no key asked forthe answerthe rest of the frame" {
		t.Errorf("the clock changed what was written: %q", out.String())
	}
}
