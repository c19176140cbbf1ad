package model

import (
	"cmp"
	"maps"
	"slices"
	"time"
)

// The stores count an event's period by the UTC month of its instants
// (PeriodSpanOfKey), which their kept counts and order keys hold. The
// rows show a time given with an offset by its clock as written, or in
// the zone the reader picks: 22:00 -04:00 on 31 Aug 2017 is on a row of
// August though its instant is in September. Counted by the instant, the
// month would say one event fewer than its rows. A clock is at most 14
// hours from its instant, so only an event with an instant that near a
// month's turn can be shown in another month than it is counted in: a
// store reads those again (ShownWindows) and moves them (MovePeriods).

// PeriodSpanShown is PeriodSpanOfKey for a date as the rows show it in
// zone z (ZoneWritten: as written): the period of the month its start is
// shown in and how many months it is shown to reach.
func PeriodSpanShown(d Date, z Zone) (int64, int) {
	span := d.SpanShown(z)
	p := PeriodNumber(span.Earliest, !d.IsZero())
	if p == PeriodOpenStart || p == PeriodUndated {
		return p, 0
	}
	return p, MonthsOf(span.Earliest, span.Latest)
}

// SpanShown is d's span as the rows show d in zone z: its clock there
// taken as the time of day with no offset, by which the months a ruler
// draws are counted (PeriodSpanShown).
func (d Date) SpanShown(z Zone) Span { return SpanOf(d.shownIn(z)) }

// NearMonthTurn reports whether an instant lies within the widest offset
// (14 hours) of the start of a month: a clock shown for it may be in
// another month.
func NearMonthTurn(i Instant) bool {
	if i.IsUnbounded() {
		return false
	}
	return PeriodNumber(i.addSeconds(-maxOffset), true) != PeriodNumber(i.addSeconds(maxOffset), true)
}

// ShownWindows returns, in order and apart, the stretches of time within
// the widest offset of each month's turn the periods start or end at:
// the events whose order key leads with an instant in one are those a
// store reads again to count them as their rows show them. A period
// that spans months turns at its start and at its end. Shown in UTC,
// every event is where its instants put it: there are none.
//
// The month's last nanosecond is left out of each: the span of every
// date given to the day, month or year without a time of day ends
// there, two events in five of the synthetic million, and reading them
// again took the ruler from a quarter of a millisecond to most of a
// second. A time ends there only when it is the second 23:59:59 in
// UTC; an event whose span ends there (a date without a time, or an
// interval ending on one) and whose other end is a time near a month's
// turn (2017-07-31T22:00:00-04:00/2017-08) is counted by its instants.
func ShownWindows(periods []Period, z Zone) []Span {
	if z.loc == time.UTC {
		return nil
	}
	turns := map[int64]bool{}
	for _, p := range periods {
		if p.Open || p.Undated {
			continue
		}
		n := periodNumberOf(p)
		last := n + int64(max(p.Months, 1)) - 1
		turns[n], turns[n+1], turns[last], turns[last+1] = true, true, true, true
	}
	out := make([]Span, 0, 2*len(turns))
	for _, n := range slices.Sorted(maps.Keys(turns)) {
		at := StartOfMonth(PeriodMonth(n))
		out = append(out,
			Span{Earliest: at.addSeconds(-maxOffset), Latest: justBefore(justBefore(at))},
			Span{Earliest: at, Latest: at.addSeconds(maxOffset)})
	}
	return out
}

// OrderKeyLead returns the instant an order key leads with (the latest
// bound of the span its event is placed by), and false for an undated
// event no constraint involves.
func OrderKeyLead(key []byte) (Instant, bool) {
	span, placed := OrderKeyPlaced(key)
	return span.Latest, placed
}

// ShownMove is where an event read again is counted and where its row
// shows it: a period number and how many months, as PeriodSpanOfKey and
// PeriodSpanShown give them.
type ShownMove struct {
	From, To             int64
	FromMonths, ToMonths int
}

// ShownMoveOf returns the move of the event whose order key is key and
// whose date is d, as the rows show it in zone z, and false when its row
// shows it where it is counted. ShownMayMove says first, from the key
// alone, whether d need be read at all.
func ShownMoveOf(key []byte, d Date, z Zone) (ShownMove, bool) {
	if !d.HasTimeWithOffset() {
		return ShownMove{}, false
	}
	from, fromMonths := PeriodSpanOfKey(key)
	to, toMonths := PeriodSpanShown(d, z)
	if from == to && fromMonths == toMonths {
		return ShownMove{}, false
	}
	return ShownMove{From: from, FromMonths: fromMonths, To: to, ToMonths: toMonths}, true
}

// ShownMayMove reports, from an order key alone, whether its event may
// be shown in another month than it is counted in: the date it states
// starts or ends near a month's turn. Only then is its date read.
func ShownMayMove(key []byte) bool {
	earliest, latest, dated := OrderKeyBounds(key)
	return dated && (NearMonthTurn(earliest) || NearMonthTurn(latest))
}

// MovePeriods returns periods with each event of moves counted where its
// row shows it, in the periods' order.
func MovePeriods(periods []Period, moves []ShownMove) []Period {
	if len(moves) == 0 {
		return periods
	}
	type key struct {
		p      int64
		months int
	}
	n := make(map[key]int, len(periods)+len(moves))
	for _, p := range periods {
		n[key{periodNumberOf(p), p.Months}] += p.Count
	}
	months := func(p int64, m int) int {
		if p == PeriodOpenStart || p == PeriodUndated {
			return 0
		}
		return max(m, 1)
	}
	for _, m := range moves {
		n[key{m.From, months(m.From, m.FromMonths)}]--
		n[key{m.To, months(m.To, m.ToMonths)}]++
	}
	keys := slices.SortedFunc(maps.Keys(n), func(a, b key) int {
		return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.months, b.months))
	})
	out := make([]Period, 0, len(keys))
	for _, k := range keys {
		if n[k] > 0 {
			out = append(out, PeriodAt(k.p, k.months, n[k]))
		}
	}
	return out
}

// periodNumberOf is the period number of a Period.
func periodNumberOf(p Period) int64 {
	switch {
	case p.Open:
		return PeriodOpenStart
	case p.Undated:
		return PeriodUndated
	}
	return p.Year*12 + int64(p.Month-1)
}
