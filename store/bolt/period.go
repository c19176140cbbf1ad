package bolt

import (
	"encoding/binary"
	"math"

	"chrono/model"
)

// A period is a calendar month, numbered year*12 + month-1, that events are
// counted in by the earliest bound of the date they state (for density),
// and by the latest bound of the span they are placed by (for positions in
// the order). Two more periods sit at the ends of the timeline: events
// with an open or unknown start, and undated events.
const (
	periodOpenStart = math.MinInt64
	periodUndated   = math.MaxInt64
)

// periodOfKey returns the period of the stated date's earliest bound.
func periodOfKey(order []byte) int64 {
	earliest, dated := model.OrderKeyEarliest(order)
	return periodOf(earliest, dated)
}

// orderPeriodOfKey returns the period of the instant an order key leads
// with: the latest bound of the span its event is placed by. Keys sort by
// it, so that the events of earlier order periods come first.
func orderPeriodOfKey(order []byte) int64 {
	span, placed := model.OrderKeyPlaced(order)
	return periodOf(span.Latest, placed)
}

func periodOf(i model.Instant, dated bool) int64 {
	switch {
	case !dated:
		return periodUndated
	case i == model.BeginningOfTime:
		return periodOpenStart
	}
	y, m, _ := i.Civil()
	return y*12 + int64(m-1)
}

// periodStartKey returns the smallest order key in order period p.
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

// spanOfKey returns the period an order key counts in and how many
// months its event may fall in (model.MonthsOf); 0 months for the open
// start and undated periods.
func spanOfKey(order []byte) (int64, int) {
	p := periodOfKey(order)
	if p == periodOpenStart || p == periodUndated {
		return p, 0
	}
	earliest, latest, _ := model.OrderKeyBounds(order)
	return p, model.MonthsOf(earliest, latest)
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

// orderCountKey is the counts/ key of an order period.
func orderCountKey(p int64) []byte {
	return binary.BigEndian.AppendUint64(counterOrder.prefix(), uint64(p)^(1<<63))
}

// periodFromCountKey reads the period of a counterPeriod or counterOrder
// key.
func periodFromCountKey(k []byte) int64 {
	return int64(binary.BigEndian.Uint64(k[len(counterPeriod.prefix()):]) ^ (1 << 63))
}

func periodValue(p int64, months, n int) model.Period {
	switch p {
	case periodOpenStart:
		return model.Period{Open: true, Count: n}
	case periodUndated:
		return model.Period{Undated: true, Count: n}
	}
	y, m := periodYearMonth(p)
	return model.Period{Year: y, Month: m, Months: max(months, 1), Count: n}
}
