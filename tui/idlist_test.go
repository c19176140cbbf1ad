package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

func TestIDList(t *testing.T) {
	l := listOf([]string{"c", "a", "b", "a"})
	if !slices.Equal(l, idList{"a", "b", "c"}) {
		t.Fatalf("listOf = %q; want sorted, each once", l)
	}
	for id, want := range map[string]bool{"a": true, "c": true, "": false, "d": false, "bb": false} {
		if l.has(id) != want {
			t.Errorf("has(%q) = %v", id, !want)
		}
	}
	for _, tt := range []struct {
		name    string
		changes map[string]bool
		want    idList
		same    bool
	}{
		{"nothing", nil, l, true},
		{"as it was", map[string]bool{"a": true, "z": false}, l, true},
		{"in at the start, the middle, the end", map[string]bool{"0": true, "ab": true, "d": true}, idList{"0", "a", "ab", "b", "c", "d"}, false},
		{"out", map[string]bool{"a": false, "c": false}, idList{"b"}, false},
		{"in and out", map[string]bool{"b": false, "bb": true}, idList{"a", "bb", "c"}, false},
	} {
		got := l.with(tt.changes)
		if !slices.Equal(got, tt.want) || sameList(got, l) != tt.same {
			t.Errorf("%s: with = %q (the same list: %v); want %q (%v)", tt.name, got, sameList(got, l), tt.want, tt.same)
		}
	}
	if !slices.Equal(l, idList{"a", "b", "c"}) {
		t.Errorf("with changed the list it was given: %q", l)
	}
	if u := unionOf(l, nil); !sameList(u, l) {
		t.Errorf("the union of one list is %q, not the list", u)
	}
	if u := unionOf(l, listOf([]string{"b", "e"})); !slices.Equal(u, idList{"a", "b", "c", "e"}) {
		t.Errorf("unionOf = %q", u)
	}
	if u := unionOf(listOf([]string{"b", "d"}), l, listOf([]string{"0", "d", "e"})); !slices.Equal(u, idList{"0", "a", "b", "c", "d", "e"}) {
		t.Errorf("unionOf of three = %q", u)
	}
	if unionOf() != nil || !sameList(nil, idList{}) || sameList(l, listOf([]string{"a", "b", "c"})) {
		t.Error("empty lists are one set; lists made apart are not one list")
	}
}

// A list made whole keeps its ids' text in the list's order, one after
// another, each once.
func TestIDListTextInOrder(t *testing.T) {
	l := listOf([]string{"ev-3", "ev-1", "ev-22", "ev-1"})
	if !slices.Equal(l, idList{"ev-1", "ev-22", "ev-3"}) {
		t.Fatalf("listOf = %q", l)
	}
	for i := 1; i < len(l); i++ {
		if unsafe.StringData(l[i]) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(l[i-1])), len(l[i-1]))) {
			t.Errorf("%q does not follow %q in the list's text", l[i], l[i-1])
		}
	}
}

// BenchmarkIDListHas looks ids up in a list the size of the ↯ set at a
// million events, as each row drawn does: the ids came in timeline
// order, which is not theirs.
func BenchmarkIDListHas(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var lb idListBuilder
	var probes []string
	for _, n := range r.Perm(1_000_000) {
		id := fmt.Sprintf("ev-%07d", n)
		if n%2 == 0 {
			lb.add(id)
		}
		if len(probes) < 4096 {
			probes = append(probes, id)
		}
	}
	l := lb.list()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		l.has(probes[i%len(probes)])
	}
}
