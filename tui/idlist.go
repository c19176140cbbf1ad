package tui

import (
	"maps"
	"slices"
	"unsafe"
)

// idList is a set of event ids, sorted, each once, and never changed
// once made: the sets worked out in the background (setscan.go) are
// given to every browser and to the store's queries as they are, and a
// change makes a new list. A list made whole keeps its ids' text in
// one string: half a million ids take some 16 bytes each beside their
// text, where a map of them took about 60, and no id holds on to the
// event it was read from.
type idList []string

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
		return nil
	}
	// The buffer is the list's from here on, never written again.
	all := unsafe.String(unsafe.SliceData(b.text), len(b.text))
	ids := make(idList, len(b.ends))
	start := uint32(0)
	for i, end := range b.ends {
		ids[i], start = all[start:end], end
	}
	*b = idListBuilder{}
	slices.Sort(ids)
	ids = slices.Clip(slices.Compact(ids))
	// The text again in the list's order: ids came in timeline order,
	// and a lookup's last steps (has, for every row drawn) then read
	// bytes far apart.
	size := 0
	for _, id := range ids {
		size += len(id)
	}
	text := make([]byte, 0, size)
	for _, id := range ids {
		text = append(text, id...)
	}
	sorted := unsafe.String(unsafe.SliceData(text), len(text))
	at := 0
	for i, id := range ids {
		ids[i], at = sorted[at:at+len(id)], at+len(id)
	}
	return ids
}

// has reports whether id is in the list.
func (l idList) has(id string) bool {
	_, ok := slices.BinarySearch(l, id)
	return ok
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
	merged := make(idList, 0, len(l)+len(in)-len(out))
	for _, id := range l {
		for len(in) > 0 && in[0] < id {
			merged = append(merged, in[0])
			in = in[1:]
		}
		if len(out) > 0 && out[0] == id {
			out = out[1:]
			continue
		}
		merged = append(merged, id)
	}
	return append(merged, in...)
}

// unionOf returns the ids in any of lists: the list itself when there
// is one.
func unionOf(lists ...idList) idList {
	lists = slices.DeleteFunc(lists, func(l idList) bool { return len(l) == 0 })
	switch len(lists) {
	case 0:
		return nil
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
	out := make(idList, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	out = append(out, a...)
	return slices.Clip(append(out, b...))
}

// queryIDs are the ids in any of lists, for a query by id: the list
// itself when there is one, so that the store knows it again, and an
// empty list, not none, when they hold no id (a query by id that
// selects nothing).
func queryIDs(lists ...idList) []string {
	if ids := unionOf(lists...); ids != nil {
		return ids
	}
	return []string{}
}

// sameList reports whether a and b are one list: a list given out is
// never changed, so the same list is the same set.
func sameList(a, b idList) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.SliceData(a) == unsafe.SliceData(b))
}
