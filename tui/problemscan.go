package tui

import (
	"sync"

	"chrono/model"
)

// A server's sessions are told of a change all at once, and each then
// asks which events have a chronology problem: a scan that reads every
// event when sources have publication dates (seconds, at 100,000 events
// on a busy machine). Fifty sessions scanning each for themselves, a
// few changes a second, fell ever further behind, and their keys with
// them. The browsers of one process that read one store (by Location)
// therefore share the scan: one runs at a time, and those who ask while
// it runs are answered by the next, which begins after they asked.

// problemScans are the scans by store location.
var problemScans sync.Map // string → *problemScan

// problemScan is the scan of one store.
type problemScan struct {
	mu      sync.Mutex
	running bool
	waiting []problemAsk
}

// problemAsk is one browser's question, and the store it reads.
type problemAsk struct {
	s      model.Store
	answer chan problemsMsg
}

// sharedProblems is problemEvents, shared with the other browsers of the
// process that ask about the same store meanwhile.
func sharedProblems(s model.Store) (map[string]bool, error) {
	v, _ := problemScans.LoadOrStore(s.Location(), &problemScan{})
	p := v.(*problemScan)
	ask := problemAsk{s: s, answer: make(chan problemsMsg, 1)}
	p.mu.Lock()
	p.waiting = append(p.waiting, ask)
	if !p.running {
		p.running = true
		go p.run()
	}
	p.mu.Unlock()
	got := <-ask.answer
	return got.ids, got.err
}

// run scans for those waiting until none is; the answer is shared, and
// never changed by those it is given to.
func (p *problemScan) run() {
	for {
		p.mu.Lock()
		batch := p.waiting
		p.waiting = nil
		if len(batch) == 0 {
			p.running = false
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		ids, err := problemEvents(batch[len(batch)-1].s) // the newest asker's store is open
		for _, a := range batch {
			a.answer <- problemsMsg{ids: ids, err: err}
		}
	}
}
