package native

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

// SharesText says discard keeps no string, as a store's import into a
// new store keeps none: the events' strings are cut from their records.
func (discard) SharesText() bool { return true }

// BenchmarkRead reads a synthetic investigation of 20,000 events.
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, synth.Header(20000), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, 20000)); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if err := Read(bytes.NewReader(doc), discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*20000)/b.Elapsed().Seconds(), "events/s")
}
