package tui

import (
	"errors"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A signal ends the browser as q does: once the change on its way is on
// disk.
func TestStopWaitsForWrites(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	_, write := d.m.Update(keyPress("2"))
	d.send(stopMsg{sig: syscall.SIGTERM})
	if d.quit || !d.quitting() {
		t.Fatal("the signal ended the browser with a write in flight")
	}
	d.run(write)
	if !d.quit {
		t.Error("did not end once the write was on disk")
	}
	if e := event(t, s, "nso-mobileum-call"); !e.HasTag("verify") {
		t.Error("the change was lost")
	}
}

// A write that fails on the way out does not keep the browser open when
// a signal ends it (no one may be there to see it): Run reports it.
func TestStopEndsDespiteAFailedWrite(t *testing.T) {
	d := newDriver(t, failingStore{exampleStore(t)}, 120, 40)
	_, write := d.m.Update(keyPress("2"))
	d.send(stopMsg{sig: syscall.SIGHUP})
	d.run(write)
	if !d.quit {
		t.Error("a failed write kept the signalled browser open")
	}
	if d.m.unsaved == nil {
		t.Error("the failed write is not reported")
	}
}

// Writes the program had not started when it ended (a closed terminal
// ends it at once) are made by finish, in order, and the command of the
// one on its way, should it run after all, writes nothing.
func TestFinishMakesTheWritesLeft(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	_, first := d.m.Update(keyPress("2"))
	d.m.Update(keyPress("3")) // queued behind the first
	if err := d.m.writes.finish(s); err != nil {
		t.Fatal(err)
	}
	e := event(t, s, "nso-mobileum-call")
	if !e.HasTag("verify") || !e.HasTag("follow-up") {
		t.Errorf("tags %v: the changes left were not made", e.Tags)
	}
	var ran bool
	for _, msg := range messages(first) {
		if w, ok := msg.(writeMsg); ok {
			ran = true
			if !errors.Is(w.err, errNotStarted) {
				t.Errorf("the write's command ran after the end: %v", w.err)
			}
		}
	}
	if !ran {
		t.Error("no write command")
	}
}

// messages runs cmd and the commands of its batches.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var all []tea.Msg
		for _, c := range batch {
			all = append(all, messages(c)...)
		}
		return all
	}
	return []tea.Msg{msg}
}

// TestStopSaysWhatATypedFormLoses: a signal closes an open form with
// what was typed in it; the message chrono leaves says so, rather than
// that every change is saved, and says nothing of a form left as it was.
func TestStopSaysWhatATypedFormLoses(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		text string
		want string
	}{
		{"a new event typed", []string{"A"}, "Meeting in Limassol", "the new event typed in the form"},
		{"a note typed", []string{"a"}, "call them back", "the note typed for nso-mobileum-call"},
		{"a form opened, nothing typed", []string{"A"}, "", ""},
	} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(tc.keys...)
		d.typeText(tc.text)
		d.send(stopMsg{sig: syscall.SIGHUP})
		if !d.quit || d.m.discarded != tc.want {
			t.Errorf("%s: quit %v, discarded %q, want %q", tc.name, d.quit, d.m.discarded, tc.want)
		}
	}
	err := (&Stopped{Signal: syscall.SIGHUP, Discarded: "the note typed for x"}).Error()
	if want := "stopped by a signal (hangup); every change made in the browser is saved in the store, but the note typed for x (not saved yet) went with it"; err != want {
		t.Errorf("the message: %q\nwant %q", err, want)
	}
}

// TestStopSaysWhatANewSourceLoses: a source typed in the quote form's
// own form of a new source is named when a signal closes it.
func TestStopSaysWhatANewSourceLoses(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("Q", "tab", "tab")
	d.typeText("Reuters")
	d.keys("tab")
	d.typeText(" Ltd")
	d.send(stopMsg{sig: syscall.SIGHUP})
	if d.m.discarded != "the source typed in the quote's form" {
		t.Errorf("discarded %q", d.m.discarded)
	}
}
