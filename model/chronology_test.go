package model

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// ev builds an event: "id date [rel:other ...]", "-" for undated; the
// title is the id unless a test sets it.
func ev(spec string) Event {
	f := strings.Fields(spec)
	e := Event{ID: f[0], Title: f[0]}
	if f[1] != "-" {
		e.Date = MustParseDate(f[1])
	}
	for _, l := range f[2:] {
		rel, other, _ := strings.Cut(l, ":")
		e.Links = append(e.Links, Link{Rel: Rel(rel), Event: other})
	}
	return e
}

func evs(specs ...string) []Event {
	out := make([]Event, len(specs))
	for i, s := range specs {
		out[i] = ev(s)
	}
	return out
}

func orderIDs(ch Chronology) string {
	ids := make([]string, len(ch.Events))
	for i, p := range ch.Events {
		ids[i] = p.Event.ID
	}
	return strings.Join(ids, " ")
}

// TestOrder: events are placed by the latest instant of their span as
// the links narrow it, then the earliest, then the chain of constraints,
// precision and title; ids only between indistinguishable events.
func TestOrder(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		want   string
	}{
		{"precise dates in date order",
			evs("b 2021-03-02", "a 2021-03-01", "c 2021-03-03"), "a b c"},
		{"a year closes its chapter: its months come first",
			evs("year 2021", "july 2021-07-18", "nov 2021-11-03", "jan22 2022-01-05"), "july nov year jan22"},
		{"an interval is placed by when it is known to have happened",
			evs("statement 2021/2022-02-01", "pegasus 2021-07-18", "apple 2021-11-23", "published 2022-02-01"),
			"pegasus apple statement published"},
		{"ties in the latest instant: the earlier start first",
			evs("wide 2019/2021", "narrow 2021"), "wide narrow"},
		{"same span: the more precise first, ids not consulted",
			evs("a-year 2021-01-01/2021-12-31", "z-day 2021"), "a-year z-day"},
		{"same span and precision: by title, not id",
			[]Event{{ID: "a", Title: "Zeta", Date: MustParseDate("2021")}, {ID: "b", Title: "Alpha", Date: MustParseDate("2021")}}, "b a"},
		{"identical events: by id",
			evs("b 2021", "a 2021"), "a b"},
		{"precedes narrows the latest instant",
			evs("later 2021-06-01", "early 2021 precedes:later", "mid 2021-05-01"), "mid early later"},
		{"follows narrows the earliest instant, carried down a chain",
			evs("call 2017-08", "tip 2017-08/2021 precedes:lieu", "lieu 2021", "referral 2021/2022-02-01 follows:lieu", "interview 2021/2022-02-01 follows:referral"),
			"call tip lieu referral interview"},
		{"the chain orders events with the same span, against their titles",
			[]Event{{ID: "x", Title: "A second", Date: MustParseDate("2021"), Links: []Link{{Follows, "y"}}}, {ID: "y", Title: "B first", Date: MustParseDate("2021")}}, "y x"},
		{"only a chain among events of the same span orders them",
			evs("z-first 2021", "b 2021 follows:z-first", "c 2021", "far 2019 precedes:c"), "far c z-first b"},
		{"a denial comes after what it denies",
			evs("denial 2021 disputes:claim", "claim 2021"), "claim denial"},
		{"disputed-by states it from the other side",
			evs("claim 2021 disputed-by:denial", "denial 2021"), "claim denial"},
		{"an undated event is placed by the dated ones it precedes",
			evs("u - precedes:b", "a 2021-01-01", "b 2021-06-01"), "a u b"},
		{"an undated event without links comes last, after open ends",
			evs("u -", "open 2019/..", "a 2021"), "a open u"},
		{"supports and related say nothing of order",
			evs("a 2021 supports:b", "b 2020 related:a"), "b a"},
		{"links to events not among them are ignored",
			evs("a 2021 follows:gone"), "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := Order(tt.events)
			if got := orderIDs(ch); got != tt.want {
				t.Errorf("order %q, want %q", got, tt.want)
			}
			if len(ch.Cycles) > 0 || len(ch.Conflicts) > 0 {
				t.Errorf("cycles %v, conflicts %v, want none", ch.Cycles, ch.Conflicts)
			}
		})
	}
}

