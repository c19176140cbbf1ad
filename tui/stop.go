package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"chrono/model"
)

// stopSignals end the browser as quitting does: SIGTERM from kill, SIGHUP
// when the terminal closes, and SIGINT, which arrives as a signal only
// when the terminal is not in raw mode (in it, ctrl+c is a key).
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM}

// Stopped is the error Run returns when a signal ended the browser. The
// changes it had shown were written first; Unsaved is the first that
// could not be, if any.
type Stopped struct {
	Signal  syscall.Signal
	Unsaved error
	// Discarded is what was typed in a form, and not saved, when the
	// signal came: "" for nothing.
	Discarded string
	// Drafted is set when Discarded was kept as a draft (Options.Drafts),
	// which the next browser gives back; Undrafted is why it could not be.
	Drafted   bool
	Undrafted error
}

func (s *Stopped) Error() string {
	var msg string
	if s.Unsaved != nil {
		msg = fmt.Sprintf("stopped by a signal (%v); a change was not saved: %v", s.Signal, s.Unsaved)
	} else {
		msg = fmt.Sprintf("stopped by a signal (%v); every change made in the browser is saved in the store", s.Signal)
	}
	switch {
	case s.Discarded != "" && s.Drafted:
		msg += fmt.Sprintf("; chrono keeps %s (not saved yet), and the browser opens its form again when it next opens this investigation", s.Discarded)
	case s.Discarded != "" && s.Undrafted != nil:
		msg += fmt.Sprintf(", but %s (not saved yet) went with it: it could not be kept: %v", s.Discarded, s.Undrafted)
	case s.Discarded != "":
		msg += fmt.Sprintf(", but %s (not saved yet) went with it", s.Discarded)
	}
	return msg
}

// ExitCode is what a shell reports for a process a signal ended.
func (s *Stopped) ExitCode() int { return 128 + int(s.Signal) }

// stopMsg tells the root that a signal asks the browser to end.
type stopMsg struct{ sig syscall.Signal }

// stops hears what ends the browser from outside: the stop signals, and
// the terminal going away, which is taken as the SIGHUP it would send.
type stops struct {
	p     *tea.Program
	first atomic.Int32 // the first signal, 0 before one
	ch    chan os.Signal
	done  chan struct{}
}

// catchStops sends p a stopMsg on each stop signal, until stop. A signal
// the process was started with ignored (as nohup does with SIGHUP) stays
// ignored.
func catchStops(p *tea.Program) *stops {
	s := &stops{p: p, ch: make(chan os.Signal, len(stopSignals)), done: make(chan struct{})}
	var watched []os.Signal
	for _, sig := range stopSignals {
		if !signal.Ignored(sig) {
			watched = append(watched, sig)
		}
	}
	signal.Notify(s.ch, watched...)
	go func() {
		defer close(s.done)
		for sig := range s.ch {
			if n, ok := sig.(syscall.Signal); ok {
				s.stop(n)
			}
		}
	}()
	return s
}

// stop records sig, if it is the first, and tells the program; Send
// returns at once when the program has ended.
func (s *stops) stop(sig syscall.Signal) {
	s.first.CompareAndSwap(0, int32(sig))
	s.p.Send(stopMsg{sig: sig})
}

// signalled returns the first signal, if one came.
func (s *stops) signalled() (syscall.Signal, bool) {
	sig := s.first.Load()
	return syscall.Signal(sig), sig != 0
}

// close stops catching the signals.
func (s *stops) close() {
	signal.Stop(s.ch)
	close(s.ch)
	<-s.done
}

// hangupInput is the terminal the browser reads its keys from, which
// says when the terminal has gone: a closed terminal window does not
// always send SIGHUP to chrono (only to the session's leader, such as a
// shell that runs chrono and waits for it), but reading from it then
// returns end of file, which Bubble Tea takes as quietly as a quit, and
// the browser would run on with no one to see it.
type hangupInput struct {
	*os.File
	once   sync.Once
	hangup func()
}

// execWithTerminal is tea.ExecProcess with the terminal itself as the
// program's input. Bubble Tea hands a program the browser's own input,
// which is a hangupInput, not a file: exec would then feed the program
// through a pipe (an editor says its input is not a terminal) and, once
// it ended, wait for one more key to copy into that pipe, and lose it.
func execWithTerminal(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
	if c.Stdin == nil && term.IsTerminal(os.Stdin.Fd()) {
		c.Stdin = os.Stdin
	}
	return tea.ExecProcess(c, done)
}

func (h *hangupInput) Read(b []byte) (int, error) {
	n, err := h.File.Read(b)
	if n == 0 && (errors.Is(err, io.EOF) || errors.Is(err, syscall.EIO)) {
		// Not on the reading goroutine: Send waits for the event loop.
		h.once.Do(func() { go h.hangup() })
	}
	return n, err
}

// writeGate lets writes start only while the browser runs, and lets Run
// wait, once it has ended, for the write that started: the program can
// end with a write on its way (the terminal hung up), and the process
// must not exit under it.
type writeGate struct {
	mu      sync.Mutex
	closed  bool
	running sync.WaitGroup
	failed  error // the first write that failed once the browser had ended
}

// begin reports whether a write may start; end must follow one that did.
func (g *writeGate) begin() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	g.running.Add(1)
	return true
}

func (g *writeGate) end(err error) {
	g.mu.Lock()
	if g.closed && err != nil && g.failed == nil {
		g.failed = err
	}
	g.mu.Unlock()
	g.running.Done()
}

// close stops writes from starting and waits for those that did.
func (g *writeGate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.running.Wait()
}

// errNotStarted is the outcome of a write the ended browser did not start.
var errNotStarted = errors.New("the browser ended before the change was written")

// finish writes what the browser showed but had not written when it
// ended: the write on its way, if it had not started, and those queued
// behind it, in order. It returns the first error.
func (q *writeQueue) finish(s model.Store) error {
	q.gate.close()
	var rest []pendingWrite
	if q.writing && !q.current.started.Load() {
		rest = append(rest, q.current)
	}
	rest = append(rest, q.queue...)
	q.writing, q.queue = false, nil
	first := q.gate.failed
	for _, w := range rest {
		if _, _, err := w.edit.Apply(s); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", w.edit.Phrase(), err)
		}
	}
	return first
}
