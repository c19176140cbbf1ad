package pg

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"chrono/model"
)

// TestServerStopsAndComesBack: the server stops while a browser's store
// is open. The store says it is unreachable, with nothing of the
// password; what was confirmed before is there afterwards; and when the
// server is back the store says so and answers the next question on its
// own, with no reopening.
func TestServerStopsAndComesBack(t *testing.T) {
	a := newStore(t, "a@one")
	ch := a.Changes()
	listening(t, a, ch)
	confirmed := setTitle(t, a, "confirmed before the stop")
	if n := notice(t, ch, 5*time.Second); n.Err != nil || n.Seq != confirmed.Seq {
		t.Fatalf("notice %+v before the stop", n)
	}

	restartServer(t, syscall.SIGINT, func() {
		n := notice(t, ch, 5*time.Second)
		if n.Err == nil || !strings.Contains(n.Err.Error(), "unreachable") || strings.Contains(n.Err.Error(), "administrator command") {
			t.Errorf("notice %+v when the server stopped, want one saying it is unreachable, in plain words", n)
		}
		if _, err := a.Header(); err == nil || !strings.Contains(err.Error(), "unreachable") {
			t.Errorf("a read with the server stopped: %v, want one saying it is unreachable", err)
		}
		// The database is named once: the status line has room for
		// three lines, and what happened comes after the name.
		_, err := a.Write(model.OpEdit, "retitled", func(tx model.Tx) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "unreachable") || strings.Count(err.Error(), "postgres") != 1 {
			t.Errorf("a write with the server stopped: %v, want one naming the database once, saying it is unreachable", err)
		}
		// The network's words, once: not the driver's for each address
		// it tried, each tried twice over TCP (with TLS, then without).
		if err != nil && (strings.Contains(err.Error(), "dial error") || strings.Count(err.Error(), "connect:") != 1) {
			t.Errorf("a write with the server stopped: %v, want why said once", err)
		}
	})

	if n := notice(t, ch, 10*time.Second); n.Err != nil {
		t.Fatalf("notice %+v once the server is back, want one saying it is", n)
	}
	h, err := a.Header()
	if err != nil || h.Title != "confirmed before the stop" {
		t.Fatalf("the first read after the server is back: %q, %v", h.Title, err)
	}
	again := setTitle(t, a, "after")
	if n := notice(t, ch, 5*time.Second); n.Err != nil || n.Seq != again.Seq {
		t.Fatalf("notice %+v after the server came back, want entry #%d", n, again.Seq)
	}
}

// TestEachReadAfterARestart: a read is answered when it is the first
// after the server restarted, whichever way it reaches the server: one
// statement alone, a batch, or a transaction of statements that wait on
// each other. Each finds its connection dropped and makes it again.
func TestEachReadAfterARestart(t *testing.T) {
	s := newStore(t, "a")
	setTitle(t, s, "before the restart")
	reads := []struct {
		name string
		read func() error
	}{
		{"one statement", func() error {
			h, err := s.Header()
			if err == nil && h.Title != "before the restart" {
				t.Errorf("title %q after the restart", h.Title)
			}
			return err
		}},
		{"a batch", func() error {
			_, err := s.Window(model.Query{}, model.Position{}, false, 10, 10)
			return err
		}},
		{"a transaction", func() error {
			_, err := s.Window(model.Query{Text: "restart"}, model.Position{}, false, 10, 10)
			return err
		}},
	}
	for _, r := range reads {
		restartServer(t, syscall.SIGINT, nil)
		if err := r.read(); err != nil {
			t.Errorf("%s, the first read after a restart: %v", r.name, err)
		}
	}
}
