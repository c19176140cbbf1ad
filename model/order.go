package model

import (
	"bytes"
	"encoding/binary"
)

// An order key sorts as Order places events, so that a store's index
// keeps the chronology's order and a cursor pages through it:
//
//	latest    12 bytes: the narrowed span's latest instant
//	earliest  12 bytes: the narrowed span's earliest instant
//	          (the 24 bytes are all 0xFF for an undated event no
//	          constraint involves: it comes last)
//	depth      4 bytes: Placed.Depth
//	precision  1 byte:  0xFF less the date's precision, the more precise first
//	title      the title's first OrderTitleBytes bytes, each 0x00 written
//	          0x00 0xFF, ended by 0x00 0x01
//	id         the event id, ended by 0x00 (an id has no 0x00)
//	stated    24 bytes, only when the span above is not the one the date
//	          states: the date's own earliest and latest instant (all
//	          0xFF when undated). It comes after the id, so it never
//	          decides the order; it lets a store filter and count by the
//	          date an event states without reading the event.
const (
	orderPrefixLen = 24
	orderHeadLen   = orderPrefixLen + 4 + 1
)

// OrderTitleBytes is how much of a title an order key holds, and Order
// compares: events of the same place whose titles agree so far are told
// apart by their ids. A title may be a line of 64 KiB (MaxLineBytes);
// keyed whole, one past 32 KiB was more than bbolt keys, and one past
// about 2.6 KB more than PostgreSQL indexes.
const OrderTitleBytes = 1024

// orderTitle is the part of a title an order key holds.
func orderTitle(title string) string { return title[:min(len(title), OrderTitleBytes)] }

// OrderKey returns the order key of an event no constraint moves: Order
// of it alone. Stores use it for every event outside a linked group, and
// (Placed).OrderKey for those in one.
func OrderKey(e *Event) []byte {
	p := Placed{Event: e, Span: SpanOf(e.Date), unplaced: e.Date.IsZero()}
	return p.OrderKey()
}

// OrderKey returns the bytes that sort p where Order places it among the
// events it was placed with: two order keys compare as comparePlaced
// compares their events. Two events have the same key only when they
// have the same id.
func (p *Placed) OrderKey() []byte {
	e := p.Event
	title := orderTitle(e.Title)
	dst := make([]byte, 0, orderHeadLen+len(title)+len(e.ID)+3)
	if p.unplaced {
		dst = append(dst, undatedPrefix[:]...)
	} else {
		dst = appendInstant(dst, p.Span.Latest)
		dst = appendInstant(dst, p.Span.Earliest)
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(min(p.Depth, 1<<31)))
	dst = append(dst, 0xFF-byte(e.Date.Precision()))
	for i := 0; i < len(title); i++ {
		if title[i] == 0 {
			dst = append(dst, 0, 0xFF)
		} else {
			dst = append(dst, title[i])
		}
	}
	dst = append(dst, 0, 1)
	dst = append(dst, e.ID...)
	dst = append(dst, 0)
	switch stated := SpanOf(e.Date); {
	case e.Date.IsZero() && !p.unplaced:
		dst = append(dst, undatedPrefix[:]...)
	case p.Span != stated:
		dst = appendInstant(dst, stated.Earliest)
		dst = appendInstant(dst, stated.Latest)
	}
	return dst
}

// OrderKeyAt returns the smallest order key of an event whose narrowed
// span's latest instant is at or after i: seeking to it finds the first
// event not known to have happened before i.
func OrderKeyAt(i Instant) []byte {
	return appendInstant(make([]byte, 0, orderPrefixLen), i)
}

// undatedPrefix sorts after every dated event: a real instant's nanosecond
// field is never 0xFFFFFFFF.
var undatedPrefix = [orderPrefixLen]byte{
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
}

// UndatedOrderKey is the smallest order key of an undated event no
// constraint involves.
func UndatedOrderKey() []byte { return bytes.Clone(undatedPrefix[:]) }

func appendInstant(dst []byte, i Instant) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(i.sec)^(1<<63)) // flip the sign bit so negatives sort first
	return binary.BigEndian.AppendUint32(dst, uint32(i.nsec))
}

