package model

import (
	"fmt"
	"time"
)

// Zone is where a time of day written with an offset from UTC is shown:
// as written (the zero Zone), in UTC, or in the reader's own zone. A time
// written without an offset is local to where it happened: no zone can
// say what it was elsewhere, so it is never converted, and its label
// says so.
type Zone struct {
	name string
	loc  *time.Location
}

// ZoneWritten shows times as they were written.
var ZoneWritten = Zone{}

// ZoneUTC shows times with an offset in UTC.
var ZoneUTC = Zone{name: "utc", loc: time.UTC}

// ZoneLocal shows times with an offset in loc, the reader's zone
// (time.Local), with loc's offset at that instant.
func ZoneLocal(loc *time.Location) Zone { return Zone{name: "local", loc: loc} }

// ZoneNames are the names ParseZone reads, in the order Next cycles them.
var ZoneNames = []string{"written", "utc", "local"}

// ParseZone reads a zone's name: written, utc or local (in local).
func ParseZone(name string, local *time.Location) (Zone, error) {
	switch name {
	case "written", "":
		return ZoneWritten, nil
	case "utc":
		return ZoneUTC, nil
	case "local":
		return ZoneLocal(local), nil
	}
	return Zone{}, fmt.Errorf("time zone %q: use written, utc or local", name)
}

// String is the zone's name: written, utc or local.
func (z Zone) String() string {
	if z.name == "" {
		return "written"
	}
	return z.name
}

// Next is the zone after z, as a key cycles them: written, UTC, local
// (in local), and back.
func (z Zone) Next(local *time.Location) Zone {
	switch z.name {
	case "":
		return ZoneUTC
	case "utc":
		return ZoneLocal(local)
	}
	return ZoneWritten
}

// Instant is t, a moment chrono recorded (a note written, a change made),
// in z: in UTC for UTC, else in the reader's zone, loc, or for the zone
// as written, which such a moment does not have, the process's own, as
// chrono log shows its entries.
func (z Zone) Instant(t time.Time) time.Time {
	if z.loc != nil {
		return t.In(z.loc)
	}
	return t.Local()
}

// LabelIn is Label for reading: each time written with an offset is
// shown in z, and a time written without one is said to be the local
// time where it happened ("15:04:05 (local time there)"), in every zone.
func (d Date) LabelIn(z Zone) string {
	if z.loc == nil || !d.HasTimeWithOffset() {
		return d.label(true)
	}
	c := d
	c.start = c.start.in(z)
	if c.form == formInterval {
		c.end = c.end.in(z)
	}
	return c.label(true)
}

// HasTimeWithOffset reports whether either end of d is a time of day
// written with an offset from UTC (or Z): one a Zone may convert.
func (d Date) HasTimeWithOffset() bool {
	has := func(p point) bool { return p.hasTime && p.zone != zoneLocal }
	switch d.form {
	case formSingle:
		return has(d.start)
	case formInterval:
		return (d.startEnd == boundKnown && has(d.start)) || (d.endEnd == boundKnown && has(d.end))
	}
	return false
}

// in returns p at the same instant in z; a point without a time or an
// offset, or beyond the years time.Time counts, stays as written.
func (p point) in(z Zone) point {
	if !p.hasTime || p.zone == zoneLocal || p.wideYear || p.year < 1 || p.year > 9999 {
		return p
	}
	i := p.earliest()
	t := time.Unix(i.sec, int64(i.nsec)).In(z.loc)
	if t.Year() < 1 || t.Year() > 9999 {
		return p
	}
	p.year, p.month, p.day = int64(t.Year()), uint8(t.Month()), uint8(t.Day())
	p.hour, p.minute, p.second = uint8(t.Hour()), uint8(t.Minute()), uint8(t.Second())
	if z.loc == time.UTC {
		p.zone, p.offset = zoneUTC, 0
		return p
	}
	_, off := t.Zone()
	if off%60 != 0 {
		return p // an old local mean time, which an offset in minutes cannot say
	}
	p.zone, p.offset = zoneOffset, int16(off/60)
	return p
}
