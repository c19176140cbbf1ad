package pg

import (
	"testing"

	"chrono/model/synth"

	"github.com/go-json-experiment/json"
)

func BenchmarkZZDecode(b *testing.B) {
	var bodies [][]byte
	for e := range synth.Events(synth.DefaultSeed, 1000) {
		body, _ := json.Marshal(&e)
		bodies = append(bodies, body)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		decodeEvent("x", bodies[i%len(bodies)])
		i++
	}
}
