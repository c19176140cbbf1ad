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
	if !slices.Equal(l.strings(), []string{"a", "b", "c"}) {
		t.Fatalf("listOf = %q; want sorted, each once", l)
	}
	for id, want := range map[string]bool{"a": true, "c": true, "": false, "d": false, "bb": false, "0": false} {
		if l.has(id) != want {
			t.Errorf("has(%q) = %v", id, !want)
		}
	}
	for _, tt := range []struct {
		name    string
		changes map[string]bool
		want    []string
		same    bool
	}{
		{"nothing", nil, []string{"a", "b", "c"}, true},
		{"as it was", map[string]bool{"a": true, "z": false}, []string{"a", "b", "c"}, true},
		{"in at the start, the middle, the end", map[string]bool{"0": true, "ab": true, "d": true}, []string{"0", "a", "ab", "b", "c", "d"}, false},
		{"out", map[string]bool{"a": false, "c": false}, []string{"b"}, false},
		{"all out", map[string]bool{"a": false, "b": false, "c": false}, nil, false},
		{"in and out", map[string]bool{"b": false, "bb": true}, []string{"a", "bb", "c"}, false},
	} {
		got := l.with(tt.changes)
		if !slices.Equal(got.strings(), tt.want) || sameList(got, l) != tt.same {
			t.Errorf("%s: with = %q (the same list: %v); want %q (%v)", tt.name, got, sameList(got, l), tt.want, tt.same)
		}
	}
	if !slices.Equal(l.strings(), []string{"a", "b", "c"}) {
		t.Errorf("with changed the list it was given: %q", l)
	}
	if u := unionOf(l, idList{}); !sameList(u, l) {
		t.Errorf("the union of one list is %q, not the list", u)
	}
	if u := unionOf(l, listOf([]string{"b", "e"})); !slices.Equal(u.strings(), []string{"a", "b", "c", "e"}) {
		t.Errorf("unionOf = %q", u)
	}
	if u := unionOf(listOf([]string{"b", "d"}), l, listOf([]string{"0", "d", "e"})); !slices.Equal(u.strings(), []string{"0", "a", "b", "c", "d", "e"}) {
		t.Errorf("unionOf of three = %q", u)
	}
	if got := (idList{}).with(map[string]bool{"b": true, "a": true, "c": false}); !slices.Equal(got.strings(), []string{"a", "b"}) {
		t.Errorf("no list with ids put in = %q", got)
	}
	if got := merged(idList{}, l); !slices.Equal(got.strings(), l.strings()) {
		t.Errorf("merged with no list = %q", got)
	}
	if unionOf().len() != 0 || !sameList(idList{}, listOf(nil)) || sameList(l, listOf([]string{"a", "b", "c"})) {
		t.Error("empty lists are one set; lists made apart are not one list")
	}
	if ids := queryIDs(); ids == nil || len(ids) != 0 {
		t.Errorf("the ids of no list for a query: %#v, want an empty list", ids)
	}
	if a, b := queryIDs(l), queryIDs(l); unsafe.SliceData(a) != unsafe.SliceData(b) {
		t.Error("a list's ids for a query are made anew each time: the store would not know them again")
	}
}

// A list made whole keeps its ids' text in the list's order, one after
// another, each once, and no pointer for each id: the collector follows
// two a list.
func TestIDListTextInOrder(t *testing.T) {
	l := listOf([]string{"ev-3", "ev-1", "ev-22", "ev-1"})
	if l.d.text != "ev-1ev-22ev-3" || !slices.Equal(l.d.ends, []uint32{4, 9, 13}) {
		t.Fatalf("the list's text %q, ends %v; want the ids in order, each once", l.d.text, l.d.ends)
	}
	if l.d.strs != nil {
		t.Error("a list made whole holds the ids as strings before a query asks for them")
	}
	// Ids given again anywhere in the list, as the sets gather them (an
	// event once for each quote).
	if l := listOf([]string{"c", "b", "a", "b", "c", "c", "ab", "a"}); !slices.Equal(l.strings(), []string{"a", "ab", "b", "c"}) || l.len() != 4 {
		t.Errorf("listOf with ids given again = %q (%d), want each once", l, l.len())
	}
	if u := unionOf(listOf([]string{"a", "c", "e"}), listOf([]string{"b", "c", "e", "f"})); !slices.Equal(u.strings(), []string{"a", "b", "c", "e", "f"}) {
		t.Errorf("the union of lists sharing ids past their first = %q", u)
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

// BenchmarkIDListUnion makes the ids of two sets of half a million for a
// query, as choosing both in the picker does, in Update.
func BenchmarkIDListUnion(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var x, y idListBuilder
	for _, n := range r.Perm(1_000_000) {
		id := fmt.Sprintf("ev-%07d", n)
		if n%2 == 0 {
			x.add(id)
		}
		if n%3 == 0 {
			y.add(id)
		}
	}
	a, c := x.list(), y.list()
	b.ReportAllocs()
	for b.Loop() {
		queryIDs(a, c)
	}
}
