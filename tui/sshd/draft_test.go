package sshd

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"chrono/tui"
)

// draftsByPerson keeps each person's draft in memory (Config.Drafts).
type draftsByPerson struct {
	mu     sync.Mutex
	drafts map[string]*tui.Draft
}

type personDraft struct {
	k   *draftsByPerson
	key string
}

func (p personDraft) Kept() (*tui.Draft, error) {
	p.k.mu.Lock()
	defer p.k.mu.Unlock()
	return p.k.drafts[p.key], nil
}

func (p personDraft) Keep(d *tui.Draft) error {
	p.k.mu.Lock()
	defer p.k.mu.Unlock()
	p.k.drafts[p.key] = d
	return nil
}

func (p personDraft) Drop(d *tui.Draft) error {
	p.k.mu.Lock()
	defer p.k.mu.Unlock()
	if k := p.k.drafts[p.key]; k != nil && k.Ended.Equal(d.Ended) {
		delete(p.k.drafts, p.key)
	}
	return nil
}

// TestADroppedConnectionKeepsTheDraft: a note typed and not saved when
// the connection goes is kept for its author, and their next session
// opens the note again; another person's session does not get it.
func TestADroppedConnectionKeepsTheDraft(t *testing.T) {
	bo, boLine := newKey(t)
	cy, cyLine := newKey(t)
	kept := &draftsByPerson{drafts: map[string]*tui.Draft{}}
	var log screen
	sv := serve(t, usersLine("bo", "annotate", boLine)+usersLine("cy", "annotate", cyLine), DefaultLimits(), func(c *Config) {
		c.Drafts = func(user string, inv Investigation) tui.Drafts { return personDraft{kept, user + " " + inv.Name} }
		c.Log = &log
	})
	c := sv.connect(bo)
	_, in, out, _ := browse(t, c)
	io.WriteString(in, "\t")
	io.WriteString(in, "a")
	out.waitFor(t, "note on")
	io.WriteString(in, "call them back")
	out.waitFor(t, "call them back")
	c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if d, _ := (personDraft{kept, "bo nso"}).Kept(); d != nil {
			if d.Fields["text"] != "call them back" {
				t.Fatalf("kept %+v", d)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the note typed was not kept when the connection went")
		}
		time.Sleep(20 * time.Millisecond)
	}

	log.waitFor(t, "kept as a draft: the note typed for nso-mobileum-call (not saved yet)")

	_, _, other, _ := browse(t, sv.connect(cy))
	other.waitFor(t, "event 1 of")
	if strings.Contains(other.String(), "call them back") {
		t.Error("another person's session was given bo's draft")
	}

	_, _, again, _ := browse(t, sv.connect(bo))
	again.waitFor(t, "back as you left it")
	again.waitFor(t, "call them back")
}

// TestServerStopSaysTheDraftIsKept: a session the server's stop ends,
// with a note typed, says the note is kept rather than gone.
func TestServerStopSaysTheDraftIsKept(t *testing.T) {
	key, line := newKey(t)
	kept := &draftsByPerson{drafts: map[string]*tui.Draft{}}
	sv := serve(t, usersLine("bo", "annotate", line), DefaultLimits(), func(c *Config) {
		c.Drafts = func(user string, inv Investigation) tui.Drafts { return personDraft{kept, user + " " + inv.Name} }
	})
	sess, in, out, errs := browse(t, sv.connect(key))
	io.WriteString(in, "\t")
	io.WriteString(in, "a")
	out.waitFor(t, "note on")
	io.WriteString(in, "call them back")
	out.waitFor(t, "call them back")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	sv.srv.Shutdown(ctx)
	sess.Wait()
	if got := errs.String(); !strings.Contains(got, "the server is stopping; chrono keeps the note typed for nso-mobileum-call (not saved yet), and gives it back when you next open nso") {
		t.Errorf("the session's last words: %q", got)
	}
}
