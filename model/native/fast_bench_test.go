package native

import (
	"bytes"
	"testing"

	"chrono/model"
)

// BenchmarkDecodeFast decodes the events of a synthetic investigation of
// 20,000 events, as written (indented), one value at a time, as the
// import's workers do.
func BenchmarkDecodeFast(b *testing.B) {
	events := synthEvents(b)
	sp := newSplitter(bytes.NewReader(events), nil, 0)
	var values [][]byte
	size := 0
	for {
		v, ok, err := sp.next(func(int64) {})
		if err != nil {
			b.Fatal(err)
		}
		if !ok {
			break
		}
		values = append(values, bytes.Clone(v))
		size += len(v)
	}
	b.SetBytes(int64(size))
	var f fastReader // kept from one event to the next, as a worker keeps it
	for b.Loop() {
		for _, v := range values {
			var e model.Event
			if _, ok := f.decode(v, &e); !ok {
				b.Fatalf("not decoded: %s", v)
			}
		}
	}
}
