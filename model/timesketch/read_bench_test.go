package timesketch

import (
	"bytes"
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

// BenchmarkReadJSONL reads 20,000 synthetic events as chrono exports
// them: with chrono's keys.
func BenchmarkReadJSONL(b *testing.B) {
	const n = 20000
	var buf bytes.Buffer
	if _, err := WriteJSONL(&buf, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n), nil); err != nil {
		b.Fatal(err)
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
