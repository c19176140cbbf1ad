package model

import (
	"slices"
	"strings"
	"testing"
)

// TestOrderSetsAsideFewest: a chain of links the dates contradict has
// the fewest of its links set aside, named in the conflicts and the
// contradictions, and every event stays in the order of its date.
func TestOrderSetsAsideFewest(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		order  string
		aside  []string // "before>after" of each link set aside
		named  []string // the events the contradictions name
	}{
		{"through an undated event",
			evs("a 2020 precedes:b", "b - precedes:c", "c 2019", "x 2019-06", "y 2020-06"),
			"x b c y a", []string{"a>b"}, []string{"a", "b", "c"}},
		{"through an approximate date, the link that leaves it its year",
			evs("a 2020 precedes:b", "b 2019~ precedes:c", "c 2019", "y 2020-06"),
			"b c y a", []string{"a>b"}, []string{"a", "b", "c"}},
		{"one link shared by two chains, not one of each, naming both",
			evs("z 2021 precedes:m", "m - precedes:b precedes:c", "b 2019", "c 2018"),
			"m c b z", []string{"z>m", "z>m"}, []string{"b", "c", "m", "z"}},
		{"one link shared by chains from two dates, naming both",
			evs("y 2020 precedes:z", "z 2021 precedes:m", "m - precedes:c", "c 2019"),
			"c y z m", []string{"m>c", "m>c"}, []string{"c", "m", "y", "z"}},
		{"a link of its own, as before",
			evs("a 2022 precedes:b", "b 2019", "c 2020"),
			"b c a", []string{"a>b"}, []string{"a", "b"}},
		{"a cycle moves nothing, and sets nothing aside",
			evs("a 2020 precedes:b", "b - precedes:c", "c 2019 precedes:a", "x 2019-06"),
			"x c a b", nil, []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := Order(tt.events)
			if got := orderIDs(ch); got != tt.order {
				t.Errorf("order %q, want %q", got, tt.order)
			}
			var aside []string
			for _, c := range ch.Conflicts {
				if c.Aside {
					aside = append(aside, c.Link.Before+">"+c.Link.After)
				}
			}
			if !slices.Equal(aside, tt.aside) {
				t.Errorf("set aside %q, want %q", aside, tt.aside)
			}
			var named []string
			for _, c := range Contradictions(tt.events, nil, &ch) {
				named = append(named, c.Events...)
			}
			slices.Sort(named)
			if named = slices.Compact(named); !slices.Equal(named, tt.named) {
				t.Errorf("the contradictions name %q, want %q", named, tt.named)
			}
			for _, p := range ch.Events {
				if p.Span.Earliest.Compare(p.Span.Latest) > 0 {
					t.Errorf("%s is placed past its own date: %+v", p.Event.ID, p.Span)
				}
			}
		})
	}
}

// TestContradictionNamesTheLinkOfAChain: the contradiction of a chain
// says which link the order set aside, and which dates the chain
// through it contradicts.
func TestContradictionNamesTheLinkOfAChain(t *testing.T) {
	events := evs("a 2020 precedes:b", "b - precedes:c", "c 2019")
	cs := Contradictions(events, nil, nil)
	if len(cs) != 1 {
		t.Fatalf("contradictions %+v, want one", cs)
	}
	want := `"a" precedes "b", which with the other links puts "a" before "c", but "a" is dated 2020 and "c" 2019: "a"'s earliest instant is after "c"'s latest; chrono orders the events by their dates, setting that link aside`
	if cs[0].What != want {
		t.Errorf("says\n%s\nwant\n%s", cs[0].What, want)
	}
}

