package timesketch

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"

	"chrono/model"
)

// jsonl reads one JSON object per line; blank lines are allowed. A line
// that is not a valid object is reported and the next is read: JSONL
// lines stand alone. The first line is line blank+1.
//
// The reading goroutine splits the input into lines, workers convert
// them on every core, and the reading goroutine commits them in file
// order, so that the sink sees what a sequential read would show it. It
// hands over every line it has read before it reads more, so that the
// records of a stream reach the sink as they come (and the lines, which
// the workers read in place, stay valid until then).
func (rd *reader) jsonl(r io.Reader, blank int) error {
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *batch, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			p := newParser(rd.micros)
			p.shared = rd.shared
			for b := range work {
				b.convert(p)
			}
		})
	}
	defer wg.Wait()
	defer close(work)

	// Batches are committed in the order they were sent; at most
	// 2×workers are in flight.
	var pending []*batch
	deliver := func(b *batch) error {
		<-b.done
		for i := range b.results {
			if err := rd.commit(&b.results[i]); err != nil {
				return err
			}
		}
		return nil
	}
	cur := newBatch()
	send := func() error {
		if len(cur.lines) == 0 {
			return nil
		}
		b := cur
		cur = newBatch()
		work <- b // the worker owns it now
		pending = append(pending, b)
		for len(pending) >= 2*workers {
			b, pending = pending[0], pending[1:]
			if err := deliver(b); err != nil {
				return err
			}
		}
		return nil
	}
	var own *parser
	flush := func() error {
		if len(cur.lines) > 0 {
			// The last lines are converted here, not handed over: this
			// goroutine would only wait for them, and a stream that
			// brings a record at a time would pay for handing it over.
			if own == nil {
				own = newParser(rd.micros)
				own.shared = rd.shared
			}
			cur.convert(own)
			pending = append(pending, cur)
			cur = newBatch()
		}
		for len(pending) > 0 {
			var b *batch
			b, pending = pending[0], pending[1:]
			if err := deliver(b); err != nil {
				return err
			}
		}
		// A stream's records reach the sink before more is read, those
		// held back for records of their time too.
		return rd.flushRun()
	}

	in := newLines(r)
	limit := 0 // the bytes that close the current batch
	for n := blank; ; {
		text, err := in.next()
		if errors.Is(err, errNeedMore) {
			if err := flush(); err != nil {
				return err
			}
			in.fill()
			continue
		}
		n++
		if err != nil && !errors.Is(err, io.EOF) {
			if err := flush(); err != nil {
				return err // the records before come first
			}
			if errors.Is(err, errLineTooLong) {
				return model.Problem{Line: n, Msg: "a line longer than 64 MiB: is this really Timesketch JSONL?", Err: model.ErrRecordTooLarge}
			}
			return err
		}
		if len(bytes.TrimSpace(text)) > 0 {
			if len(cur.lines) == 0 {
				// Batches small enough that every worker gets some of
				// what is left to convert before the next read: all of
				// it is handed over then.
				limit = max(min(len(text)+in.buffered(), maxInFlight)/(2*workers), 1)
			}
			cur.add(text, n)
			// The last lines before the next read are left for flush.
			if len(cur.lines) == batchSize || cur.size >= limit && in.buffered() > 0 {
				if err := send(); err != nil {
					return err
				}
			}
		}
		if err != nil { // io.EOF: that was the last line
			return flush()
		}
	}
}
