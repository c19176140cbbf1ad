package extsort

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// BenchmarkMerge merges 36 streams held in memory (as many as a million
// events' import sorts into runs) of records shaped as an import's: keys
// of one bucket that share their first bytes, so that the comparisons,
// not the reading, are what is timed.
func BenchmarkMerge(b *testing.B) {
	const streams, each = 36, 20_000
	rng := rand.New(rand.NewPCG(7, 8))
	lists := make([][]Record, streams)
	for s := range lists {
		for i := range each {
			key := fmt.Appendf(nil, "e+002017%06d%08d", rng.IntN(1e6), s*each+i)
			lists[s] = append(lists[s], Record{Key: key, Value: key[:8], Rank: RankNew})
		}
		slices.SortFunc(lists[s], func(a, b Record) int { return Compare(&a, &b) })
	}
	for b.Loop() {
		ss := make([]Stream, streams)
		for s := range ss {
			ss[s] = &List{Records: lists[s]}
		}
		n := 0
		if err := NewMerge(ss).Each(func(*Record) error { n++; return nil }); err != nil || n != streams*each {
			b.Fatalf("merged %d records (%v)", n, err)
		}
	}
	b.ReportMetric(float64(b.N*streams*each)/b.Elapsed().Seconds(), "records/s")
}