// TestContradictionNamesEveryDateALinkContradicts: a link set aside
// that ends two chains names both pairs of events whose dates they
// contradict, so that neither event is left unmarked.
func TestContradictionNamesEveryDateALinkContradicts(t *testing.T) {
	events := evs("a 2020 precedes:m", "m - precedes:c precedes:d", "c 2019", "d 2018")
	var got []string
	for _, c := range Contradictions(events, nil, nil) {
		got = append(got, c.What)
	}
	const tail = "; chrono orders the events by their dates, setting that link aside"
	want := []string{
		`"a" precedes "m", which with the other links puts "a" before "d", but "a" is dated 2020 and "d" 2018: "a"'s earliest instant is after "d"'s latest` + tail,
		`"a" precedes "m", which with the other links puts "a" before "c", but "a" is dated 2020 and "c" 2019: "a"'s earliest instant is after "c"'s latest` + tail,
	}
	if !slices.Equal(got, want) {
		t.Errorf("says\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrderSetsAsideGroupByGroup: the links set aside in a group are
// the same whether it is ordered alone, as a store places it, or with
// other groups, as chrono check reads every linked event at once.
func TestOrderSetsAsideGroupByGroup(t *testing.T) {
	groups := [][]Event{
		evs("a 2020 precedes:b", "b 2019~ precedes:c", "c 2019"),
		evs("z 2021 precedes:m", "m - precedes:p precedes:q", "p 2019", "q 2018"),
		evs("k 2022 precedes:l", "l 2019", "j 2023 precedes:k"),
	}
	asideOf := func(ch Chronology) []string {
		var out []string
		for _, c := range ch.Conflicts {
			if c.Aside {
				out = append(out, c.Link.Phrase())
			}
		}
		slices.Sort(out)
		return out
	}
	var all []Event
	var want []string
	for _, g := range groups {
		all = append(all, g...)
		want = append(want, asideOf(Order(g))...)
	}
	slices.Sort(want)
	if got := asideOf(Order(all)); !slices.Equal(got, want) {
		t.Errorf("ordered together, set aside %q; one by one %q", got, want)
	}
}

// TestOrderSetsAsideAcrossZones: a date without an offset may be in any
// zone beside one with it, so the event that starts latest is not always
// the one a chain is surely contradicted by. The link from 10:00 UTC to
// 04:00 UTC is contradicted by its own dates, though 2019, which 04:00
// UTC precedes, ends earlier still but not surely before 10:00 UTC: it
// is set aside and said, and the others hold.
func TestOrderSetsAsideAcrossZones(t *testing.T) {
	at := func(id, date string, next ...string) Event {
		e := Event{ID: id, Title: id, Date: MustParseDate(date)}
		for _, n := range next {
			e.Links = append(e.Links, Link{Rel: Precedes, Event: n})
		}
		return e
	}
	events := []Event{
		at("c", "2020-01-01T10:00:00Z", "a"),
		at("a", "2020-01-01T04:00:00Z", "b"),
		at("b", "2019"),
		at("x", "2020-01-01T06:00:00Z"),
	}
	ch := Order(events)
	if got, want := orderIDs(ch), "a b x c"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
	var aside []string
	for _, c := range ch.Conflicts {
		if c.Aside {
			aside = append(aside, c.Link.Before+">"+c.Link.After)
		}
	}
	if want := []string{"c>a"}; !slices.Equal(aside, want) {
		t.Errorf("set aside %q, want %q", aside, want)
	}
	if cs := Contradictions(events, nil, &ch); len(cs) != 1 || !slices.Equal(cs[0].Events, []string{"c", "a"}) {
		t.Errorf("contradictions %+v, want the one of c and a", cs)
	}
}

// TestFewestAsideIsBounded: the search for the fewest links reads, all
// told, no more than maxAsideWork links and events, and the few more
// that cutting each chain in turn takes, however many links a part of a
// group has: 40 events of 2020 precede four layers of 40 undated ones,
// each preceding every one of the next, and the last every one of 40
// events of 2019.
func TestFewestAsideIsBounded(t *testing.T) {
	const w = 40
	events := layeredContradictions(w)
	index := map[string]int{}
	for i := range events {
		index[events[i].ID] = i
	}
	var links [][2]int
	for i := range events {
		for _, c := range Constraints(&events[i]) {
			links = append(links, [2]int{index[c.Before], index[c.After]})
		}
	}
	s := newAsideSearch(events, links, nil)
	if got := len(s.fewest()); got != w {
		t.Errorf("set aside %d links, want %d", got, w)
	}
	if work, most := s.evals*(len(s.links)+len(s.verts)), maxAsideWork+4*w*(len(s.links)+len(s.verts)); work > most {
		t.Errorf("judged %d sets of %d links: %d read, want at most %d", s.evals, len(s.links), work, most)
	}
}
