package stored

import (
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// BenchmarkEncode encodes synthetic events into a buffer used again, as
// an import encodes each event it writes.
func BenchmarkEncode(b *testing.B) {
	var events []model.Event
	for e, err := range synth.Events(synth.DefaultSeed, 256) {
		if err != nil {
			b.Fatal(err)
		}
		events = append(events, e)
	}
	b.ReportAllocs()
	var buf []byte
	for i := 0; b.Loop(); i++ {
		buf = Encode(buf[:0], &events[i%len(events)])
	}
}
