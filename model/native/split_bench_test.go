package native

import (
	"bytes"
	"testing"

	"chrono/model/synth"

	"github.com/go-json-experiment/json/jsontext"
)

// synthEvents is the events array of a synthetic investigation of 20,000
// events, as Write writes it, from just after its '['.
func synthEvents(b *testing.B) []byte {
	var buf bytes.Buffer
	if err := Write(&buf, synth.Header(20000), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, 20000)); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	at := bytes.Index(doc, []byte(`"events": [`))
	if at < 0 {
		b.Fatal("no events array")
	}
	return doc[at+len(`"events": [`):]
}

// BenchmarkSplit splits the events as the reading goroutine does.
func BenchmarkSplit(b *testing.B) {
	events := synthEvents(b)
	b.SetBytes(int64(len(events)))
	for b.Loop() {
		sp := newSplitter(bytes.NewReader(events), nil, 0)
		for n := 0; ; n++ {
			_, ok, err := sp.next(func(int64) {})
			if err != nil {
				b.Fatal(err)
			}
			if !ok {
				if n != 20000 {
					b.Fatalf("split %d events", n)
				}
				break
			}
		}
	}
}

// BenchmarkSplitByDecoder splits them with a decoder that checks every
// byte, as the reading goroutine did before the splitter.
func BenchmarkSplitByDecoder(b *testing.B) {
	events := synthEvents(b)
	doc := append([]byte("["), events...)
	b.SetBytes(int64(len(events)))
	for b.Loop() {
		dec := jsontext.NewDecoder(bytes.NewReader(doc))
		if _, err := dec.ReadToken(); err != nil {
			b.Fatal(err)
		}
		for dec.PeekKind() != ']' {
			if _, err := dec.ReadValue(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
