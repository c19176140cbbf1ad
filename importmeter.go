package main

import (
	"io"
	"sync"
	"sync/atomic"
	"time"

	"chrono/model"
	"chrono/tui/progress"
)

// importMeter shows how far an import has gone: the bytes of its inputs
// read, then the linked events being placed, then, when a large import
// builds a new store file, the records written. It counts from the
// first byte read, format detection included, whether or not it is ever
// drawn.
type importMeter struct {
	read    atomic.Int64    // bytes read of all inputs
	meter   *progress.Meter // nil until start
	done    chan struct{}   // closed by stop, to end tick
	stopped bool            // stop has run
	// mu orders the stage's changes (the store's goroutine) with the
	// bytes read passed on while reading (tick's): a pass that looked
	// before the change does not set the next stage's share after it.
	mu    sync.Mutex
	stage importStage
}

// importStage is the part of an import the meter says is under way.
type importStage int

const (
	stageReading importStage = iota
	stagePlacing
	stageWriting
)

// count returns r, counting the bytes read through it.
func (m *importMeter) count(r io.Reader) io.Reader {
	return &countingReader{r: r, n: &m.read}
}

// start draws the meter to w, in place when terminal, with total the
// bytes of all inputs (0 when unknown), and returns what the store calls
// with its progress. Call stop after the import.
func (m *importMeter) start(w io.Writer, terminal bool, total int64) func(model.ImportProgress) {
	m.meter = progress.New(w, terminal)
	m.meter.Stage("reading", total)
	m.done = make(chan struct{})
	go m.tick()
	return m.storeProgress
}

// tick passes the bytes read to the meter as they go by, while reading:
// the readers run in the store's goroutines, and counting there is
// cheaper than drawing.
func (m *importMeter) tick() {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-m.done:
			return
		case <-t.C:
			m.passRead()
		}
	}
}

// passRead passes the bytes read to the meter, while reading.
func (m *importMeter) passRead() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stage == stageReading {
		m.meter.Done(m.read.Load())
	}
}

// storeProgress follows the store: events read, the linked events
// placed, then records written.
func (m *importMeter) storeProgress(p model.ImportProgress) {
	m.meter.Events(int64(p.Events))
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case p.Total > 0:
		if m.stage != stageWriting {
			m.stage = stageWriting
			m.meter.Stage("writing the store", p.Total)
		}
		m.meter.Done(p.Written)
	case p.Placing && m.stage == stageReading:
		m.stage = stagePlacing
		m.meter.Stage("placing linked events", 0)
	}
}

// stop ends the meter and clears its line, if it was started; once
// stopped, it does nothing.
func (m *importMeter) stop() {
	if m.meter == nil || m.stopped {
		return
	}
	m.stopped = true
	close(m.done)
	m.meter.Stop()
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

// Read reads from r and adds what it read to n.
func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
