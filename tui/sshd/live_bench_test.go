package sshd

import (
	"io"
	"testing"
	"time"
)

// BenchmarkLiveUpdate is the time from a key that tags in one session to
// the change drawn in another, over loopback SSH: the tag written, the
// file seen changed (every liveEvery), the other browser told and its
// screen read again and sent.
func BenchmarkLiveUpdate(b *testing.B) {
	ana, anaLine := newKey(b)
	rita, ritaLine := newKey(b)
	sv := serve(b, usersLine("ana", "annotate", anaLine)+usersLine("rita", "read", ritaLine), DefaultLimits())
	_, _, watcher, _ := browse(b, sv.connect(rita))
	_, tagger, _, _ := browse(b, sv.connect(ana))
	time.Sleep(500 * time.Millisecond)
	for b.Loop() {
		seen := watcher.Len()
		io.WriteString(tagger, "1")
		deadline := time.Now().Add(5 * time.Second)
		for watcher.Len() == seen {
			if time.Now().After(deadline) {
				b.Fatal("the change never reached the other session")
			}
			time.Sleep(time.Millisecond)
		}
		b.StopTimer()
		time.Sleep(100 * time.Millisecond) // the rest of the redraw
		b.StartTimer()
	}
}

// BenchmarkLiveUpdateFifty is BenchmarkLiveUpdate with 49 sessions
// watching: the time from the tag to the last of their screens redrawn,
// the sessions told one at a time (liveSpread).
func BenchmarkLiveUpdateFifty(b *testing.B) {
	tagger, watchers := watching(b, 49)
	time.Sleep(time.Second)
	seen := make([]int, len(watchers))
	var slowest time.Duration
	for b.Loop() {
		for i, w := range watchers {
			seen[i] = w.Len()
		}
		began := time.Now()
		io.WriteString(tagger, "1")
		deadline := time.Now().Add(5 * time.Second)
		for i, w := range watchers {
			for w.Len() == seen[i] {
				if time.Now().After(deadline) {
					b.Fatalf("the change never reached session %d of %d", i+1, len(watchers))
				}
				time.Sleep(time.Millisecond)
			}
		}
		slowest = max(slowest, time.Since(began))
		b.StopTimer()
		time.Sleep(300 * time.Millisecond) // the rest of the redraws
		b.StartTimer()
	}
	b.ReportMetric(float64(slowest)/float64(time.Millisecond), "max-ms")
}
