// Package progress reports how far a long command has gone: on a
// terminal as one line redrawn in place (what, how much, how fast, how
// long to go), elsewhere as a plain line every few seconds, so that a log
// stays readable.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"chrono/model"
)

// Meter tracks a piece of work and draws it. Its counters may be set from
// any goroutine.
type Meter struct {
	w        io.Writer
	terminal bool
	every    time.Duration
	start    time.Time
	now      func() time.Time

	stage     atomic.Pointer[stage]
	done      atomic.Int64 // bytes (or records) done of the stage's total
	events    atomic.Int64
	stop      chan struct{}
	stopped   sync.WaitGroup
	lastWidth int
}

// stage is a part of the work: its name, size (0: not known) and start,
// set together so that a line never shows one stage's name with
// another's size.
type stage struct {
	name  string
	total int64
	at    time.Duration // since the meter's start
}

// New starts a meter that draws to w, in place when terminal is true.
func New(w io.Writer, terminal bool) *Meter {
	every := 5 * time.Second
	if terminal {
		every = 200 * time.Millisecond
	}
	return newMeter(w, terminal, every)
}

func newMeter(w io.Writer, terminal bool, every time.Duration) *Meter {
	m := &Meter{w: w, terminal: terminal, every: every, now: time.Now, stop: make(chan struct{})}
	m.start = m.now()
	m.stage.Store(&stage{name: "reading"})
	m.stopped.Go(m.run)
	return m
}

// Stage names the part of the work under way and its size (0 when not
// known), and starts counting it from zero.
func (m *Meter) Stage(name string, total int64) {
	m.done.Store(0)
	m.stage.Store(&stage{name: name, total: total, at: m.now().Sub(m.start)})
}

// Done sets how much of the stage is done.
func (m *Meter) Done(n int64) { m.done.Store(n) }

// Add adds to how much of the stage is done.
func (m *Meter) Add(n int64) { m.done.Add(n) }

// Events sets how many events have been read.
func (m *Meter) Events(n int64) { m.events.Store(n) }

// Stop stops drawing and clears the line.
func (m *Meter) Stop() {
	close(m.stop)
	m.stopped.Wait()
	if m.terminal && m.lastWidth > 0 {
		fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.lastWidth))
	}
}

func (m *Meter) run() {
	t := time.NewTicker(m.every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.draw()
		}
	}
}

// String is the line the meter would draw now.
func (m *Meter) String() string {
	elapsed := m.now().Sub(m.start)
	st := m.stage.Load()
	return Line(st.name, m.done.Load(), st.total, m.events.Load(), elapsed, elapsed-st.at)
}

func (m *Meter) draw() {
	line := m.String()
	if !m.terminal {
		fmt.Fprintln(m.w, line)
		return
	}
	pad := max(m.lastWidth-len(line), 0)
	fmt.Fprintf(m.w, "\r%s%s", line, strings.Repeat(" ", pad))
	m.lastWidth = len(line)
}

// Line describes progress in words: "reading 45% · 412,000 events ·
// 103,000 events/s · about 5s to go". The rate is over the whole work,
// the time to go over the stage.
func Line(stage string, done, total, events int64, elapsed, inStage time.Duration) string {
	parts := []string{stage}
	if total > 0 {
		parts[0] += fmt.Sprintf(" %d%%", min(done*100/total, 100))
	}
	if events > 0 {
		parts = append(parts, model.Thousands(events)+" events")
		if secs := elapsed.Seconds(); secs > 0.5 {
			parts = append(parts, model.Thousands(int64(float64(events)/secs))+" events/s")
		}
	}
	if total > 0 && done > 0 && done < total && inStage > time.Second {
		left := time.Duration(float64(inStage) * float64(total-done) / float64(done))
		parts = append(parts, "about "+left.Round(time.Second).String()+" to go")
	}
	return strings.Join(parts, " · ")
}
