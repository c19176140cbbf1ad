package timesketch

// batchSize is how many records a worker converts at a time: enough to
// make handing them over cheap, few enough to keep memory flat.
const batchSize = 256

// maxInFlight bounds the text of the batches in flight, and so the
// records converted and not yet sent, on any number of cores: batches of
// long records hold no more memory than batches of short ones.
const maxInFlight = 256 << 10

// batch is a run of consecutive records: their lines going out to a
// worker, and the converted records coming back.
type batch struct {
	lines   [][]byte // in the read buffer, valid until it is filled again
	nums    []int    // the line numbers of lines
	size    int      // the bytes in lines
	results []result
	done    chan struct{}
}

func newBatch() *batch { return &batch{done: make(chan struct{})} }

func (b *batch) add(line []byte, n int) {
	b.lines = append(b.lines, line)
	b.nums = append(b.nums, n)
	b.size += len(line)
}

// convert converts the lines, on a worker (or in the reading goroutine,
// for the last before a read), and lets go of them.
func (b *batch) convert(p *parser) {
	b.results = make([]result, len(b.lines))
	for i, line := range b.lines {
		p.line(line, b.nums[i], &b.results[i])
	}
	b.lines = nil
	close(b.done)
}