// TestOrderNarrowedSpans: the narrowed span, and which event's date set
// each bound.
func TestOrderNarrowedSpans(t *testing.T) {
	ch := Order(evs("a 2019", "b 2018/2022 follows:a precedes:c", "c 2021"))
	var b Placed
	for _, p := range ch.Events {
		if p.Event.ID == "b" {
			b = p
		}
	}
	want := Span{MustParseDate("2019").Earliest(), MustParseDate("2021").Latest()}
	if b.Span != want || b.EarliestFrom != "a" || b.LatestFrom != "c" || b.Depth != 0 || !b.Narrowed() {
		t.Errorf("b placed %+v, want span %v from a and c at depth 0", b, want)
	}
}

// TestOrderCycles: a cycle is reported once, its constraints are left
// out, and the order still ends and keeps the others.
func TestOrderCycles(t *testing.T) {
	ch := Order(evs("a 2021 precedes:b", "b 2021 precedes:c", "c 2021 precedes:a", "d 2020 precedes:a", "e 2021"))
	if want := [][]string{{"a", "b", "c"}}; !slices.EqualFunc(ch.Cycles, want, slices.Equal) {
		t.Errorf("cycles %v, want %v", ch.Cycles, want)
	}
	if got := orderIDs(ch); got != "d a b c e" {
		t.Errorf("order %q", got)
	}
	two := Order(evs("x 2021 follows:y", "y 2021 follows:x"))
	if len(two.Cycles) != 1 || len(two.Cycles[0]) != 2 {
		t.Errorf("a two-event cycle: %v", two.Cycles)
	}
}

// TestOrderConflicts: A precedes B but A's earliest instant is after
// B's latest, directly or along a chain, is reported once, naming the
// two events whose dates disagree.
func TestOrderConflicts(t *testing.T) {
	ch := Order(evs("a 2022 precedes:b", "b 2019"))
	if len(ch.Conflicts) != 1 || ch.Conflicts[0].Before != "a" || ch.Conflicts[0].After != "b" || ch.Conflicts[0].Link.From != "a" {
		t.Fatalf("conflicts %+v", ch.Conflicts)
	}
	if got := orderIDs(ch); got != "b a" {
		t.Errorf("order %q: a link the dates cannot keep should move neither event", got)
	}
	// A chain: the first of the two links that make it is set aside,
	// and the conflict names the events whose dates it contradicts.
	chain := Order(evs("a 2022 precedes:u", "u - precedes:b", "b 2019", "c 2020"))
	if len(chain.Conflicts) != 1 || chain.Conflicts[0].Before != "a" || chain.Conflicts[0].After != "b" || chain.Conflicts[0].Link.From != "a" || !chain.Conflicts[0].Aside {
		t.Fatalf("chain conflicts %+v", chain.Conflicts)
	}
	if got := orderIDs(chain); got != "u b c a" {
		t.Errorf("chain order %q: the chain should move no dated event", got)
	}
}

// TestOrderConflictMovesNothing: a link the dates contradict leaves its
// linked group in the order of the dates, the events it joins as much as
// those its chains reach, and is the one link reported: the chains
// through it are no contradictions of their own, but it names, after its
// own two events, those whose dates its chains contradict.
func TestOrderConflictMovesNothing(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
		want   string
		pairs  []string // "before>after" of each conflict
	}{
		{"a link between two chains",
			evs("a 2020-01 precedes:b", "b 2021", "c 2021-03 precedes:d", "d 2022 precedes:a", "x 2020-06", "y 2023-01"),
			"a x c b d y", []string{"d>a", "c>a", "d>b"}},
		{"a denial dated before what it denies",
			evs("claim 2021-05 precedes:report", "report 2021-08", "denial 2020 disputes:claim", "reply 2020-03 follows:denial"),
			"denial reply claim report", []string{"claim>denial", "claim>reply"}},
		{"an undated event the contradicted link does not concern",
			evs("late 2022 precedes:early", "early 2019", "u - precedes:late"),
			"early u late", []string{"late>early"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := Order(tt.events)
			if got := orderIDs(ch); got != tt.want {
				t.Errorf("order %q, want %q", got, tt.want)
			}
			var pairs []string
			for _, c := range ch.Conflicts {
				pairs = append(pairs, c.Before+">"+c.After)
				if c.Link != ch.Conflicts[0].Link || !c.Aside {
					t.Errorf("conflicts %+v, want those of the one link set aside", ch.Conflicts)
				}
			}
			if !slices.Equal(pairs, tt.pairs) {
				t.Errorf("conflicts name %q, want %q", pairs, tt.pairs)
			}
			for _, p := range ch.Events {
				if p.Span.Earliest.Compare(p.Span.Latest) > 0 {
					t.Errorf("%s is left no date: %+v", p.Event.ID, p.Span)
				}
			}
		})
	}
}

