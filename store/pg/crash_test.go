package pg

import (
	"fmt"
	"sync"
	"syscall"
	"testing"

	"chrono/model"
)

// TestServerKilledMidImport: the server is killed (SIGKILL, as a crash)
// while a large import is on its way, with batches of it already in the
// database. After the restart nothing of the import is there: the count
// is what it was before, and the store's other data stands.
func TestServerKilledMidImport(t *testing.T) {
	s := newStore(t, "tester@crash")
	setTitle(t, s, "before the crash")
	small := model.Input{Name: "small", Size: -1, Read: func(sink model.Sink) error {
		return model.Feed(model.Timeline{Events: []model.Event{{ID: "kept", Date: model.MustParseDate("2020"), Title: "Kept"}}}, sink)
	}}
	if _, err := s.Import([]model.Input{small}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	before, err := s.Count(model.Query{})
	if err != nil {
		t.Fatal(err)
	}

	const total = 200_000
	sent := make(chan struct{})
	var once sync.Once
	large := model.Input{Name: "large", Size: -1, Read: func(sink model.Sink) error {
		for i := range total {
			e := model.Event{ID: fmt.Sprintf("crash-%06d", i), Date: model.MustParseDate("2021"), Title: "One of many"}
			if err := model.SendEvent(sink, e, i, model.AllFields); err != nil {
				return err
			}
			if i == 5*importBatch {
				once.Do(func() { close(sent) })
			}
		}
		return nil
	}}
	done := make(chan error, 1)
	go func() {
		_, err := s.Import([]model.Input{large}, model.ImportOptions{})
		done <- err
	}()
	<-sent
	restartServer(t, syscall.SIGKILL, func() {
		if err := <-done; err == nil {
			t.Error("the import succeeded with its server killed")
		}
	})

	again, err := Open(server.url, Options{Investigation: s.name, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n, err := again.Count(model.Query{}); err != nil || n != before {
		t.Fatalf("after the restart the investigation holds %d events (%v), want the %d of before", n, err, before)
	}
	if h, err := again.Header(); err != nil || h.Title != "before the crash" {
		t.Fatalf("after the restart the title is %q (%v)", h.Title, err)
	}
	if _, err := again.Event("crash-000000"); err == nil {
		t.Fatal("the import's first event is there after the restart")
	}
}
