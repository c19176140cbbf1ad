package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
)

// A command that reads the store holds it open, and its lock with it,
// until it is done; one whose output goes into a pipe is done only as
// fast as the other end reads. chrono list | less left on its first page
// would keep every write out (a browser's tag, chrono add) for as long as
// the pager stays open. So output into a pipe or a socket goes through a
// spool: the command writes into it without waiting, the store is closed
// when the command is done, and the spool is sent on at the reader's
// pace. It holds up to spoolMemory in memory, the rest in a temporary
// file with no name (on Unix), so that nothing is left behind by a crash.

// spoolMemory is how much of the output waiting for the reader a spool
// holds in memory before it writes the rest to a file (a variable for
// the tests).
var spoolMemory = 16 << 20

// spoolPieceSize is how much output one piece held in memory gathers.
const spoolPieceSize = 64 << 10

// pipeSpool is an io.Writer that never waits for the writer it sends on
// to: a goroutine sends what was written, in order, as that can take it.
type pipeSpool struct {
	to io.Writer

	mu      sync.Mutex
	more    sync.Cond // signalled when a piece is queued, or the spool closed
	pieces  []spoolPiece
	inMem   int      // bytes of the pieces held in memory
	file    *os.File // the pieces past spoolMemory; nil until one is
	named   string   // the file's name, where the system kept it
	fileEnd int64
	closed  bool
	err     error // the first the writer sent to gave: the rest is dropped
	sent    chan struct{}
}

// spoolPiece is output waiting: bytes held, or a span of the file.
type spoolPiece struct {
	held     []byte
	off, len int64
}

// spoolStdout has what c writes to stdout go through a spool, when stdout
// is a pipe or a socket, until finish, called once the store is closed,
// sends the rest on and returns what kept it from being sent.
func (c *cli) spoolStdout() (finish func() error) {
	sp := spoolIfPipe(c.stdout)
	if sp == nil {
		return func() error { return nil }
	}
	to := c.stdout
	c.stdout = sp
	return func() error {
		c.stdout = to
		return sp.finish()
	}
}

// spoolIfPipe returns a spool sending on to w when w is a pipe or a
// socket, else nil.
func spoolIfPipe(w io.Writer) *pipeSpool {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) == 0 {
		return nil
	}
	sp := &pipeSpool{to: w, sent: make(chan struct{})}
	sp.more.L = &sp.mu
	go sp.send()
	return sp
}

// Write queues p. It fails only once the writer sent to has (the reader
// went away), so that the command can stop, or the file cannot be
// written.
func (sp *pipeSpool) Write(p []byte) (int, error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.err != nil {
		return 0, sp.err
	}
	if sp.inMem+len(p) <= spoolMemory {
		if n := len(sp.pieces); n > 0 && sp.pieces[n-1].held != nil && len(sp.pieces[n-1].held)+len(p) <= spoolPieceSize {
			sp.pieces[n-1].held = append(sp.pieces[n-1].held, p...)
		} else {
			sp.pieces = append(sp.pieces, spoolPiece{held: append(make([]byte, 0, max(len(p), spoolPieceSize)), p...)})
		}
		sp.inMem += len(p)
		sp.more.Signal()
		return len(p), nil
	}
	if sp.file == nil {
		f, err := os.CreateTemp("", "chrono-output-*")
		if err != nil {
			return 0, sp.failed(err)
		}
		if os.Remove(f.Name()) != nil {
			sp.named = f.Name() // a system that keeps an open file's name
		}
		sp.file = f
	}
	if _, err := sp.file.WriteAt(p, sp.fileEnd); err != nil {
		return 0, sp.failed(err)
	}
	if n := len(sp.pieces); n > 0 && sp.pieces[n-1].held == nil && sp.pieces[n-1].off+sp.pieces[n-1].len == sp.fileEnd {
		sp.pieces[n-1].len += int64(len(p)) // one span of the file, however many writes
	} else {
		sp.pieces = append(sp.pieces, spoolPiece{off: sp.fileEnd, len: int64(len(p))})
	}
	sp.fileEnd += int64(len(p))
	sp.more.Signal()
	return len(p), nil
}

// failed keeps err, the spool's file not written, as the spool's: every
// write after fails too, so that the output never goes on with a gap;
// sp.mu is held.
func (sp *pipeSpool) failed(err error) error {
	sp.err = fmt.Errorf("keeping the output the pipe has not read yet in a temporary file: %w; set TMPDIR to a disk with room, or write to a file with -o FILE", err)
	sp.pieces, sp.inMem = nil, 0
	return sp.err
}

// send sends the pieces on as they come, until the spool is closed and
// empty, or the writer sent to fails.
func (sp *pipeSpool) send() {
	defer close(sp.sent)
	var buf []byte
	for {
		sp.mu.Lock()
		for len(sp.pieces) == 0 && !sp.closed {
			sp.more.Wait()
		}
		if len(sp.pieces) == 0 {
			sp.mu.Unlock()
			return
		}
		p := sp.pieces[0]
		if p.held == nil && p.len > spoolPieceSize {
			// A span of the file is sent a piece at a time.
			p.len = spoolPieceSize
			sp.pieces[0].off += spoolPieceSize
			sp.pieces[0].len -= spoolPieceSize
		} else {
			sp.pieces = sp.pieces[1:]
		}
		sp.inMem -= len(p.held)
		f := sp.file
		sp.mu.Unlock()
		out := p.held
		var err error
		if out == nil {
			buf = slices.Grow(buf[:0], int(p.len))[:p.len]
			_, err = f.ReadAt(buf, p.off)
			out = buf
		}
		if err == nil {
			_, err = sp.to.Write(out)
		}
		if err != nil {
			sp.mu.Lock()
			sp.err, sp.pieces, sp.inMem = err, nil, 0
			sp.mu.Unlock()
			return
		}
	}
}

// finish waits until everything written was sent on (the store closed
// meanwhile), and returns what kept it from being.
func (sp *pipeSpool) finish() error {
	sp.mu.Lock()
	sp.closed = true
	sp.more.Signal()
	sp.mu.Unlock()
	<-sp.sent
	if sp.file != nil {
		sp.file.Close()
		if sp.named != "" {
			os.Remove(sp.named)
		}
	}
	return sp.err
}
