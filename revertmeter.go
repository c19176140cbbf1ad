package main

import (
	"io"

	"chrono/tui/progress"
)

// revertMeter shows how far a large undo or revert has gone: the events
// taken back, then the store recording the change. An entry of few
// events is taken back at once, and draws nothing.
type revertMeter struct {
	to       io.Writer // nil keeps quiet
	terminal bool
	meter    *progress.Meter // nil until a large revert tells its progress
	writing  bool
}

// meteredFrom is how many events an entry touches before its revert
// shows its progress.
const meteredFrom = 4096

// progress is the model.RevertOptions Progress of the meter.
func (m *revertMeter) progress(done, total int) {
	if m.to == nil || total < meteredFrom {
		return
	}
	if m.meter == nil {
		m.meter = progress.New(m.to, m.terminal)
		m.meter.Stage("taking back", int64(total))
	}
	m.meter.Events(int64(done))
	m.meter.Done(int64(done))
	if done == total && !m.writing {
		// What is left is the store's: the entry recorded, the change
		// committed, which it does not count.
		m.writing = true
		m.meter.Stage("writing the store", 0)
	}
}

// stop clears the meter's line, if it drew one, before the result is
// said.
func (m *revertMeter) stop() {
	if m.meter != nil {
		m.meter.Stop()
		m.meter = nil
	}
}
