package sshd

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestLiveGap(t *testing.T) {
	for _, c := range []struct {
		sessions int
		want     time.Duration
	}{
		{0, 0},
		{1, 0},
		{2, liveGapMost},
		{26, liveGapMost},         // 25 gaps of 2 ms: 50 ms
		{27, liveSpread / 26},     // past it, the gaps shrink
		{50, liveSpread / 49},     // the load's fifty
		{1001, liveSpread / 1000}, // a large newsroom, still told within liveSpread
	} {
		got := liveGap(c.sessions)
		if got != c.want {
			t.Errorf("liveGap(%d) = %v, want %v", c.sessions, got, c.want)
		}
		if c.sessions > 1 && got*time.Duration(c.sessions-1) > liveSpread {
			t.Errorf("%d sessions are told over %v, more than %v", c.sessions, got*time.Duration(c.sessions-1), liveSpread)
		}
	}
}

// Told one at a time, every session of the store is told: a tag made
// in one reaches the screens of all the others.
func TestEverySessionIsTold(t *testing.T) {
	tagger, watchers := watching(t, 6)
	time.Sleep(300 * time.Millisecond) // all settled
	seen := make([]int, len(watchers))
	for i, w := range watchers {
		seen[i] = len(w.String())
	}
	io.WriteString(tagger, "1") // #key on the first event
	deadline := time.Now().Add(3 * time.Second)
	for i, w := range watchers {
		for !strings.Contains(w.String()[seen[i]:], "#key") {
			if time.Now().After(deadline) {
				t.Fatalf("ana's tag never reached the screen of rita's session %d of %d", i+1, len(watchers))
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// watching serves the example investigation to n sessions of rita's,
// who may read, and then to one of ana's, who may tag: it returns ana's
// keys and the screens of rita's sessions.
func watching(t testing.TB, n int) (io.Writer, []*screen) {
	ana, anaLine := newKey(t)
	rita, ritaLine := newKey(t)
	limits := DefaultLimits()
	limits.PerKey = n
	sv := serve(t, usersLine("ana", "annotate", anaLine)+usersLine("rita", "read", ritaLine), limits)
	watchers := make([]*screen, n)
	for i := range watchers {
		_, _, watchers[i], _ = browse(t, sv.connect(rita))
	}
	_, tagger, _, _ := browse(t, sv.connect(ana))
	return tagger, watchers
}
