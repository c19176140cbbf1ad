package bolt

import (
	"io"

	bbolt "go.etcd.io/bbolt"
)

// oldPages lets go of the pages of the old store that a bulk write's
// merge brings in as it reads them, however many of its records the
// merge passes on: an undo of an import deletes every event, so the
// merge passes none of them on, and the pages of all of them (190 MB at
// 200,000 events) stayed mapped in until the build.
type oldPages struct {
	tx   *bbolt.Tx
	read int
}

// releaseOldEvery is how many records of the old store are read between
// letting go of its pages.
const releaseOldEvery = 16 << 10

// next counts a record read.
func (o *oldPages) next() {
	if o.read++; o.read%releaseOldEvery == 0 {
		release(o.tx)
	}
}

// oldValue reads a value of the old store, letting go of its pages as
// it goes: a journal entry of hundreds of megabytes, copied into the new
// store, was mapped in whole.
type oldValue struct {
	tx    *bbolt.Tx
	value []byte
	since int
}

// releaseValueEvery is how much of a value is read between letting go
// of the pages.
const releaseValueEvery = 8 << 20

func (r *oldValue) Read(p []byte) (int, error) {
	if len(r.value) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.value[:min(len(r.value), releaseValueEvery-r.since)])
	r.value = r.value[n:]
	if r.since += n; r.since >= releaseValueEvery || len(r.value) == 0 {
		release(r.tx)
		r.since = 0
	}
	return n, nil
}
