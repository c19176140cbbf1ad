package bolt

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// sharedFlood has readers read the Shared store without a pause, as a
// server's sessions do under load, until stop is called.
func sharedFlood(t testing.TB, sh *Shared, readers int) (stop func()) {
	t.Helper()
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range readers {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				sh.Count(model.Query{})
				sh.Header()
			}
		})
	}
	time.Sleep(200 * time.Millisecond) // the flood is under way
	return func() { close(done); wg.Wait() }
}

// TestALocalWriteIsNotStarvedByReads: while sessions of a Shared store
// read without a pause, their shared lock is always held by one of them;
// a write from another process (chrono tag on the server) must still get
// its turn, not give up as if the store were in use.
func TestALocalWriteIsNotStarvedByReads(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: 5 * time.Second})
	defer sh.Close()
	stop := sharedFlood(t, sh, 8)
	defer stop()
	local, err := Open(path, Options{Timeout: 5 * time.Second, Author: "desk"})
	if err != nil {
		t.Fatalf("a local write while sessions read: %v", err)
	}
	defer local.Close()
	if _, err := storetest.Retag(local, []string{"fbi-tip"}, []string{"local"}, nil); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLocalWriteUnderReads is how long a write from another
// process waits for its turn while 8 readers of a Shared store read
// without a pause.
func BenchmarkLocalWriteUnderReads(b *testing.B) {
	path := storeFile(b)
	sh := NewShared(path, Options{Timeout: 5 * time.Second})
	defer sh.Close()
	stop := sharedFlood(b, sh, 8)
	defer stop()
	b.ResetTimer()
	for n := range b.N {
		local, err := Open(path, Options{Timeout: 5 * time.Second, Author: "desk"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := storetest.Retag(local, []string{"fbi-tip"}, []string{"local" + string(rune('a'+n%26))}, nil); err != nil {
			b.Fatal(err)
		}
		local.Close()
	}
}

// TestALocalCommandIsNotStarvedByWrites: while sessions of a Shared
// store write without a pause, the store they hold open for writing is
// let go when another process asks for it, and taken back only after
// that process had its turn: chrono commands on the server still open it.
func TestALocalCommandIsNotStarvedByWrites(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: 10 * time.Second})
	defer sh.Close()
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-done:
					return
				default:
				}
				if _, err := storetest.Retag(sh.As("session"), []string{"fbi-tip"}, []string{fmt.Sprintf("t%d-%d", i, n%3)}, nil); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	defer func() { close(done); wg.Wait() }()
	time.Sleep(200 * time.Millisecond) // the writes are under way
	for i := range 10 {
		local, err := Open(path, Options{Timeout: time.Second})
		if err != nil {
			t.Fatalf("open %d of a local command while sessions write: %v", i+1, err)
		}
		local.Close()
		time.Sleep(20 * time.Millisecond)
	}
}
