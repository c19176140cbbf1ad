package extsort

import (
	"testing"

	"chrono/model"
	"chrono/model/synth"
)

// BenchmarkSort sorts, without writing them, the records a buffer of an
// import of synthetic events holds, shaped as the store's: each event's
// value under its order key, its id's entry and its history key (in the
// order of the file, which lists its events by id), and an entry for
// each of its tags.
func BenchmarkSort(b *testing.B) {
	s := New(b.TempDir(), 1<<30)
	value := make([]byte, 700)
	for e, err := range synth.Events(synth.DefaultSeed, 30_000) {
		if err != nil {
			b.Fatal(err)
		}
		order := model.OrderKey(&e)
		s.Add('e', order, value, RankNew)
		s.Add('i', []byte(e.ID), order, RankNew)
		s.Add('h', append([]byte(e.ID+"\x00"), 0, 0, 0, 0, 0, 0, 0, 1), []byte("a"), RankNew)
		for _, t := range e.Tags {
			s.Add('t', append([]byte(t+"\x00"), order...), nil, RankNew)
		}
	}
	arrived := append([]sortEntry(nil), s.offs...)
	for b.Loop() {
		copy(s.offs, arrived)
		s.sorted()
	}
}

// BenchmarkSortSharedPrefix sorts 300,000 index entries of one tag longer
// than the records' prefix: their prefixes are all alike, and only
// comparing their keys whole orders them.
func BenchmarkSortSharedPrefix(b *testing.B) {
	s := New(b.TempDir(), 1<<30)
	tag := []byte("a-tag-longer-than-the-prefix-the-sorter-keeps\x00")
	for i := range 300_000 {
		key := append(append([]byte{}, tag...), byte(i*7919>>16), byte(i*7919>>8), byte(i*7919))
		s.Add('t', key, nil, RankNew)
	}
	arrived := append([]sortEntry(nil), s.offs...)
	for b.Loop() {
		copy(s.offs, arrived)
		s.sorted()
	}
}
