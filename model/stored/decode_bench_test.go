package stored

import (
	"testing"

	"github.com/go-json-experiment/json"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/synth"
)

// BenchmarkDecode decodes synthetic events from their binary form, each
// string copied (Decode) or sharing one copy (DecodeWhole), and from the
// JSON the PostgreSQL store kept before its schema 12 (json): what a
// page's rows cost to read, by the event.
func BenchmarkDecode(b *testing.B) {
	var bins, jsons [][]byte
	for e, err := range synth.Events(synth.DefaultSeed, 256) {
		if err != nil {
			b.Fatal(err)
		}
		bins = append(bins, Encode(nil, &e))
		j, err := json.Marshal(&e)
		if err != nil {
			b.Fatal(err)
		}
		jsons = append(jsons, j)
	}
	for _, c := range []struct {
		name   string
		values [][]byte
		decode func([]byte) (model.Event, error)
	}{{"copied", bins, Decode}, {"whole", bins, DecodeWhole}, {"json", jsons, native.DecodeStored}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := c.decode(c.values[i%len(c.values)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
