package model

import (
	"bytes"
	"encoding/binary"
)

// orderPrefixLen is the length of an order key before the event id.
const orderPrefixLen = 24

// OrderKey returns bytes that sort the way events sort on the timeline:
// by earliest bound, then latest bound, then id; undated events last. Two
// events have the same key only when they have the same id and the same
// date bounds. Stores use it as the key of their chronological index.
func OrderKey(d Date, id string) []byte {
	return AppendOrderKey(make([]byte, 0, orderPrefixLen+len(id)), d, id)
}

// AppendOrderKey appends the OrderKey of (d, id) to dst.
func AppendOrderKey(dst []byte, d Date, id string) []byte {
	if d.IsZero() {
		dst = append(dst, undatedPrefix[:]...)
	} else {
		dst = appendInstant(dst, d.Earliest())
		dst = appendInstant(dst, d.Latest())
	}
	return append(dst, id...)
}

// OrderKeyAt returns the smallest order key of an event whose earliest
// bound is at or after i: seeking to it finds the first such event.
func OrderKeyAt(i Instant) []byte {
	return appendInstant(make([]byte, 0, orderPrefixLen), i)
}

// undatedPrefix sorts after every dated event: a real instant's nanosecond
// field is never 0xFFFFFFFF.
var undatedPrefix = [orderPrefixLen]byte{
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
}

// UndatedOrderKey is the smallest order key of an undated event.
func UndatedOrderKey() []byte { return bytes.Clone(undatedPrefix[:]) }

func appendInstant(dst []byte, i Instant) []byte {
	dst = binary.BigEndian.AppendUint64(dst, uint64(i.sec)^(1<<63)) // flip the sign bit so negatives sort first
	return binary.BigEndian.AppendUint32(dst, uint32(i.nsec))
}

// OrderKeyID returns the event id at the end of an order key.
func OrderKeyID(key []byte) string {
	if len(key) < orderPrefixLen {
		return ""
	}
	return string(key[orderPrefixLen:])
}

// OrderKeyBounds returns the earliest and latest bounds encoded in an
// order key; dated is false for an undated event's key.
func OrderKeyBounds(key []byte) (earliest, latest Instant, dated bool) {
	if len(key) < orderPrefixLen || bytes.Equal(key[:orderPrefixLen], undatedPrefix[:]) {
		return Instant{}, Instant{}, false
	}
	return instantAt(key), instantAt(key[12:]), true
}

// OrderKeyEarliest returns the earliest bound encoded in an order key, and
// false for an undated event's key.
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

// CompareEvents orders events on the timeline: earliest bound, latest
// bound, then id. It agrees with OrderKey.
func CompareEvents(a, b *Event) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}
