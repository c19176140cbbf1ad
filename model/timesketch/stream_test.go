package timesketch

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"chrono/model"
)

// gate is a reader that gives its first chunk, then, before giving the
// rest, records how many events the sink had by then.
type gate struct {
	first, rest string
	sink        *model.Collect
	seen        int // events in the sink when the rest was first asked for; -1 before
}

func (g *gate) Read(p []byte) (int, error) {
	if g.first != "" {
		n := copy(p, g.first)
		g.first = g.first[n:]
		return n, nil
	}
	if g.seen < 0 {
		g.seen = len(g.sink.Timeline.Events)
	}
	if g.rest == "" {
		return 0, io.EOF
	}
	n := copy(p, g.rest)
	g.rest = g.rest[n:]
	return n, nil
}

// TestReadStreams checks that Read hands over each record before it reads
// the next: the sink has the first event before the reader is asked for
// more than the first record.
func TestReadStreams(t *testing.T) {
	tests := []struct{ name, first, rest string }{
		{"jsonl",
			"{\"message\":\"one\",\"datetime\":\"2017\",\"timestamp_desc\":\"d\"}\n",
			"{\"message\":\"two\",\"datetime\":\"2018\",\"timestamp_desc\":\"d\"}\n"},
		{"csv",
			"message,datetime,timestamp_desc\n\"one\nline two\",2017,d\n",
			"two,2018,d\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c model.Collect
			g := &gate{first: tt.first, rest: tt.rest, sink: &c, seen: -1}
			if err := Read(g, &c, nil); err != nil {
				t.Fatal(err)
			}
			if g.seen != 1 {
				t.Errorf("the sink had %d events when more input was read, want 1", g.seen)
			}
			if len(c.Timeline.Events) != 2 {
				t.Errorf("read %d events, want 2", len(c.Timeline.Events))
			}
		})
	}
}

// heapSink counts events without keeping them, and samples the live heap
// as the read goes.
type heapSink struct {
	events int
	peak   uint64
}

func (s *heapSink) Header(model.Header) error      { return nil }
func (s *heapSink) Source(model.Source, int) error { return nil }
func (s *heapSink) Event(model.Event, int) error {
	s.events++
	if s.events%2000 == 0 {
		s.peak = max(s.peak, liveHeap())
	}
	return nil
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// records generates n JSONL records, each with an attribute of 1 KiB,
// without holding them all.
type records struct {
	n, i int
	buf  []byte
}

func (r *records) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		r.i++
		r.buf = fmt.Appendf(r.buf[:0], "{\"message\":\"event %d\",\"timestamp\":%d,\"timestamp_desc\":\"d\",\"blob\":%q}\n",
			r.i, int64(r.i)*1e6, strings.Repeat("x", 1024))
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestReadMemory checks that 20 MiB of records are read in far less
// memory than the input: the reader keeps a record at a time (and 6 bytes
// per made-up id), not the file.
func TestReadMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 20 MiB")
	}
	const n = 20_000
	base := liveHeap()
	sink := &heapSink{}
	if err := Read(&records{n: n}, sink, nil); err != nil {
		t.Fatal(err)
	}
	if sink.events != n {
		t.Fatalf("read %d events, want %d", sink.events, n)
	}
	input := uint64(n * 1100)
	if grown := sink.peak - min(base, sink.peak); grown > input/10 {
		t.Errorf("the live heap grew by %d KiB reading %d KiB", grown>>10, input>>10)
	}
}
