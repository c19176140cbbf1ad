package sshd

import (
	"fmt"
	"io"
	"math"
	"sync"
	"time"
)

// keyTimes is how long the server took to answer keys: from a key's bytes
// read from the connection to the first bytes of the screen written back
// after them, the server's whole share of a key (its wait for a core,
// the browser's Update and View, the frame drawn and encrypted), without
// the network's or the client's. The log says it when the server stops,
// so that whoever runs it sees whether it keeps up with its people.
//
// The times are counted in buckets 5% wide, so that a server up for
// months keeps a few kilobytes: a percentile is said to within 5%.
type keyTimes struct {
	mu      sync.Mutex
	buckets [keyBuckets]int
	n       int
	slowest time.Duration
}

const (
	keyBucketBase   = 50 * time.Microsecond // the first bucket's top
	keyBucketGrowth = 1.05
	keyBuckets      = 300 // the last one's top is some two minutes
)

// bucketOf returns the bucket d is counted in.
func bucketOf(d time.Duration) int {
	if d <= keyBucketBase {
		return 0
	}
	i := int(math.Ceil(math.Log(float64(d)/float64(keyBucketBase)) / math.Log(keyBucketGrowth)))
	return min(i, keyBuckets-1)
}

// topOf returns the longest time bucket i counts.
func topOf(i int) time.Duration {
	return time.Duration(float64(keyBucketBase) * math.Pow(keyBucketGrowth, float64(i)))
}

// add counts one key answered in d.
func (t *keyTimes) add(d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buckets[bucketOf(d)]++
	t.n++
	t.slowest = max(t.slowest, d)
}

// percentile returns the time within which p percent of the keys were
// answered: the top of the bucket it falls in, no more than the slowest.
func (t *keyTimes) percentile(p float64) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	want := int(math.Ceil(float64(t.n) * p / 100))
	seen := 0
	for i, c := range t.buckets {
		seen += c
		if seen >= want && seen > 0 {
			return min(topOf(i), t.slowest)
		}
	}
	return t.slowest
}

// String says the times, for the log.
func (t *keyTimes) String() string {
	t.mu.Lock()
	n, slowest := t.n, t.slowest
	t.mu.Unlock()
	if n == 0 {
		return "no key was pressed"
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
	return fmt.Sprintf("%d keys answered at the server: half within %s, 99%% within %s, the slowest in %s",
		n, ms(t.percentile(50)), ms(t.percentile(99)), ms(slowest))
}

// keyClock times one session's keys: the input it reads marks a key
// pressed, unless one is waiting for its answer already; the output it
// writes answers the one waiting. Keys that come together (a key held
// down, a paste) are timed from the first.
type keyClock struct {
	times   *keyTimes
	mu      sync.Mutex
	pressed time.Time // zero when no key waits
}

// input returns r, reading through the clock.
func (c *keyClock) input(r io.Reader) io.Reader { return clockedReader{r, c} }

// output returns w, writing through the clock.
func (c *keyClock) output(w io.Writer) io.Writer { return clockedWriter{w, c} }

type clockedReader struct {
	r io.Reader
	c *keyClock
}

func (r clockedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.c.mu.Lock()
		if r.c.pressed.IsZero() {
			r.c.pressed = time.Now()
		}
		r.c.mu.Unlock()
	}
	return n, err
}

type clockedWriter struct {
	w io.Writer
	c *keyClock
}

func (w clockedWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	if !w.c.pressed.IsZero() {
		w.c.times.add(time.Since(w.c.pressed))
		w.c.pressed = time.Time{}
	}
	w.c.mu.Unlock()
	return w.w.Write(p)
}
