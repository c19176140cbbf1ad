package bolt

import (
	"encoding/binary"

	"chrono/model"
)

// periodOfKey returns the period (model.PeriodNumber) of the stated
// date's earliest bound, which counts the event for density.
func periodOfKey(order []byte) int64 {
	earliest, dated := model.OrderKeyEarliest(order)
	return model.PeriodNumber(earliest, dated)
}

// orderPeriodOfKey returns the period of the instant an order key leads
// with: the latest bound of the span its event is placed by. Keys sort by
// it, so that the events of earlier order periods come first.
func orderPeriodOfKey(order []byte) int64 {
	span, placed := model.OrderKeyPlaced(order)
	return model.PeriodNumber(span.Latest, placed)
}

// periodStartKey returns the smallest order key in order period p.
func periodStartKey(p int64) []byte {
	switch p {
	case model.PeriodOpenStart:
		return nil
	case model.PeriodUndated:
		return model.UndatedOrderKey()
	}
	y, m := model.PeriodMonth(p)
	return model.OrderKeyAt(model.StartOfMonth(y, m))
}

// spanCountKey is the counts/ key of the events starting in period p
// that may fall in any of months months (more than one).
func spanCountKey(p int64, months int) []byte {
	k := binary.BigEndian.AppendUint64(counterSpan.prefix(), uint64(p)^(1<<63))
	return binary.BigEndian.AppendUint32(k, uint32(months))
}

func spanFromCountKey(k []byte) (p int64, months int) {
	k = k[len(counterSpan.prefix()):]
	if len(k) != 12 {
		return 0, 0
	}
	return int64(binary.BigEndian.Uint64(k) ^ (1 << 63)), int(binary.BigEndian.Uint32(k[8:]))
}

// periodCountKey is the counts/ key of a period.
func periodCountKey(p int64) []byte {
	return binary.BigEndian.AppendUint64(counterPeriod.prefix(), uint64(p)^(1<<63))
}

// orderCountKey is the counts/ key of an order period.
func orderCountKey(p int64) []byte {
	return binary.BigEndian.AppendUint64(counterOrder.prefix(), uint64(p)^(1<<63))
}

// periodFromCountKey reads the period of a counterPeriod or counterOrder
// key.
func periodFromCountKey(k []byte) int64 {
	return int64(binary.BigEndian.Uint64(k[len(counterPeriod.prefix()):]) ^ (1 << 63))
}
