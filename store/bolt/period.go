package bolt

import (
	"encoding/binary"
	"math"

	"chrono/model"
)

// A period is a calendar month, numbered year*12 + month-1, that events are
// counted in by their earliest bound. Two more periods sit at the ends of
// the timeline: events with an open or unknown start, and undated events.
const (
	periodOpenStart = math.MinInt64
	periodUndated   = math.MaxInt64
)

func periodOfKey(order []byte) int64 {
	earliest, dated := model.OrderKeyEarliest(order)
	switch {
	case !dated:
		return periodUndated
	case earliest == model.BeginningOfTime:
		return periodOpenStart
	}
	y, m, _ := earliest.Civil()
	return y*12 + int64(m-1)
}

// periodStartKey returns the smallest order key in period p.
func periodStartKey(p int64) []byte {
	switch p {
	case periodOpenStart:
		return nil
	case periodUndated:
		return model.UndatedOrderKey()
	}
	y, m := periodYearMonth(p)
	return model.OrderKeyAt(model.StartOfMonth(y, m))
}

func periodYearMonth(p int64) (int64, int) {
	y := p / 12
	m := p % 12
	if m < 0 {
		y--
		m += 12
	}
	return y, int(m) + 1
}

// periodCountKey is the counts/ key of a period.
func periodCountKey(p int64) []byte {
	return binary.BigEndian.AppendUint64(counterPeriod.prefix(), uint64(p)^(1<<63))
}

func periodFromCountKey(k []byte) int64 {
	return int64(binary.BigEndian.Uint64(k[len(counterPeriod.prefix()):]) ^ (1 << 63))
}

func periodValue(p int64, n int) model.Period {
	switch p {
	case periodOpenStart:
		return model.Period{Open: true, Count: n}
	case periodUndated:
		return model.Period{Undated: true, Count: n}
	}
	y, m := periodYearMonth(p)
	return model.Period{Year: y, Month: m, Count: n}
}
