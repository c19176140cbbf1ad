package extsort

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNotedValuesReadBack notes the records of one group, of every size
// (a value may be empty, or longer than a run's buffer), spread over
// runs and the spill at Streams, and reads each back by where the notes
// say it is: every record of the group, and only those, once.
func TestNotedValuesReadBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, limit := range []int{256, 4 << 10, 1 << 20} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			s := New(t.TempDir(), limit)
			defer s.Remove()
			s.Note('e')
			want := map[string]string{}
			all := map[string]string{}
			for i := range 3000 {
				letter := "aceit"[rng.IntN(5)]
				key := fmt.Sprintf("k%05d", i)
				value := strings.Repeat(string(rune('a'+i%26)), []int{0, 1, 100, 300, 70 << 10}[rng.IntN(5)])
				if i%700 == 1 {
					value = strings.Repeat("z", 3<<20) // too long for Value's three bytes of length
				}
				// Half the records' values are written in place.
				if i%2 == 0 {
					if err := s.Add(letter, []byte(key), []byte(value), RankNew); err != nil {
						t.Fatal(err)
					}
				} else if err := s.AddValue(append(s.Value(letter, []byte(key)), value...), RankNew); err != nil {
					t.Fatal(err)
				}
				if letter == 'e' {
					want[key] = value
				}
				all[string(letter)+key] = value
			}
			streams, err := s.Streams()
			if err != nil {
				t.Fatal(err)
			}
			defer CloseStreams(streams)
			merged := 0
			err = NewMerge(streams).Each(func(r *Record) error {
				merged++
				if w, ok := all[string(r.Key)]; !ok || string(r.Value) != w || r.Rank != RankNew {
					return fmt.Errorf("key %q: value of %d bytes, rank %d", r.Key, len(r.Value), r.Rank)
				}
				return nil
			})
			if err != nil || merged != len(all) {
				t.Fatalf("merged %d of %d records: %v", merged, len(all), err)
			}
			n, err := s.Noted()
			if err != nil || n == nil {
				t.Fatalf("Noted = %v, %v", n, err)
			}
			defer n.Close()
			var buf []byte
			seen := map[string]bool{}
			err = n.Each(func(key []byte, at ValueAt) error {
				k := string(key)
				w, ok := want[k]
				if !ok || seen[k] {
					return fmt.Errorf("key %q noted, not one of the group's, or twice", k)
				}
				seen[k] = true
				v, err := n.ReadAt(&buf, at)
				if err != nil {
					return err
				}
				if string(v) != w {
					return fmt.Errorf("key %q: value of %d bytes read back, want %d", k, len(v), len(w))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != len(want) {
				t.Errorf("%d records noted, want %d", len(seen), len(want))
			}
		})
	}
}

// TestNothingNotedInMemory: a sorter that never spilled holds its
// records in memory, where notes of runs cannot point; one that was not
// asked to note has none either.
func TestNothingNotedInMemory(t *testing.T) {
	s := New(t.TempDir(), 1<<20)
	defer s.Remove()
	s.Note('e')
	s.Add('e', []byte("k"), []byte("v"), RankNew)
	if _, err := s.Streams(); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Noted(); n != nil || err != nil {
		t.Errorf("in memory: Noted = %v, %v; want nil, nil", n, err)
	}
	s2 := New(t.TempDir(), 16)
	defer s2.Remove()
	for i := range 10 {
		s2.Add('e', []byte{byte(i)}, []byte("value"), RankNew)
	}
	if _, err := s2.Streams(); err != nil {
		t.Fatal(err)
	}
	if n, err := s2.Noted(); n != nil || err != nil {
		t.Errorf("not asked to note: Noted = %v, %v; want nil, nil", n, err)
	}
}
