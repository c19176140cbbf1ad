package extsort

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkSpill sorts and writes a buffer of records shaped as an
// import's: tags' keys sharing their first bytes, ids, and some keys
// twice at two ranks.
func BenchmarkSpill(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	type rec struct {
		bucket     byte
		key, value []byte
		rank       Rank
	}
	var recs []rec
	for i := range 200_000 {
		order := fmt.Appendf(nil, "+002017%06d%08d", rng.IntN(1e6), i)
		switch i % 4 {
		case 0:
			recs = append(recs, rec{'t', append([]byte("shell-company\x00"), order...), nil, RankNew})
		case 1:
			recs = append(recs, rec{'i', fmt.Appendf(nil, "ev-%07d", rng.IntN(1e7)), order, RankNew})
		case 2:
			recs = append(recs, rec{'e', order, make([]byte, 700), RankNew}, rec{'e', order, nil, RankDelete})
		default:
			recs = append(recs, rec{'h', fmt.Appendf(nil, "ev-%07d\x00%08d", i, 1), nil, RankNew})
		}
	}
	dir := b.TempDir()
	for b.Loop() {
		b.StopTimer()
		s := New(dir, 96<<20) // holds them all
		for _, r := range recs {
			if err := s.Add(r.bucket, r.key, r.value, r.rank); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if err := s.spill(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Remove()
		b.StartTimer()
	}
}
