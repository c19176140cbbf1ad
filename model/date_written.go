package model

// A date to select events by is typed as a reader reads the rows: "14 Aug
// 2017" is the day the rows show as 14 Aug 2017. A time given with an
// offset is shown as its clock read where it was written, so 20:30 -04:00
// on 14 Aug is on 14 Aug though it is 00:30 UTC on the 15th. Selecting by
// a date that itself gives an offset ("20:00 UTC") is selecting by the
// instant, and the event's offset counts.

// maxOffset is the largest offset from UTC a date may give (±14:00), in
// seconds: how far an event's instant can lie from its clock as written.
const maxOffset = 14 * 60 * 60

// zoned reports whether a time of day in d gives its offset from UTC.
func (d Date) zoned() bool {
	switch d.form {
	case formSingle:
		return d.start.hasTime && d.start.zone != zoneLocal
	case formInterval:
		return d.startEnd == boundKnown && d.start.hasTime && d.start.zone != zoneLocal ||
			d.endEnd == boundKnown && d.end.hasTime && d.end.zone != zoneLocal
	}
	return false
}

// asWritten returns d with its offsets left out: its instants are then
// its clock as written, as chrono takes a time given without one.
func (d Date) asWritten() Date {
	d.start.offset, d.end.offset = 0, 0
	return d
}

// OverlapsAsWritten reports whether d overlaps during, a date to select
// events by: as written where during gives no offset, so an event's
// day is the day its row shows; as instants where it gives one.
func (d Date) OverlapsAsWritten(during Date) bool {
	if !during.zoned() {
		d = d.asWritten()
	}
	return d.Overlaps(during)
}

// Overlap is what an event's instants say of whether it overlaps a date
// to select by: No and Yes whatever the offsets the event gives, or
// Depends on them.
type Overlap uint8

// What the instants say.
const (
	OverlapNo Overlap = iota
	OverlapYes
	OverlapDepends
)

// OverlapOfInstants tells, from the instants an event's date spans
// (earliest and latest, as its order key keeps them), whether the event
// overlaps during as OverlapsAsWritten sees it, without its date: an
// offset moves its clock at most 14 hours from its instants. Depends
// means the date's offsets decide (OverlapsAsWritten on the date).
func OverlapOfInstants(earliest, latest Instant, during Date) Overlap {
	lo, hi := during.Earliest(), during.Latest()
	if during.zoned() {
		if earliest.Compare(hi) > 0 || latest.Compare(lo) < 0 {
			return OverlapNo
		}
		return OverlapYes
	}
	switch {
	case earliest.add(-maxOffset).Compare(hi) > 0 || latest.add(maxOffset).Compare(lo) < 0:
		return OverlapNo
	case earliest.add(maxOffset).Compare(hi) <= 0 && latest.add(-maxOffset).Compare(lo) >= 0:
		return OverlapYes
	}
	return OverlapDepends
}

// add returns i moved by sec seconds; the unbounded instants stay where
// they are.
func (i Instant) add(sec int64) Instant {
	if i.IsUnbounded() {
		return i
	}
	i.sec += sec
	return i
}
