package pg

import (
	"fmt"
	"testing"
	"time"

	"chrono/model"
)

// setTitle commits one change to s.
func setTitle(t testing.TB, s *Store, title string) model.Entry {
	t.Helper()
	e, err := s.Write(model.OpTitle, "retitle", func(tx model.Tx) error {
		return tx.SetHeader(model.Header{Title: title})
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// notice waits for the next notice on ch, failing after limit.
func notice(t testing.TB, ch <-chan model.Notice, limit time.Duration) model.Notice {
	t.Helper()
	select {
	case n, ok := <-ch:
		if !ok {
			t.Fatal("the channel of changes was closed")
		}
		return n
	case <-time.After(limit):
		t.Fatalf("no notice within %v", limit)
	}
	return model.Notice{}
}

// listening waits until the listener behind ch listens: a notice sent
// before then is lost, as to any listener not there yet, and a fixed
// pause was too short on a loaded host. It writes through w until ch
// tells of the write.
func listening(t testing.TB, w *Store, ch <-chan model.Notice) {
	t.Helper()
	for i, deadline := 0, time.Now().Add(10*time.Second); time.Now().Before(deadline); i++ {
		e := setTitle(t, w, fmt.Sprintf("is anyone listening? (%d)", i)) // a write that changes nothing is told of to no one
		select {
		case n, ok := <-ch:
			if !ok {
				t.Fatal("the channel of changes was closed")
			}
			if n.Err == nil && n.Seq >= e.Seq {
				return
			}
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatal("the listener did not listen within 10s")
}

// TestChangesFromAnotherStore: two stores on one investigation (two
// browsers on two machines); what one commits, the other is told of
// without asking, with the journal entry's number, and the commits of
// another investigation in the same database are not passed on. How
// soon is BenchmarkNoticeLatency's to measure.
func TestChangesFromAnotherStore(t *testing.T) {
	a := newStore(t, "a@one")
	b, err := Open(server.url, Options{Investigation: a.name, Author: "b@two"})
	if err != nil {
		t.Fatal(err)
	}
	ch := b.Changes()
	other := newStore(t, "c@three")
	listening(t, a, ch)
	setTitle(t, other, "elsewhere")
	e := setTitle(t, a, "Seen from b")
	n := notice(t, ch, 5*time.Second)
	if n.Err != nil || n.Seq != e.Seq {
		t.Fatalf("notice %+v, want entry #%d of the investigation", n, e.Seq)
	}
	if h, err := b.Header(); err != nil || h.Title != "Seen from b" {
		t.Fatalf("b reads %q, %v after the notice", h.Title, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-ch; ok {
		t.Fatal("the channel stays open after Close")
	}
}

// BenchmarkNoticeLatency measures how long a commit takes to reach
// another store of the investigation: from Write being called to the
// notice read (the target is 200 ms at most).
func BenchmarkNoticeLatency(b *testing.B) {
	a := newStore(b, "a@one")
	other, err := Open(server.url, Options{Investigation: a.name, Author: "b@two"})
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	ch := other.Changes()
	listening(b, a, ch)
	var worst time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		setTitle(b, a, start.String())
		notice(b, ch, 5*time.Second)
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}
