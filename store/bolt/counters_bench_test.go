package bolt

import (
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// BenchmarkCounters lists the counters of 20,000 synthetic events, as a
// large import does for each event it reads, on its one goroutine.
func BenchmarkCounters(b *testing.B) {
	var es []model.Event
	var keys [][]byte
	for e, err := range synth.Events(synth.DefaultSeed, 20000) {
		if err != nil {
			b.Fatal(err)
		}
		es = append(es, e)
		keys = append(keys, model.OrderKey(&e))
	}
	n := 0
	for b.Loop() {
		for i := range es {
			_ = counters(&es[i], keys[i], func(counter) error { n++; return nil })
		}
	}
	if n == 0 {
		b.Fatal("no counters")
	}
}
