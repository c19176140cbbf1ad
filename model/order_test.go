package model

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestOrderKeysSortAsOrder: the keys of placed events sort exactly as
// Order places them, with and without constraints, cycles and
// contradictions among them; each key gives back its id and the date
// the event states.
func TestOrderKeysSortAsOrder(t *testing.T) {
	dates := []string{"-", "2019", "2020", "2021", "2021-03", "2021-03-05", "2020/2022", "2021/..", "../2020", "2019-06/2021-01", "2021-03-05T10:00:00Z"}
	rels := []Rel{Precedes, Follows, Disputes, DisputedBy, Supports}
	titles := []string{"", "a", "a\x00", "a\x00b", "b"}
	r := rand.New(rand.NewPCG(17, 4))
	for round := range 2000 {
		n := 1 + r.IntN(9)
		events := make([]Event, n)
		for i := range events {
			events[i] = ev(fmt.Sprintf("e%d %s", i, dates[r.IntN(len(dates))]))
			events[i].Title = titles[r.IntN(len(titles))]
		}
		for range r.IntN(2 * n) {
			i, j := r.IntN(n), r.IntN(n+1) // n: a link to an event not there
			other := fmt.Sprint("e", j)
			events[i].Links = append(events[i].Links, Link{rels[r.IntN(len(rels))], other})
		}
		ch := Order(events)
		keys := make([][]byte, len(ch.Events))
		for k := range ch.Events {
			p := &ch.Events[k]
			keys[k] = p.OrderKey()
			if got := OrderKeyID(keys[k]); got != p.Event.ID {
				t.Fatalf("round %d: OrderKeyID = %q, want %q", round, got, p.Event.ID)
			}
			earliest, latest, dated := OrderKeyBounds(keys[k])
			if stated := SpanOf(p.Event.Date); dated != !p.Event.Date.IsZero() || dated && (earliest != stated.Earliest || latest != stated.Latest) {
				t.Fatalf("round %d: %s: key bounds %v %v %v, date %v", round, p.Event.ID, earliest, latest, dated, p.Event.Date)
			}
		}
		if !slices.IsSortedFunc(keys, bytes.Compare) {
			var ids []string
			for _, k := range slices.SortedFunc(slices.Values(keys), bytes.Compare) {
				ids = append(ids, OrderKeyID(k))
			}
			t.Fatalf("round %d: Order %s, keys %v", round, orderIDs(ch), ids)
		}
	}
}

// TestOrderKeysHoldTheTitlesFirstBytes: an order key holds a title's
// first OrderTitleBytes bytes, so that a title as long as a line may be
// keyed by every store; Order then compares the same bytes, and tells
// titles that agree so far apart by id, as the keys do. BoundOrderKey
// makes a key written with the whole title into today's.
func TestOrderKeysHoldTheTitlesFirstBytes(t *testing.T) {
	long := strings.Repeat("x", OrderTitleBytes-1)
	for _, title := range []string{
		"short", long, long + "y", long + "yz", long + "\x00z", long[:OrderTitleBytes-2] + "\x00yz",
		strings.Repeat("a\x00", OrderTitleBytes), strings.Repeat("é", MaxLineBytes/2),
	} {
		e := Event{ID: "ev-1", Date: MustParseDate("2020-05"), Title: title}
		key := OrderKey(&e)
		if len(key) > orderHeadLen+2*OrderTitleBytes+2+len(e.ID)+1+orderPrefixLen {
			t.Errorf("title of %d bytes: key of %d bytes", len(title), len(key))
		}
		// The key as it was written with the whole title.
		tail := key[orderHeadLen:]
		for i := 0; ; i++ {
			if tail[i] == 0 && tail[i+1] == 0xFF {
				i++
				continue
			}
			if tail[i] == 0 {
				tail = tail[i:]
				break
			}
		}
		whole := append(bytes.Clone(key[:orderHeadLen]), bytes.ReplaceAll([]byte(title), []byte{0}, []byte{0, 0xFF})...)
		whole = append(whole, tail...)
		bound, changed, ok := BoundOrderKey(whole)
		if !ok || !bytes.Equal(bound, key) || changed != (len(title) > OrderTitleBytes) {
			t.Errorf("title of %d bytes: BoundOrderKey of the whole key = %q, %v, %v; want %q, %v", len(title), bound, changed, ok, key, len(title) > OrderTitleBytes)
		}
		if id := OrderKeyID(bound); id != e.ID {
			t.Errorf("title of %d bytes: the bound key's id is %q", len(title), id)
		}
	}
	// Titles that agree in their first OrderTitleBytes: by id, in Order as
	// in the keys.
	events := []Event{
		{ID: "b", Date: MustParseDate("2020"), Title: long + "x" + "a"},
		{ID: "a", Date: MustParseDate("2020"), Title: long + "x" + "b"},
	}
	ch := Order(events)
	if got := ch.Events[0].Event.ID; got != "a" {
		t.Errorf("Order puts %q first; the keys put a first", got)
	}
	if bytes.Compare(ch.Events[0].OrderKey(), ch.Events[1].OrderKey()) >= 0 {
		t.Error("the keys are not in Order's order")
	}
}

// FuzzBoundOrderKey: any bytes, as a store may hold after damage, are
// cut without a panic; a key cut keeps its id and what follows it, and
// cutting it again changes nothing.
func FuzzBoundOrderKey(f *testing.F) {
	e := Event{ID: "ev-1", Date: MustParseDate("2020-05"), Title: strings.Repeat("t\x00", 700)}
	f.Add(OrderKey(&e))
	f.Add([]byte("short"))
	f.Fuzz(func(t *testing.T, key []byte) {
		bound, changed, ok := BoundOrderKey(key)
		if !ok {
			return
		}
		id, stated, _ := orderKeyTail(key)
		bid, bstated, bok := orderKeyTail(bound)
		if !bok || !bytes.Equal(id, bid) || !bytes.Equal(stated, bstated) {
			t.Fatalf("cut %q into %q: id or stated date changed", key, bound)
		}
		if again, twice, _ := BoundOrderKey(bound); twice || !bytes.Equal(again, bound) {
			t.Fatalf("cutting %q again changed it", bound)
		}
		if !changed && !bytes.Equal(bound, key) {
			t.Fatalf("unchanged, but %q is not %q", bound, key)
		}
	})
}
