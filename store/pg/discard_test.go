package pg

import (
	"fmt"
	"testing"
	"time"

	"chrono/model"
)

// An investigation made by one process is not taken out as unused while
// another process imports into it: DiscardUnused waits for that import's
// lock and then sees its events.
func TestDiscardUnusedSparesAnotherProcesssImport(t *testing.T) {
	needServer(t)
	name := fmt.Sprintf("discard-%d", investigations.Add(1))
	made, err := Open(server.url, Options{Investigation: name, Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer made.Close()
	other, err := Open(server.url, Options{Investigation: name, Author: "b"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	reading := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := other.Import([]model.Input{{Name: "b.json", Size: -1, Read: func(sink model.Sink) error {
			if err := sink.Event(model.Event{ID: "kept", Title: "B's event"}, 1); err != nil {
				return err
			}
			close(reading)
			time.Sleep(time.Second) // the rest of a longer import
			return nil
		}}}, model.ImportOptions{})
		done <- err
	}()
	<-reading
	made.DiscardUnused()
	if err := <-done; err != nil {
		t.Fatalf("the other import: %v", err)
	}
	s, err := Open(server.url, Options{Investigation: name, NoCreate: true})
	if err != nil {
		t.Fatalf("the investigation another process imported into is gone: %v", err)
	}
	defer s.Close()
	if _, err := s.Event("kept"); err != nil {
		t.Errorf("the other import's event: %v", err)
	}
}
