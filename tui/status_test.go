package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestStatusClearsOnTheNextKey checks that a message and an error both
// go at the next key, so that an old failure never reads as the outcome
// of a later action, and that a key that says something says it.
func TestStatusClearsOnTheNextKey(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.run(fail(errors.New("could not save: disk full")))
	if d.status() == "" || !d.statusErr() {
		t.Fatalf("status %q (error %v): want the error", d.status(), d.statusErr())
	}
	d.keys("j")
	if d.status() != "" || d.statusErr() {
		t.Errorf("after j the status still says %q (error %v)", d.status(), d.statusErr())
	}
	d.run(say("copied the quote with its citation"))
	d.keys("k")
	if d.status() != "" {
		t.Errorf("after k the status still says %q", d.status())
	}
	d.keys("[")
	if d.status() == "" {
		t.Error("[ on the first year says nothing")
	}
}

// TestStatusExpires checks that a message goes after a while and an error
// does not, and that the timer of an earlier message leaves a later one.
func TestStatusExpires(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.run(say("first"))
	first := d.m.status.seq
	d.run(say("second"))
	d.send(statusExpiredMsg{seq: first})
	if d.status() != "second" {
		t.Errorf("the first message's timer cleared the second: status %q", d.status())
	}
	d.send(statusExpiredMsg{seq: d.m.status.seq})
	if d.status() != "" {
		t.Errorf("the second message outlived its timer: status %q", d.status())
	}
	d.run(fail(errors.New("could not save: disk full")))
	for seq := range d.m.status.seq + 2 {
		d.send(statusExpiredMsg{seq: seq})
	}
	if !d.statusErr() {
		t.Error("a timer cleared an error")
	}
}

// TestLongStatusWraps checks that a message longer than the terminal is
// wide is read whole, on more lines, and that when opening a source finds
// no program to open it with, y copies the URL that it gives instead.
func TestLongStatusWraps(t *testing.T) {
	const url = "https://occupydemocrats.com/2022/02/01/ted-lieu-calls-on-doj-to-probe-surveillance-company-allegedly-bribing-mobile-phone-operators/"
	d := newDriver(t, exampleStore(t), 80, 24)
	d.send(openedMsg{url: url, err: errNoOpener})
	lines := strings.Split(d.screen(), "\n")
	var joined string
	for _, l := range lines[len(lines)-5:] {
		joined += strings.TrimRight(l, " ")
	}
	if !strings.Contains(joined, url) || !strings.Contains(joined, "no program to open it") {
		t.Errorf("the message is cut:\n%s", d.screen())
	}
	checkSize(t, d.m.View().Content, 80, 24)
	d.keys("y")
	if n := len(d.clipboard); n != 1 || !strings.Contains(d.clipboard[0], url) {
		t.Errorf("y after the URL: clipboard %q, want the URL", d.clipboard)
	}
	if !strings.Contains(d.status(), "copied") {
		t.Errorf("status %q: want it to say the URL was copied", d.status())
	}
	// The offer goes with the message: y then copies the quote again.
	d.keys("y")
	if n := len(d.clipboard); n != 2 || strings.Contains(d.clipboard[1], url) {
		t.Errorf("the second y copied %q, want the quote", d.clipboard[1:])
	}
}

// TestSayKeepsTheLaterMessage: two messages said one after the other, in
// Update, whose commands come back in the other order (as two keys sent
// at once can), leave the later on the line: the status said "lanes by
// tag" under a title that said "lanes by source".
func TestSayKeepsTheLaterMessage(t *testing.T) {
	first, second := say("lanes by tag"), say("lanes by source")
	var s statusLine
	tick := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	s.show(second().(statusMsg), tick)
	s.show(first().(statusMsg), tick)
	if s.text != "lanes by source" {
		t.Errorf("the line says %q, want the later message", s.text)
	}
	s.show(statusMsg{text: "saved"}, tick) // not of say: always shown
	if s.text != "saved" {
		t.Errorf("the line says %q", s.text)
	}
}
