package timesketch

import (
	"bytes"
	"fmt"
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// discard is a Sink that keeps nothing, so that a benchmark measures the
// reader alone.
type discard struct{}

func (discard) Header(model.Header) error      { return nil }
func (discard) Source(model.Source, int) error { return nil }
func (discard) Event(model.Event, int) error   { return nil }

// discardShared is discard for a sink that takes events whose strings
// share their record's text, as an import into a new store does.
type discardShared struct{ discard }

func (discardShared) SharesText() bool { return true }

// BenchmarkReadJSONL reads 20,000 synthetic events as chrono exports
// them: with chrono's keys.
func BenchmarkReadJSONL(b *testing.B) { benchmarkReadJSONL(b, discard{}) }

// BenchmarkReadJSONLShared is BenchmarkReadJSONL for a sink that takes
// events whose strings share their record's text, as an import into a
// new store does.
func BenchmarkReadJSONLShared(b *testing.B) { benchmarkReadJSONL(b, discardShared{}) }

func benchmarkReadJSONL(b *testing.B, sink model.Sink) {
	const n = 20000
	var buf bytes.Buffer
	if _, err := WriteJSONL(&buf, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n), nil); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if err := Read(bytes.NewReader(doc), sink, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkReadJSONLMadeIDs reads 20,000 records without ids, as
// Timesketch or Plaso write them, one in a hundred alike the one before:
// each made an id, and those of one time held back together.
func BenchmarkReadJSONLMadeIDs(b *testing.B) {
	const n = 20000
	var buf bytes.Buffer
	for i := range n {
		at, msg := i, i
		if i%100 == 99 {
			at, msg = i-1, i-1
		}
		fmt.Fprintf(&buf, `{"message":"File %d opened","datetime":"2021-06-01T12:%02d:%02d+00:00","timestamp_desc":"Last Access","filename":"/home/%d.txt","parser":"filestat"}`+"\n", msg, at/60%60, at%60, i)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if err := Read(bytes.NewReader(doc), discard{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "events/s")
}
