package bolt

import (
	"sync/atomic"

	"chrono/model"
)

// addPipe takes the events an import adds to a store that holds none to
// a goroutine of their own, which works out their keys, encodes them and
// hands their records to the sorter, in the order they were read. On the
// reading goroutine, that work kept the workers decoding the file idle
// for want of events to decode: the reading goroutine was the import's
// bottleneck.
type addPipe struct {
	next   []model.Event      // the batch being filled
	work   chan []model.Event // batches to add
	spare  chan []model.Event // batches added, to fill again
	done   chan error         // the goroutine's first error, once it ends
	failed atomic.Bool        // set as soon as an event could not be added
}

// pipeBatch is how many events go to the adding goroutine at a time.
const pipeBatch = 256

// startPipe starts the goroutine that adds the events sent to it with
// add, until stop.
func startPipe(add func(*model.Event) error) *addPipe {
	p := &addPipe{
		work:  make(chan []model.Event, 4),
		spare: make(chan []model.Event, 6),
		done:  make(chan error, 1),
	}
	go func() {
		var err error
		for events := range p.work {
			for i := range events {
				if err != nil {
					break // the batches left are only drained
				}
				if err = add(&events[i]); err != nil {
					p.failed.Store(true)
				}
			}
			clear(events) // what they hold is the sorter's now
			select {
			case p.spare <- events[:0]:
			default:
			}
		}
		p.done <- err
	}()
	return p
}

// send hands e on. It returns false once an event sent before could not
// be added: stop then says why.
func (p *addPipe) send(e *model.Event) bool {
	if p.next == nil {
		select {
		case p.next = <-p.spare:
		default:
			p.next = make([]model.Event, 0, pipeBatch)
		}
	}
	p.next = append(p.next, *e)
	if len(p.next) == pipeBatch {
		p.work <- p.next
		p.next = nil
	}
	return !p.failed.Load()
}

// stop waits until every event sent has been added, ends the goroutine
// and returns the first error it met.
func (p *addPipe) stop() error {
	if len(p.next) > 0 {
		p.work <- p.next
	}
	close(p.work)
	return <-p.done
}
