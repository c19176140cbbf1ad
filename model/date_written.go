package model

// A date to select events by is typed as a reader reads the rows: "14 Aug
// 2017" is the day the rows show as 14 Aug 2017. A time given with an
// offset is shown as its clock read where it was written, so 20:30 -04:00
// on 14 Aug is on 14 Aug though it is 00:30 UTC on the 15th; shown in a
// zone (--tz, Z), it is on the day it is there. Selecting by a date that
// itself gives an offset ("20:00 UTC") is selecting by the instant, and
// the event's offset counts.

// maxOffset is the largest offset from UTC a date may give (±14:00), in
// seconds: how far an event's instant can lie from its clock as shown.
const maxOffset = 14 * 60 * 60

// asWritten returns d with its offsets left out: its instants are then
// its clock as written, as chrono takes a time given without one.
func (d Date) asWritten() Date {
	d.start.offset, d.end.offset = 0, 0
	return d
}

// OverlapsShown reports whether d overlaps during, a date to select
// events by, as the rows show d in zone z (ZoneWritten: as written):
// by its clock there where during gives no offset, so an event's day is
// the day its row shows; as instants where during gives one.
func (d Date) OverlapsShown(during Date, z Zone) bool {
	if !during.HasTimeWithOffset() {
		d = d.shownIn(z)
	}
	return d.Overlaps(during)
}

// EndsShownFrom reports whether d, as the rows show it in zone z, ends
// at or after the start of from, a date to go to: by its clock there
// where from gives no offset, as OverlapsShown reads a date to select
// by, so that going to a day lands where the rows show that day, and as
// instants where from gives one.
func (d Date) EndsShownFrom(from Date, z Zone) bool {
	latest := d.Latest()
	if !from.HasTimeWithOffset() {
		latest = d.LatestShown(z)
	}
	return latest.Compare(from.Earliest()) >= 0
}

// Onward is the interval from the start of d on, open at its end
// ("2017/.." for 2017): selecting by it (OverlapsShown) selects the
// events EndsShownFrom finds. Undated for a date with no start.
func (d Date) Onward() Date {
	if d.form == formUndated || (d.form == formInterval && d.startEnd != boundKnown) {
		return Date{}
	}
	p := d.start
	p.qualifier = Certain
	return Date{start: p, form: formInterval, startEnd: boundKnown, endEnd: boundOpen}
}

// LatestShown is d's latest instant as the rows show d in zone z: by its
// clock there, taken as the time of day with no offset.
func (d Date) LatestShown(z Zone) Instant { return d.shownIn(z).Latest() }

// YearDate is the year y (astronomical numbering: 0 is 1 BCE) as a date.
func YearDate(y int64) Date {
	d, err := ParseDate(edtfYear(y))
	if err != nil {
		return Date{}
	}
	return d
}

// shownIn returns d as the rows show it in zone z, its clock there taken
// as the time of day with no offset.
func (d Date) shownIn(z Zone) Date {
	if z.loc != nil && d.HasTimeWithOffset() {
		d.start = d.start.in(z)
		if d.form == formInterval {
			d.end = d.end.in(z)
		}
	}
	return d.asWritten()
}

// PositionShownFrom is where the first event the rows may show at or
// after the start of from is to be looked for (EndsShownFrom): no event
// placed before it ends so late, as a clock is at most 14 hours from its
// instant. The zero Position when from has no start.
func PositionShownFrom(from Date) Position {
	at := from.Earliest()
	if at == BeginningOfTime {
		return Position{}
	}
	if !from.HasTimeWithOffset() {
		at = at.addSeconds(-maxOffset)
	}
	return PositionAt(at)
}

// Overlap is what an event's instants say of whether it overlaps a date
// to select by: No and Yes whatever the offsets the event gives and the
// zone it is shown in, or Depends on them.
type Overlap uint8

// What the instants say.
const (
	OverlapNo Overlap = iota
	OverlapYes
	OverlapDepends
)

// OverlapOfInstants tells, from the instants an event's date spans
// (earliest and latest, as its order key keeps them), whether the event
// overlaps during as OverlapsShown sees it in any zone, without its
// date: a clock is at most 14 hours from its instant. Depends means the
// date's offsets decide (OverlapsShown on the date).
func OverlapOfInstants(earliest, latest Instant, during Date) Overlap {
	lo, hi := during.Earliest(), during.Latest()
	if during.HasTimeWithOffset() {
		if earliest.Compare(hi) > 0 || latest.Compare(lo) < 0 {
			return OverlapNo
		}
		return OverlapYes
	}
	switch {
	case earliest.addSeconds(-maxOffset).Compare(hi) > 0 || latest.addSeconds(maxOffset).Compare(lo) < 0:
		return OverlapNo
	case earliest.addSeconds(maxOffset).Compare(hi) <= 0 && latest.addSeconds(-maxOffset).Compare(lo) >= 0:
		return OverlapYes
	}
	return OverlapDepends
}

// InUTCOf reports whether d is o given back in UTC, as tools that keep
// every time in UTC (Timesketch) write it: a single time in UTC naming
// the same instant, any digits past o's second zeros. Taken instead of
// o, it would lose the offset o gave (the clock where it happened) and
// claim a precision o did not have.
func (d Date) InUTCOf(o Date) bool {
	if d.form != formSingle || o.form != formSingle || !d.start.hasTime || !o.start.hasTime {
		return false
	}
	if d.start.zone == zoneLocal || d.start.offset != 0 {
		return false
	}
	return d.Earliest() == o.Earliest()
}
