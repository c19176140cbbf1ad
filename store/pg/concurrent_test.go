package pg

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// TestReadsFromSeveralGoroutines: the browser reads in several commands
// at once (the header and the counts as it starts); on one connection
// the second would fail with "conn busy" unless the calls take it in
// turn.
func TestReadsFromSeveralGoroutines(t *testing.T) {
	s := newStore(t, "tester@concurrent")
	setTitle(t, s, "busy")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 8 {
		wg.Go(func() {
			for range 8 {
				if _, err := s.Header(); err != nil {
					errs <- err
				}
				if _, err := s.Facets(model.FacetTags); err != nil {
					errs <- err
				}
				for _, err := range s.Events(model.Query{}) {
					if err != nil {
						errs <- err
					}
				}
				if _, err := s.Write(model.OpTitle, "retitle", func(tx model.Tx) error {
					return tx.SetHeader(model.Header{Title: "again"})
				}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestWritersOnSeveralConnectionsKeepCounts: stores on connections of
// their own (as on several machines) write into the same stretches and
// facets at once; none deadlocks, every write is kept, and the kept
// counts are the events' counts.
func TestWritersOnSeveralConnectionsKeepCounts(t *testing.T) {
	first := newStore(t, "tester@one")
	var stores []*Store
	for i := range 4 {
		s, err := Open(server.url, Options{Investigation: first.name, Author: fmt.Sprintf("tester@%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 256)
	for w, s := range stores {
		wg.Go(func() {
			for i := range 10 {
				id := fmt.Sprintf("w%d-%d", w, i)
				if _, err := s.Write(model.OpEdit, "add", func(tx model.Tx) error {
					return tx.PutEvent(model.Event{ID: id, Title: id, Date: model.MustParseDate(fmt.Sprintf("2001-05-%02d", 1+i)),
						Status: model.Statuses[i%len(model.Statuses)], Tags: []string{"shared", id}, Actors: []string{"everyone"}})
				}); err != nil {
					errs <- err
				}
				if i%3 == 2 {
					if _, err := s.Write(model.OpEdit, "drop", func(tx model.Tx) error { return tx.TrashEvent(fmt.Sprintf("w%d-%d", w, i-1)) }); err != nil {
						errs <- err
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	c, err := first.conn()
	if err != nil {
		t.Fatal(err)
	}
	checkKeptCounts(t, c, first.inv)
	if n, err := first.Count(model.Query{Tags: []string{"shared"}}); err != nil || n != 4*(10-3) {
		t.Errorf("%d events tagged shared (%v), want %d", n, err, 4*(10-3))
	}
}

// TestReadsGoOnWhileAWriteWaits: a write that waits for another
// writer's commit (here a transaction holding the investigation, as
// another chrono's import does) holds one of the store's connections;
// the store's reads go on with the other, and the write goes through
// once the other commits.
func TestReadsGoOnWhileAWriteWaits(t *testing.T) {
	s := newStore(t, "a")
	other, err := pgx.Connect(ctx, server.url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	tx, err := other.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `SELECT id FROM investigations WHERE id = $1 FOR UPDATE`, s.inv); err != nil {
		t.Fatal(err)
	}
	wrote := make(chan error, 1)
	go func() {
		_, err := s.Write(model.OpTitle, "retitle", func(w model.Tx) error { return w.SetHeader(model.Header{Title: "after the wait"}) })
		wrote <- err
	}()
	time.Sleep(200 * time.Millisecond) // the write is waiting for the lock
	read := make(chan error, 1)
	go func() {
		_, err := s.Header()
		read <- err
	}()
	select {
	case err := <-read:
		if err != nil {
			t.Errorf("a read while a write waits: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("a read waited for a write that waits for another writer")
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-wrote; err != nil {
		t.Fatalf("the write, once the other writer let go: %v", err)
	}
	if h, err := s.Header(); err != nil || h.Title != "after the wait" {
		t.Errorf("title %q, %v after the write", h.Title, err)
	}
}

// TestAWriterHeldUpGivesUp: a write that waits for another writer's lock
// (a long import, a session holding a lock) gives up after lockWait,
// saying the investigation is in use, as a file store says so, rather
// than waiting without end and without a word.
func TestAWriterHeldUpGivesUp(t *testing.T) {
	defer func(w string) { lockWait = w }(lockWait)
	lockWait = "200ms"
	first := newStore(t, "tester@one")
	second, err := Open(server.url, Options{Investigation: first.name, Author: "tester@two"})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := first.Write(model.OpTitle, "retitle", func(tx model.Tx) error {
			close(holding)
			<-release
			return tx.SetHeader(model.Header{Title: "first"})
		})
		done <- err
	}()
	<-holding
	// Let go in the end, so that a writer that waits without end fails
	// the test rather than hangs it.
	go func() { time.Sleep(3 * time.Second); close(release) }()
	start := time.Now()
	_, err = second.Write(model.OpTitle, "retitle", func(tx model.Tx) error {
		return tx.SetHeader(model.Header{Title: "second"})
	})
	if !errors.Is(err, model.ErrInUse) || time.Since(start) > 2*time.Second {
		t.Errorf("the held-up write: %v after %v, want model.ErrInUse", err, time.Since(start))
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if h, err := second.Header(); err != nil || h.Title != "first" {
		t.Errorf("header %+v, %v; want the first writer's", h, err)
	}
}
