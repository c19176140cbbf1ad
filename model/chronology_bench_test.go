package model_test

import (
	"fmt"
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// BenchmarkOrder orders a synthetic investigation whole, about one event
// in eight linked to an earlier one: what chrono check does, and what a
// store would do to build its index from nothing.
func BenchmarkOrder(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			events := make([]model.Event, 0, n)
			for e, err := range synth.Events(17, n) {
				if err != nil {
					b.Fatal(err)
				}
				events = append(events, e)
			}
			b.ResetTimer()
			for b.Loop() {
				ch := model.Order(events)
				if len(ch.Events) != n {
					b.Fatal(len(ch.Events))
				}
			}
		})
	}
}
