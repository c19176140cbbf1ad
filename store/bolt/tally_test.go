package bolt

import (
	"maps"
	"testing"
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
