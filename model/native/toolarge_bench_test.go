package native

import (
	"io"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// BenchmarkValueTooLong refuses an event that never ends and reports how
// much of it was read and how large the heap grew meanwhile, sampled
// every millisecond: what refusing a record too large costs in memory.
func BenchmarkValueTooLong(b *testing.B) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var read, peak int64
	for b.Loop() {
		runtime.GC()
		done := make(chan struct{})
		sampled := make(chan int64)
		go func() {
			var most int64
			for {
				metrics.Read(sample)
				most = max(most, int64(sample[0].Value.Uint64()))
				select {
				case <-done:
					sampled <- most
					return
				case <-time.After(time.Millisecond):
				}
			}
		}()
		doc := &counted{r: io.MultiReader(strings.NewReader(`{"chrono": 1, "events": [{"id": "b", "title": "`), xs{})}
		if err := Read(doc, discard{}); err == nil {
			b.Fatal("an endless event was read")
		}
		close(done)
		read, peak = max(read, doc.n), max(peak, <-sampled)
	}
	b.ReportMetric(float64(read)/(1<<20), "MiB-read")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-peak")
}
