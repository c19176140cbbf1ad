package model_test

import (
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// BenchmarkEventCheck checks synthetic events on their own, as an import
// checks each event it reads.
func BenchmarkEventCheck(b *testing.B) {
	var events []model.Event
	for e, err := range synth.Events(synth.DefaultSeed, 1024) {
		if err != nil {
			b.Fatal(err)
		}
		events = append(events, e)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if p := events[i%len(events)].Check(); len(p) > 0 {
			b.Fatal(p)
		}
	}
}