// orderKeyTail returns the id and what follows it in an order key, and
// false when key is not one.
func orderKeyTail(key []byte) (id, stated []byte, ok bool) {
	if len(key) < orderHeadLen {
		return nil, nil, false
	}
	rest := key[orderHeadLen:]
	for i := 0; ; {
		j := bytes.IndexByte(rest[i:], 0)
		if j < 0 || i+j+1 >= len(rest) {
			return nil, nil, false
		}
		i += j
		if rest[i+1] == 0xFF {
			i += 2 // an escaped 0x00 of the title
			continue
		}
		id, stated, ok = bytes.Cut(rest[i+2:], []byte{0})
		return id, stated, ok
	}
}

// BoundOrderKey returns key with its title cut to OrderTitleBytes, as
// OrderKey writes it now, and whether that changed it: the key of an
// event stored before titles were cut, its place kept. ok is false for
// bytes that are not an order key.
func BoundOrderKey(key []byte) (bound []byte, changed, ok bool) {
	if _, _, ok := orderKeyTail(key); !ok {
		return key, false, false
	}
	n := 0 // the title's bytes so far
	for i := orderHeadLen; ; {
		c := key[i]
		if c == 0 && key[i+1] != 0xFF {
			return key, false, true // the title's end, within the bound
		}
		if n == OrderTitleBytes {
			end := i
			for key[i] != 0 || key[i+1] == 0xFF { // on to the title's end
				if key[i] == 0 {
					i++
				}
				i++
			}
			return append(bytes.Clone(key[:end]), key[i:]...), true, true
		}
		if c == 0 {
			i++ // an escaped 0x00: two bytes, one of the title
		}
		i++
		n++
	}
}

// OrderKeyID returns the event id in an order key.
func OrderKeyID(key []byte) string {
	id, _, _ := orderKeyTail(key)
	return string(id)
}

// OrderKeyIDBytes returns the id in an order key as a slice of the key,
// without a copy (nil when key is not one): a pass over every key of a
// store compares a million of them.
func OrderKeyIDBytes(key []byte) []byte {
	id, _, ok := orderKeyTail(key)
	if !ok {
		return nil
	}
	return id
}

// OrderKeyHasID reports whether an order key is the key of the event
// with the id.
func OrderKeyHasID(key []byte, id string) bool {
	got, _, ok := orderKeyTail(key)
	return ok && string(got) == id
}

// OrderKeyPlaced returns the narrowed span an order key places its event
// by; placed is false for an undated event no constraint involves, and
// for what is not an event's key.
func OrderKeyPlaced(key []byte) (span Span, placed bool) {
	if len(key) < orderPrefixLen || bytes.Equal(key[:orderPrefixLen], undatedPrefix[:]) {
		return Span{}, false
	}
	return Span{Earliest: instantAt(key[12:]), Latest: instantAt(key)}, true
}

// OrderKeyBounds returns the earliest and latest instant of the date an
// order key's event states (not the span constraints narrowed it to);
// dated is false for an undated event.
func OrderKeyBounds(key []byte) (earliest, latest Instant, dated bool) {
	if _, stated, ok := orderKeyTail(key); ok && len(stated) == orderPrefixLen {
		if bytes.Equal(stated, undatedPrefix[:]) {
			return Instant{}, Instant{}, false
		}
		return instantAt(stated), instantAt(stated[12:]), true
	}
	span, placed := OrderKeyPlaced(key)
	return span.Earliest, span.Latest, placed
}

// OrderKeyEarliest returns the earliest instant of the date an order
// key's event states, and false for an undated event.
func OrderKeyEarliest(key []byte) (Instant, bool) {
	earliest, _, dated := OrderKeyBounds(key)
	return earliest, dated
}

func instantAt(b []byte) Instant {
	return Instant{
		sec:  int64(binary.BigEndian.Uint64(b) ^ (1 << 63)),
		nsec: int32(binary.BigEndian.Uint32(b[8:])),
	}
}

// CompareEvents orders events no constraint moves as Order does. It
// agrees with OrderKey.
func CompareEvents(a, b *Event) int {
	pa := Placed{Event: a, Span: SpanOf(a.Date), unplaced: a.Date.IsZero()}
	pb := Placed{Event: b, Span: SpanOf(b.Date), unplaced: b.Date.IsZero()}
	return comparePlaced(&pa, &pb)
}
