package extsort

import "errors"

// EachAhead is Each with the merging on a goroutine of its own, a batch
// of records ahead of fn: building a store, fn (bbolt placing each key)
// and the merge (reading the runs back, choosing each key's winner) then
// share two cores instead of taking turns on one. The records are copied
// into batches that are used again, so the collector has nothing more to
// do. guard runs the merging goroutine's work, as the caller runs its
// own: what a damaged file makes it raise comes back from EachAhead as
// the caller's guard would have made of it.
func (m *Merge) EachAhead(guard func(func() error) error, fn func(r *Record) error) error {
	full := make(chan *batch, aheadBatches-1)
	empty := make(chan *batch, aheadBatches)
	for range aheadBatches {
		empty <- &batch{}
	}
	stop := make(chan struct{})
	merged := make(chan error, 1)
	go func() {
		defer close(full)
		merged <- guard(func() error {
			b := <-empty
			b.reset()
			err := m.Each(func(r *Record) error {
				if b.add(r) {
					return nil
				}
				select {
				case full <- b:
				case <-stop:
					return errStopped
				}
				select {
				case b = <-empty:
				case <-stop:
					return errStopped
				}
				b.reset()
				b.add(r)
				return nil
			})
			if err == nil && len(b.records) > 0 {
				select {
				case full <- b:
				case <-stop:
				}
			}
			return err
		})
	}()
	var err error
	for b := range full {
		if err == nil {
			for i := range b.records {
				if err = fn(&b.records[i]); err != nil {
					close(stop) // the merge ends at its next hand-over
					break
				}
			}
		}
		empty <- b
	}
	if merr := <-merged; err == nil && merr != errStopped {
		err = merr
	}
	return err
}

// aheadBatches is how many batches there are: one being filled, one being
// used, one waiting.
const aheadBatches = 3

// batch holds records copied out of the merge: their bytes in one buffer.
type batch struct {
	bytes   []byte
	records []Record
}

// batchBytes and batchRecords bound a batch.
const (
	batchBytes   = 4 << 20
	batchRecords = 4 << 10
)

func (b *batch) reset() {
	if cap(b.bytes) > batchBytes {
		// Grown for one large record (a journal entry of hundreds of
		// megabytes): not kept for the batches after it.
		b.bytes = nil
	}
	b.bytes, b.records = b.bytes[:0], b.records[:0]
}

// add copies r into b, and reports false, copying nothing, when b is full.
// A large value of RankOld is not copied: it stays where it lies until
// the merge ends (Rank), and a journal entry of hundreds of megabytes
// carried over from the old store was copied whole.
func (b *batch) add(r *Record) bool {
	lies := r.Rank == RankOld && len(r.Value) > batchBytes
	n := len(r.Key)
	if !lies {
		n += len(r.Value)
	}
	if len(b.records) > 0 && (len(b.records) == batchRecords || len(b.bytes)+n > cap(b.bytes)) {
		return false
	}
	if len(b.bytes)+n > cap(b.bytes) {
		// The first record of a batch always goes in, however large.
		b.bytes = make([]byte, 0, max(batchBytes, n))
	}
	start := len(b.bytes)
	b.bytes = append(b.bytes, r.Key...)
	key := b.bytes[start : start+len(r.Key) : start+len(r.Key)]
	value := r.Value
	if !lies {
		b.bytes = append(b.bytes, r.Value...)
		value = b.bytes[start+len(r.Key) : start+n : start+n]
	}
	b.records = append(b.records, Record{Key: key, Value: value, Rank: r.Rank})
	return true
}

// errStopped ends a merge whose records are no longer wanted.
var errStopped = errors.New("the merge was stopped")
