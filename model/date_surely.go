package model

// A date without an offset (a day, or a time "local time there") is that
// day or time wherever it happened, in a zone from UTC-12 to UTC+14;
// chrono orders it as if in UTC. Beside an instant written with its
// offset, the order is a guess: 1 May and 21:00 -05:00 on 1 May (2 May
// 02:00 UTC) may be the same day. What a check says cannot be, it says
// only when no zone would make it so.

// Widest offsets a zone has from UTC, in seconds.
const (
	zoneEast = 14 * 3600
	zoneWest = 12 * 3600
)

// Qualified reports whether d is approximate or uncertain at either end
// (c. 2020, 2020?): it may lie outside its bounds, and a check does not
// say that it cannot.
func (d Date) Qualified() bool {
	switch d.form {
	case formSingle:
		return d.start.qualifier != Certain
	case formInterval:
		return d.startEnd == boundKnown && d.start.qualifier != Certain || d.endEnd == boundKnown && d.end.qualifier != Certain
	}
	return false
}

// SurelyBefore reports whether all of d comes before any of o, whatever
// zone a date without an offset is in, when the other has one: a check
// says that what makes it otherwise cannot be. Neither may be undated
// or qualified (Qualified).
func (d Date) SurelyBefore(o Date) bool {
	if d.IsZero() || o.IsZero() || d.Qualified() || o.Qualified() {
		return false
	}
	latest, earliest := d.Latest(), o.Earliest()
	dEnd, oStart := d.end, o.start
	if d.form == formSingle {
		dEnd = d.start
	}
	if dEnd.zoned() != oStart.zoned() {
		// The one without an offset may be in the zone that brings it
		// nearest the other.
		if !dEnd.zoned() {
			latest = latest.addSeconds(zoneWest)
		} else {
			earliest = earliest.addSeconds(-zoneEast)
		}
	}
	return latest.Compare(earliest) < 0
}

// addSeconds is i moved by n seconds; an unbounded instant stays.
func (i Instant) addSeconds(n int64) Instant {
	if i.IsUnbounded() {
		return i
	}
	return Instant{sec: i.sec + n, nsec: i.nsec}
}

// zoned reports whether p is a time written with its offset (or Z).
func (p point) zoned() bool { return p.hasTime && p.zone != zoneLocal }
