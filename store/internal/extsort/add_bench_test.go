package extsort

import (
	"testing"

	"chrono/model"
	"chrono/model/stored"
	"chrono/model/synth"
)

// BenchmarkAddEvent adds synthetic events' stored values under their
// order keys, encoded apart and copied in (Add), or encoded in place
// (Value, AddValue), as a large import adds each event it reads.
func BenchmarkAddEvent(b *testing.B) {
	var events []model.Event
	var orders [][]byte
	for e, err := range synth.Events(synth.DefaultSeed, 1024) {
		if err != nil {
			b.Fatal(err)
		}
		events = append(events, e)
		orders = append(orders, model.OrderKey(&e))
	}
	for _, inPlace := range []bool{false, true} {
		name := "copied"
		if inPlace {
			name = "inplace"
		}
		b.Run(name, func(b *testing.B) {
			s := New(b.TempDir(), 1<<40)
			s.arena = make([]byte, 0, 40<<20)
			var enc []byte
			for i := 0; b.Loop(); i++ {
				e := &events[i%len(events)]
				if inPlace {
					s.AddValue(stored.Encode(s.Value('e', orders[i%len(events)]), e), RankNew)
				} else {
					enc = stored.Encode(enc[:0], e)
					s.Add('e', orders[i%len(events)], enc, RankNew)
				}
				if len(s.arena) > 32<<20 {
					s.arena, s.offs = s.arena[:0], s.offs[:0]
				}
			}
		})
	}
}