// TestOrderLinearExtension: for random spans and random acyclic
// constraints, every constraint's earlier event comes first, but for
// those set aside, and no chain the dates contradict moves an event.
func TestOrderLinearExtension(t *testing.T) {
	dates := []string{"-", "2019", "2020", "2021", "2021-03", "2021-03-05", "2020/2022", "2021/..", "../2020", "2019-06/2021-01", "2021-03-05T10:00:00Z"}
	rels := []Rel{Precedes, Follows, Disputes, DisputedBy, Supports, Related}
	r := rand.New(rand.NewPCG(17, 1))
	for round := range 2000 {
		n := 2 + r.IntN(9)
		// a hidden rank makes the links acyclic: a link only ever goes
		// from a lower rank to a higher one.
		rank := r.Perm(n)
		events := make([]Event, n)
		for i := range events {
			events[i] = ev(fmt.Sprintf("e%d %s", i, dates[r.IntN(len(dates))]))
			events[i].Title = fmt.Sprint("t", r.IntN(3))
		}
		for range r.IntN(2 * n) {
			i, j := r.IntN(n), r.IntN(n)
			if rank[i] > rank[j] {
				i, j = j, i
			}
			if i == j {
				continue
			}
			rel := rels[r.IntN(len(rels))]
			// i comes before j: state it from whichever side rel reads.
			switch rel {
			case Precedes, DisputedBy:
				events[i].Links = append(events[i].Links, Link{rel, events[j].ID})
			case Follows, Disputes:
				events[j].Links = append(events[j].Links, Link{rel, events[i].ID})
			default:
				k := r.IntN(n)
				events[k].Links = append(events[k].Links, Link{rel, events[r.IntN(n)].ID})
			}
		}
		ch := Order(events)
		if len(ch.Cycles) > 0 {
			t.Fatalf("round %d: cycles %v in acyclic links", round, ch.Cycles)
		}
		pos := map[string]int{}
		for k, p := range ch.Events {
			pos[p.Event.ID] = k
		}
		byID := map[string]*Event{}
		for i := range events {
			byID[events[i].ID] = &events[i]
		}
		// By the two events: two links that state the same order are
		// one constraint, set aside together.
		aside := map[[2]string]bool{}
		for _, c := range ch.Conflicts {
			if c.Aside {
				aside[[2]string{c.Link.Before, c.Link.After}] = true
			}
		}
		for i := range events {
			for _, c := range Constraints(&events[i]) {
				if aside[[2]string{c.Before, c.After}] {
					continue
				}
				if pos[c.Before] > pos[c.After] {
					t.Fatalf("round %d: %s, but %q comes after %q in %s", round, c.Phrase(), c.Before, c.After, orderIDs(ch))
				}
			}
		}
		// No chain the dates surely contradict is left to move an event.
		for _, p := range ch.Events {
			from, to := byID[cmp.Or(p.EarliestFrom, p.Event.ID)], byID[cmp.Or(p.LatestFrom, p.Event.ID)]
			if to.Date.SurelyBefore(from.Date) {
				t.Fatalf("round %d: %s placed between %s and %s, which its links put in the wrong order, in %s", round, p.Event.ID, from.ID, to.ID, orderIDs(ch))
			}
		}
		// The order does not depend on the order events are given in.
		shuffled := slices.Clone(events)
		r.Shuffle(n, func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if a, b := orderIDs(ch), orderIDs(Order(shuffled)); a != b {
			t.Fatalf("round %d: order %s, shuffled %s", round, a, b)
		}
	}
}

// TestContradictions: each kind of impossibility is reported, naming its
// events; a consistent investigation has none.
func TestContradictions(t *testing.T) {
	events := evs("a 2022 precedes:b", "b 2019", "x 2021 follows:y", "y 2021 follows:x", "late 2023", "early 2019", "fine 2021-06 follows:early")
	events[4].DateText, events[4].DateSource = "last year", "post"
	events[5].Quotes = []Quote{{Text: "it will happen", Source: "old", Stance: Asserts}, {Text: "background", Source: "old", Stance: Context}}
	events[6].DateSource = "post"
	events[6].Quotes = []Quote{{Text: "it happened", Source: "post"}}
	sources := []Source{{ID: "post", Published: MustParseDate("2022-02-01")}, {ID: "old", Published: MustParseDate("2018-05")}}
	var got []string
	for _, c := range Contradictions(events, sources, nil) {
		got = append(got, strings.Join(c.Events, ",")+": "+c.What)
	}
	want := []string{
		`a,b: "a" precedes "b", but "a" is dated 2022 and "b" 2019: "a"'s earliest instant is after "b"'s latest; chrono orders both by their dates, setting the link aside`,
		`x,y: a cycle of order, each before the next: "x" before "y" before "x"`,
		`late: "late" is dated 2023, after the publication of source "post" (2022-02-01) that its date text ("last year") is anchored to`,
		`early: "early" quotes source "old" (quote #1), published 2018-05, before the event it is said to describe (dated 2019)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("contradictions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if c := Contradictions(evs("a 2019 precedes:b", "b 2021"), nil, nil); len(c) != 0 {
		t.Errorf("consistent: %v", c)
	}
}

// TestSourceContradictionsAreSure: what the sources make impossible is
// said only when it is: a day without an offset may be in any zone beside
// a time with one; c. 2020 may be December 2019; and a source may say
// what is to come ("next year").
func TestSourceContradictionsAreSure(t *testing.T) {
	published := map[string]Date{"paper": MustParseDate("2019-05-01"), "post": MustParseDate("2022-02-01"), "late": MustParseDate("2019-12-20")}
	for _, tt := range []struct {
		name, date, text, source, quoted string
		want                             bool
	}{
		{"a speech that evening, by its offset the next day in UTC", "2019-05-01T21:00:00-05:00", "", "", "paper", false},
		{"a speech two days after", "2019-05-03T09:00:00-05:00", "", "", "paper", true},
		{"an event the day after", "2019-05-02", "", "", "paper", true},
		{"words that say what is to come", "2023", "next year", "post", "", false},
		{"words that say what was", "2023", "last year", "post", "", true},
		{"words that name another year", "2019", "last year", "post", "", true},
		{"words that name its year", "2021-06", "last year", "post", "", false},
		{"about another year", "2019~", "last year", "post", "", false},
		{"yesterday, late in a zone west of UTC", "2022-01-31T20:00:00-05:00", "yesterday", "post", "", false},
		{"yesterday, two days before", "2022-01-30", "yesterday", "post", "", true},
		{"words that are a date", "2018", "August 2017", "", "", true},
		{"words that are its date", "2017-08-14", "August 2017", "", "", false},
		{"a day of a month, its year unsaid", "2019-03-03", "March 3", "paper", "", false},
		{"a day of a month, its year unsaid, unanchored", "2019-12-31", "Dec. 31", "", "", false},
		{"a season and a year written short", "2021-07", "summer 21", "", "", false},
		{"a month, a comma and a day", "2019-03-03", "March, 3", "paper", "", false},
		{"about 2020", "2020~", "", "", "late", false},
		{"perhaps 2020", "2020?", "", "", "late", false},
		{"2020", "2020", "", "", "late", true},
	} {
		e := Event{ID: "e", Date: MustParseDate(tt.date), DateText: tt.text, DateSource: tt.source}
		if tt.quoted != "" {
			e.Quotes = []Quote{{Text: "q", Source: tt.quoted}}
		}
		if got := len(SourceContradictions(&e, published)) > 0; got != tt.want {
			t.Errorf("%s: contradiction %v, want %v: %v", tt.name, got, tt.want, SourceContradictions(&e, published))
		}
	}
}

// TestLinkConflictsAreSure: a link's order is said to be contradicted
// only when no zone and no approximation could make it hold.
func TestLinkConflictsAreSure(t *testing.T) {
	for _, tt := range []struct {
		name, before, after string
		want                bool
	}{
		{"an evening with its offset before a day without one", "2019-05-01T21:00:00-05:00", "2019-05-01", false},
		{"a day without an offset after a time with one, a day later in UTC", "2019-05-02", "2019-05-01T21:00:00-05:00", false},
		{"c. 2020 before 2019", "2020~", "2019", false},
		{"2022 before 2019", "2022", "2019", true},
		{"a time two days after, before a day", "2019-05-03T09:00:00-05:00", "2019-05-01", true},
	} {
		events := []Event{
			{ID: "a", Title: "A", Date: MustParseDate(tt.before), Links: []Link{{Rel: Precedes, Event: "b"}}},
			{ID: "b", Title: "B", Date: MustParseDate(tt.after)},
		}
		if got := len(Order(events).Conflicts) > 0; got != tt.want {
			t.Errorf("%s: conflict %v, want %v", tt.name, got, tt.want)
		}
	}
}
