package model

import "bytes"

// Position is a place in timeline order: before, at or after an event,
// or at an instant. It is opaque outside model and the stores: a browser
// asks for "the window at this position" and "the window after this
// event", and never builds or reads the bytes. The zero Position is the
// start of the timeline (or, for a backward walk, its end).
type Position struct {
	key string
}

// PositionOf wraps an order key (see OrderKey). Stores use it for the keys
// of their chronological index; nothing else should.
func PositionOf(key []byte) Position { return Position{key: string(key)} }

// PositionAt is the position of the first event whose narrowed span
// (see Order) ends at or after i: the first not known to have happened
// before i.
func PositionAt(i Instant) Position { return Position{key: string(OrderKeyAt(i))} }

// UndatedPosition is the position of the first undated event no
// constraint places, after every other.
func UndatedPosition() Position { return Position{key: string(undatedPrefix[:])} }

// Key returns the order key p wraps, for a store to seek to; nil for the
// zero Position.
func (p Position) Key() []byte {
	if p.key == "" {
		return nil
	}
	return []byte(p.key)
}

// IsZero reports whether p is the zero Position.
func (p Position) IsZero() bool { return p.key == "" }

// After returns the position just after p: the window after an event
// starts there.
func (p Position) After() Position { return Position{key: p.key + "\x00"} }

// Compare orders positions as the timeline does; the zero Position comes
// first.
func (p Position) Compare(q Position) int { return bytes.Compare([]byte(p.key), []byte(q.key)) }

// EventID returns the id of the event at p, or "" when p is not an
// event's position.
func (p Position) EventID() string { return OrderKeyID([]byte(p.key)) }

// Bounds returns the earliest and latest bounds of the date the event at
// p states; dated is false for an undated event, or when p is not an
// event's position.
func (p Position) Bounds() (earliest, latest Instant, dated bool) {
	return OrderKeyBounds([]byte(p.key))
}

// Placed returns the span the event at p is placed by: its date's,
// narrowed by the constraints (see Order); placed is false for an
// undated event no constraint involves.
func (p Position) Placed() (span Span, placed bool) {
	return OrderKeyPlaced([]byte(p.key))
}
