package bolt

import (
	"maps"
	"strings"
	"testing"
	"unsafe"
)

func TestTallyAddsUpEachCounter(t *testing.T) {
	adds := []struct {
		c     counter
		delta int
	}{
		{counter{kind: counterTotal}, 1},
		{counter{kind: counterTotal}, 1},
		{counter{kind: counterTag, name: "verify"}, 1},
		{counter{kind: counterActor, name: "verify"}, 1}, // a name of another kind
		{counter{kind: counterTag, name: "verify"}, -1},
		{counter{kind: counterStatus, name: "alleged"}, 1},
		{counter{kind: counterCited, name: "src-1"}, 2},
		{counter{kind: counterPeriod, period: 7}, 1},
		{counter{kind: counterOrder, period: 7}, 1}, // the same period, another kind
		{counter{kind: counterSpan, period: 7, months: 3}, 1},
		{counter{kind: counterSpan, period: 7, months: 12}, 1},
		{counter{kind: counterSpan, period: 7, months: 3}, 1},
	}
	want := map[counter]int{}
	tl := newTally()
	for _, a := range adds {
		want[a.c] += a.delta
		tl.add(a.c, a.delta)
	}
	got := map[counter]int{}
	err := tl.each(func(c counter, delta int) error {
		if _, twice := got[c]; twice {
			t.Errorf("%+v said twice", c)
		}
		got[c] = delta
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("tally:\n got %v\nwant %v", got, want)
	}
}

// TestTallyKeepsItsOwnNames: a name is kept as a clone, not as the
// string it came in, which may share the text of a whole record
// (model.SharesText) and would keep it alive to the end of the import.
func TestTallyKeepsItsOwnNames(t *testing.T) {
	record := strings.Repeat("x", 1000) + "an actor" + strings.Repeat("y", 1000)
	name := record[1000:1008]
	tl := newTally()
	tl.add(counter{kind: counterActor, name: name}, 1)
	tl.add(counter{kind: counterActor, name: name}, 1)
	err := tl.each(func(c counter, n int) error {
		if c.kind != counterActor || c.name != "an actor" || n != 2 {
			t.Fatalf("tallied %+v %d times, want %q twice", c, n, "an actor")
		}
		start := uintptr(unsafe.Pointer(unsafe.StringData(record)))
		at := uintptr(unsafe.Pointer(unsafe.StringData(c.name)))
		if at >= start && at < start+uintptr(len(record)) {
			t.Errorf("the name kept is the record's text, not a clone")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
