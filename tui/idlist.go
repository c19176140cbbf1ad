package tui

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
	"unsafe"
)

// idList is a set of event ids, sorted, each once, and never changed
// once made: the sets worked out in the background (setscan.go) are
// given to every browser as they are, and a change makes a new list.
//
// Its ids are one text, and where each ends in it: the collector has two
// pointers to follow in a list, where a list of strings had one for each
// id. At a million events the sets hold half a million ids, three
// quarters of what the browser keeps, and marking them took most of a
// collection (13 to 29 ms, some ten times a second while keys are
// pressed): the slowest keys were those a collection ran beside. A query
// by id needs the ids as strings (model.Query.IDs): they are made the
// first time one asks (strings), and kept with the list, so that the
// store knows the list again by them.
type idList struct{ d *idText }

// idText is what an idList holds.
type idText struct {
	text string
	ends []uint32 // where each id ends in text
	once sync.Once
	strs []string
}

// len is how many ids the list holds.
func (l idList) len() int {
	if l.d == nil {
		return 0
	}
	return len(l.d.ends)
}

// size is the length of the list's text.
func (l idList) size() int {
	if l.d == nil {
		return 0
	}
	return len(l.d.text)
}

// at is the list's i-th id, a part of its text.
func (l idList) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = l.d.ends[i-1]
	}
	return l.d.text[start:l.d.ends[i]]
}

// all yields the ids in order.
func (l idList) all() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range l.len() {
			if !yield(l.at(i)) {
				return
			}
		}
	}
}

// strings returns the ids as strings, made once for the list and kept.
func (l idList) strings() []string {
	if l.d == nil {
		return nil
	}
	l.d.once.Do(func() {
		strs := make([]string, l.len())
		for i := range strs {
			strs[i] = l.at(i)
		}
		l.d.strs = strs
	})
	return l.d.strs
}

// String is the list's ids, for messages.
func (l idList) String() string { return fmt.Sprint(slices.Collect(l.all())) }

// listOf returns the ids as a list.
func listOf(ids []string) idList {
	var b idListBuilder
	for _, id := range ids {
		b.add(id)
	}
	return b.list()
}

// idListBuilder gathers ids for a list, their text in one buffer as
// they come: a scan that finds half a million holds no string of each.
type idListBuilder struct {
	text []byte
	ends []uint32
}

func (b *idListBuilder) add(id string) {
	b.text = append(b.text, id...)
	b.ends = append(b.ends, uint32(len(b.text)))
}

// list returns the ids gathered as a list (sorted, each once), and
// starts the builder again.
func (b *idListBuilder) list() idList {
	if len(b.ends) == 0 {
		return idList{}
	}
	// The buffers are the list's from here on, never written again.
	gathered := idList{&idText{text: unsafe.String(unsafe.SliceData(b.text), len(b.text)), ends: b.ends}}
	*b = idListBuilder{}
	order := make([]int32, gathered.len())
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return cmp.Compare(gathered.at(int(i)), gathered.at(int(j))) })
	// The text again in the list's order: ids came in timeline order,
	// and a lookup's last steps (has, for every row drawn) then read
	// bytes far apart.
	sorted := sizedFor(len(gathered.d.text), len(order))
	for _, i := range order {
		sorted.add(gathered.at(int(i)))
	}
	return sorted.list()
}

// sortedBuilder makes a list of ids given in order, each once it is
// given again in a row (as a sort leaves them).
type sortedBuilder struct{ idListBuilder }

// sizedFor returns a sortedBuilder with room for text bytes of ids and
// n of them: the lists are made in Update (with, merged), of up to half
// a million ids, which appending alone would copy over and over.
func sizedFor(text, n int) sortedBuilder {
	return sortedBuilder{idListBuilder{text: make([]byte, 0, text), ends: make([]uint32, 0, n)}}
}

func (b *sortedBuilder) add(id string) {
	if n := len(b.ends); n > 0 {
		start := uint32(0)
		if n > 1 {
			start = b.ends[n-2]
		}
		if string(b.text[start:]) == id {
			return
		}
	}
	b.idListBuilder.add(id)
}

func (b *sortedBuilder) list() idList {
	if len(b.ends) == 0 {
		return idList{}
	}
	l := idList{&idText{text: unsafe.String(unsafe.SliceData(b.text), len(b.text)), ends: slices.Clip(b.ends)}}
	*b = sortedBuilder{}
	return l
}

// has reports whether id is in the list.
func (l idList) has(id string) bool {
	lo, hi := 0, l.len()
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l.at(m) < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < l.len() && l.at(lo) == id
}

// with returns the list with each id changes names put in (true) or
// taken out (false): l itself when that changes nothing.
func (l idList) with(changes map[string]bool) idList {
	var in, out []string
	for _, id := range slices.Sorted(maps.Keys(changes)) {
		switch has := l.has(id); {
		case changes[id] && !has:
			in = append(in, id)
		case !changes[id] && has:
			out = append(out, id)
		}
	}
	if len(in) == 0 && len(out) == 0 {
		return l
	}
	added := 0
	for _, id := range in {
		added += len(id)
	}
	b := sizedFor(l.size()+added, l.len()+len(in))
	for id := range l.all() {
		for len(in) > 0 && in[0] < id {
			b.add(in[0])
			in = in[1:]
		}
		if len(out) > 0 && out[0] == id {
			out = out[1:]
			continue
		}
		b.add(id)
	}
	for _, id := range in {
		b.add(id)
	}
	return b.list()
}

// unionOf returns the ids in any of lists: the list itself when there
// is one.
func unionOf(lists ...idList) idList {
	lists = slices.DeleteFunc(lists, func(l idList) bool { return l.len() == 0 })
	switch len(lists) {
	case 0:
		return idList{}
	case 1:
		return lists[0]
	}
	u := lists[0]
	for _, l := range lists[1:] {
		u = merged(u, l)
	}
	return u
}

// merged is the union of two lists in one pass over each: it runs in
// Update (a filter chosen, the sets come again), on lists of up to half
// a million ids, which sorting again compared some twenty times each.
func merged(a, b idList) idList {
	out := sizedFor(a.size()+b.size(), a.len()+b.len())
	i, j := 0, 0
	for i < a.len() && j < b.len() {
		x, y := a.at(i), b.at(j)
		switch {
		case x < y:
			out.add(x)
			i++
		case y < x:
			out.add(y)
			j++
		default:
			out.add(x)
			i, j = i+1, j+1
		}
	}
	for ; i < a.len(); i++ {
		out.add(a.at(i))
	}
	for ; j < b.len(); j++ {
		out.add(b.at(j))
	}
	return out.list()
}

// queryIDs are the ids in any of lists, for a query by id: the list's
// own strings when there is one list, so that the store knows them
// again, and an empty list, not none, when they hold no id (a query by
// id that selects nothing).
func queryIDs(lists ...idList) []string {
	if ids := unionOf(lists...).strings(); ids != nil {
		return ids
	}
	return []string{}
}

// sameList reports whether a and b are one list: a list given out is
// never changed, so the same list is the same set.
func sameList(a, b idList) bool {
	return a.len() == b.len() && (a.len() == 0 || a.d == b.d)
}
